// upgrade.mjs: a diagram made with template version 1 upgraded the way Modeler's "Update" does
// it, to a synthetic version 2 (what an upgrade keeps, drops and renews) and to the real current
// templates (the committed version 1 diagrams of src/test/resources/e2e/v1).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

import { lintXml } from '../lint.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = path.resolve(root, '../..');
const V1_TEMPLATE = path.join(repo, 'element-templates/versioned/servicenow-incident-handler-1.json');
const V1_DIAGRAMS = path.join(repo, 'src/test/resources/e2e/v1');
const V1_DIAGRAM = path.join(V1_DIAGRAMS, 'incident-lifecycle.bpmn');
const TEMPLATES = path.join(repo, 'element-templates');
const MOVED = 'connection.baseUrl'; // set on every task of the example
const MOVED_TO = 'connection.endpoint.baseUrl';
const dir = mkdtempSync(path.join(tmpdir(), 'upgrade-'));

/**
 * Version 2 of the incident template: the base URL moved into a nested record (new binding),
 * new defaults for retries, retry backoff, search limit and operation, version 2 everywhere.
 */
function writeV2(edit = () => {}) {
  const t = JSON.parse(readFileSync(V1_TEMPLATE, 'utf8'));
  t.version = 2;
  const byBinding = (name) => t.properties.filter((p) => p.binding.name === name || p.binding.key === name ||
    (p.binding.type === 'zeebe:taskDefinition' && p.binding.property === name));
  assert.equal(byBinding(MOVED).length, 1, `v1 binds ${MOVED} once`);
  byBinding(MOVED)[0].binding.name = MOVED_TO;
  byBinding('elementTemplateVersion')[0].value = '2';
  byBinding('retries')[0].value = '4';
  byBinding('retryBackoff')[0].value = 'PT1M';
  byBinding('operation.limit')[0].value = '20';
  byBinding('operation.operation')[0].value = 'search';
  edit(t);
  const file = path.join(mkdtempSync(path.join(dir, 'v2-')), 'servicenow-incident-handler-2.json');
  writeFileSync(file, JSON.stringify(t, null, 2));
  return file;
}

function upgrade(...args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [ 'dist/upgrade.mjs', ...args ], { cwd: root, encoding: 'utf8' });
  return { status, stdout, stderr };
}

/** Per service task: template version, inputs, headers, retries. */
function tasks(xml) {
  const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  return Object.fromEntries([ ...doc.getElementsByTagName('bpmn:serviceTask') ].map((el) => [ el.getAttribute('id'), {
    version: el.getAttribute('zeebe:modelerTemplateVersion'),
    inputs: Object.fromEntries([ ...el.getElementsByTagName('zeebe:input') ].map((i) => [ i.getAttribute('target'), i.getAttribute('source') ])),
    headers: Object.fromEntries([ ...el.getElementsByTagName('zeebe:header') ].map((h) => [ h.getAttribute('key'), h.getAttribute('value') ])),
    retries: el.getElementsByTagName('zeebe:taskDefinition')[0].getAttribute('retries')
  } ]));
}

before(() => {
  const sources = [ 'upgrade.mjs', 'lib/modeler.mjs', 'lib/dom.mjs', 'build.mjs', 'package-lock.json' ].map((f) => statSync(path.join(root, f)).mtimeMs);
  const dist = path.join(root, 'dist/upgrade.mjs');
  if (!existsSync(dist) || statSync(dist).mtimeMs < Math.max(...sources)) {
    const build = spawnSync('npm', [ 'run', '--silent', 'build' ], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  }
});

test('upgrades every task as Modeler does: user values kept, moved binding dropped, untouched defaults renewed', async () => {
  const out = path.join(dir, 'upgraded.bpmn');
  const { status, stderr } = upgrade(V1_DIAGRAM, '-t', V1_TEMPLATE, '-t', writeV2(), '-o', out);
  assert.equal(status, 0, stderr);

  const v1 = tasks(readFileSync(V1_DIAGRAM, 'utf8'));
  const v2 = tasks(readFileSync(out, 'utf8'));
  assert.deepEqual(Object.keys(v2), Object.keys(v1));
  assert.ok(Object.keys(v1).length >= 5);

  for (const [ id, before ] of Object.entries(v1)) {
    const after = v2[id];
    assert.equal(before.version, '1');
    assert.equal(after.version, '2', id);
    assert.equal(after.headers.elementTemplateVersion, '2', `${id}: Hidden values are reset`);

    // every value the user entered is still there (the operation Dropdown too, despite its new default)
    const expected = { ...before.inputs };
    delete expected[MOVED];
    if (id === 'FindCriticalIncidents') assert.equal(expected['operation.limit'], '5');
    assert.deepEqual(after.inputs, expected, `${id}: inputs`);

    // the old binding's value is gone with it; the new optional binding stays empty
    assert.ok(before.inputs[MOVED], `${id} had a base URL`);
    assert.ok(!(MOVED in after.inputs) && !(MOVED_TO in after.inputs), id);
    assert.match(stderr, new RegExp(`^upgraded ${id}: io\\.github\\.sncamunda\\.servicenow\\.incident 1 -> 2$\\n  dropped input ${MOVED.replace('.', '\\.')} = "=snBaseUrl"$`, 'm'));

    // defaults nobody changed take the new ones
    assert.equal(after.retries, '4', id);
    assert.equal(after.headers.retryBackoff, 'PT1M', id);
    assert.deepEqual({ ...after.headers, elementTemplateVersion: '1', retryBackoff: 'PT30S' }, before.headers, `${id}: headers`);
  }

  const errors = (await lintXml(readFileSync(out, 'utf8'))).filter((r) => r.category === 'error');
  assert.deepEqual(errors, [], 'the upgraded diagram still lints clean');

  const again = upgrade(out, '-t', V1_TEMPLATE, '-t', writeV2(), '-o', path.join(dir, 'again.bpmn'));
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /^nothing to upgrade$/m);
});

test('--element upgrades only the named elements', () => {
  const out = path.join(dir, 'one.bpmn');
  const { status, stderr } = upgrade(V1_DIAGRAM, '-t', V1_TEMPLATE, '-t', writeV2(), '--element', 'ReadIncident', '-o', out);
  assert.equal(status, 0, stderr);
  const versions = Object.fromEntries(Object.entries(tasks(readFileSync(out, 'utf8'))).map(([ id, t ]) => [ id, t.version ]));
  assert.equal(versions.ReadIncident, '2');
  assert.deepEqual(Object.values(versions).filter((v) => v === '1').length, Object.keys(versions).length - 1);

  const typo = upgrade(V1_DIAGRAM, '-t', V1_TEMPLATE, '-t', writeV2(), '--element', 'ReadIncidnet');
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /error: ReadIncidnet: no templated element with this id/);
});

test('--strict refuses an upgrade that drops values, and writes nothing', () => {
  const out = path.join(dir, 'strict.bpmn');
  const { status, stderr } = upgrade(V1_DIAGRAM, '-t', V1_TEMPLATE, '-t', writeV2(), '--strict', '-o', out);
  assert.equal(status, 1);
  assert.match(stderr, /^error: CreateIncident: the upgrade drops 1 value\(s\) \(--strict\)$/m);
  assert.ok(!existsSync(out));
});

test('without the diagram\'s own template version there is no upgrade, as in Modeler', () => {
  const { status, stderr } = upgrade(V1_DIAGRAM, '-t', writeV2());
  assert.equal(status, 1);
  assert.match(stderr, /^error: CreateIncident: template io\.github\.sncamunda\.servicenow\.incident version 1 is not among the given templates .*offer no update$/m);
});

test('a newer version for another Camunda version is not offered', () => {
  const { status, stderr, stdout } = upgrade(V1_DIAGRAM, '-t', V1_TEMPLATE, '-t', writeV2((t) => { t.engines = { camunda: '^8.9' }; }));
  assert.equal(status, 0, stderr);
  assert.match(stderr, /^nothing to upgrade$/m);
  assert.deepEqual(tasks(stdout), tasks(readFileSync(V1_DIAGRAM, 'utf8')));
});

const SAME_PROCESS_SINCE_V1 = [ 'incident-on-failure.bpmn' ];

test('the committed version 1 diagrams upgrade to the current templates with every value kept', () => {
  const currentIcons = new Set(readdirSync(TEMPLATES).filter((t) => t.endsWith('.json'))
    .map((t) => JSON.parse(readFileSync(path.join(TEMPLATES, t), 'utf8')).icon.contents));
  const diagrams = readdirSync(V1_DIAGRAMS).filter((f) => f.endsWith('.bpmn'));
  assert.ok(diagrams.length >= 5);
  let examples = 0;
  for (const f of diagrams) {
    const out = path.join(dir, `current-${f}`);
    const { status, stderr } = upgrade(path.join(V1_DIAGRAMS, f), '-t', TEMPLATES, '--strict', '-o', out);
    assert.equal(status, 0, `${f}: ${stderr}`);
    assert.doesNotMatch(stderr, /dropped/, f);
    // the only change: the template version, in the attribute and its header
    assert.deepEqual([ ...new Set(stderr.match(/^ {2}changed .*$/mg)) ], [ '  changed header elementTemplateVersion: "1" -> "2"' ], f);
    // (and the icon: each connector got its own after version 1; the current one is checked below;
    // and properties added since version 1 come with their defaults: a create's retry mark switch)
    const icons = (xml) => xml.replace(/ zeebe:modelerTemplateIcon="[^"]*"/g, ' zeebe:modelerTemplateIcon="…"');
    const added = /^ *<zeebe:input source="=false" target="operation\.unmarked" \/>\n/mg;
    assert.equal(icons(readFileSync(out, 'utf8').replace(/(modelerTemplateVersion=|elementTemplateVersion" value=)"2"/g, '$1"1"').replace(added, '')),
      icons(readFileSync(path.join(V1_DIAGRAMS, f), 'utf8')), `${f}: nothing else differs`);
    for (const [ , icon ] of readFileSync(out, 'utf8').matchAll(/ zeebe:modelerTemplateIcon="([^"]*)"/g)) {
      assert.ok(currentIcons.has(icon), `${f}: the upgraded icon is a current template's`);
    }
    // and it is what the current templates make of the example's recipe, for the examples that
    // are still the same process (flow-approval now correlates by the flow's execution id, and
    // incident-lifecycle waits for the resolution instead of deleting its incident)
    const example = path.join(repo, 'examples', f);
    if (existsSync(example) && SAME_PROCESS_SINCE_V1.includes(f)) {
      assert.equal(readFileSync(out, 'utf8'), readFileSync(example, 'utf8'), `${f} upgraded = examples/${f}`);
      examples++;
    }
  }
  assert.equal(examples, SAME_PROCESS_SINCE_V1.length);
});

test('why the Incident Handler keeps its table options bound in operation: a moved binding loses the user\'s value', () => {
  const current = JSON.parse(readFileSync(path.join(TEMPLATES, 'servicenow-incident-handler.json'), 'utf8'));
  const fields = current.properties.find((p) => p.id === 'options.fields');
  assert.equal(fields.binding.name, 'operation.fields');
  fields.binding.name = 'options.fields'; // the shape of the Record Handler's options
  const moved = path.join(mkdtempSync(path.join(dir, 'moved-')), 'servicenow-incident-handler.json');
  writeFileSync(moved, JSON.stringify(current));

  const { status, stderr } = upgrade(V1_DIAGRAM, '-t', V1_TEMPLATE, '-t', moved, '--strict');
  assert.equal(status, 1);
  assert.match(stderr, /^ {2}dropped input operation\.fields = "sys_id,number,priority,short_description"$/m);
  assert.match(stderr, /^error: FindCriticalIncidents: the upgrade drops 1 value\(s\) \(--strict\)$/m);
});
