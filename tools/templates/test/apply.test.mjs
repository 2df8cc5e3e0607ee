// Headless apply (dist/apply.mjs): resulting XML, dropdown switching, hybrid, --check.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist/apply.mjs');
const out = mkdtempSync(path.join(tmpdir(), 'apply-test-'));
const recipe = (name) => `test/fixtures/recipes/${name}.json`;

function run(...args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [ dist, ...args ], { cwd: root, encoding: 'utf8' });
  return { status, stdout, stderr };
}

/** Apply a recipe and return the resulting XML document (memoized: each run boots bpmn-js). */
const applied = new Map();
function apply(name) {
  if (!applied.has(name)) applied.set(name, applyUncached(name));
  return applied.get(name);
}

function applyUncached(name) {
  const file = path.join(out, `${name}.bpmn`);
  const { status, stderr } = run(recipe(name), '-o', file);
  assert.equal(status, 0, stderr);
  return new JSDOM(readFileSync(file, 'utf8'), { contentType: 'text/xml' }).window.document;
}

function task(doc, id) {
  const el = [ ...doc.getElementsByTagName('bpmn:serviceTask') ].find((t) => t.getAttribute('id') === id);
  assert.ok(el, `serviceTask ${id} in output`);
  const inputs = Object.fromEntries([ ...el.getElementsByTagName('zeebe:input') ]
    .map((i) => [ i.getAttribute('target'), i.getAttribute('source') ]));
  const headers = Object.fromEntries([ ...el.getElementsByTagName('zeebe:header') ]
    .map((h) => [ h.getAttribute('key'), h.getAttribute('value') ]));
  const taskDefinition = el.getElementsByTagName('zeebe:taskDefinition')[0];
  return { el, inputs, headers, type: taskDefinition?.getAttribute('type'), retries: taskDefinition?.getAttribute('retries') };
}

before(() => {
  // Rebuild only when the bundle is missing or older than its sources (check.sh builds first).
  const sources = [ 'apply.mjs', 'lib/dom.mjs', 'build.mjs', 'package-lock.json' ].map((f) => statSync(path.join(root, f)).mtimeMs);
  if (!existsSync(dist) || statSync(dist).mtimeMs < Math.max(...sources)) {
    const build = spawnSync('npm', [ 'run', '--silent', 'build' ], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  }
});

test('two chained tasks: inputs, task definition, headers, flows', () => {
  const doc = apply('two-tasks');

  const read = task(doc, 'ReadRecord');
  assert.equal(read.type, 'com.example:demo:1');
  assert.equal(read.retries, '3');
  assert.equal(read.el.getAttribute('name'), 'Read record');
  assert.equal(read.el.getAttribute('zeebe:modelerTemplate'), 'com.example.demo.v1');
  assert.equal(read.el.getAttribute('zeebe:modelerTemplateVersion'), '2');
  assert.deepEqual(read.inputs, {
    'instance': 'dev12345',
    'authentication.type': 'basic',
    'authentication.username': 'admin',
    'authentication.password': '{{secrets.DEMO_PASSWORD}}',
    'operation.operation': 'read',
    'operation.sysId': '=sysId'
  });
  assert.equal(read.headers.resultVariable, 'record');
  assert.equal(read.headers.retryBackoff, 'PT5S');
  assert.equal(read.headers.elementTemplateId, 'com.example.demo.v1');

  // second task: other discriminator values, same "sys_id" label resolved to the delete variant
  const del = task(doc, 'DeleteRecord');
  assert.equal(del.retries, '5');
  assert.deepEqual(del.inputs, {
    'instance': 'dev12345',
    'authentication.type': 'bearer',
    'authentication.token': '{{secrets.DEMO_TOKEN}}',
    'operation.operation': 'delete',
    'operation.sysId': '=record.sys_id'
  });

  const flows = [ ...doc.getElementsByTagName('bpmn:sequenceFlow') ].map((f) => `${f.getAttribute('sourceRef')}->${f.getAttribute('targetRef')}`);
  assert.deepEqual(flows, [ 'StartEvent_1->ReadRecord', 'ReadRecord->DeleteRecord', 'DeleteRecord->EndEvent_1' ]);
});

test('switching the Operation dropdown swaps the dependent inputs (existing diagram)', () => {
  const doc = apply('switch-back');
  const { el, inputs } = task(doc, 'Task_1');
  assert.equal(el.getAttribute('name'), 'Existing task');
  assert.equal(inputs['operation.operation'], 'create');
  assert.equal(inputs['operation.payload'], '={short_description: "x"}');
  assert.ok(!('operation.sysId' in inputs), 'read-only input removed after switching back to create');
  assert.equal(doc.getElementsByTagName('bpmn:task').length, 0, 'bpmn:Task became a bpmn:ServiceTask');
});

test('default template values vs. switched dropdown', () => {
  // same template, same label set: "read" exposes sys_id, "create" exposes Payload
  const read = task(apply('two-tasks'), 'ReadRecord').inputs;
  const create = task(apply('switch-back'), 'Task_1').inputs;
  assert.ok('operation.sysId' in read && !('operation.payload' in read));
  assert.ok('operation.payload' in create && !('operation.sysId' in create));
});

test('hybrid template: editable task definition type', () => {
  const t = task(apply('hybrid'), 'Task_1');
  assert.equal(t.type, 'com.example:demo:1-tenant-a');
  assert.equal(t.inputs.instance, 'dev12345');
  assert.equal(t.el.getAttribute('zeebe:modelerTemplate'), 'com.example.demo.v1-hybrid');
});

test('--check fails on a label that matches no active property and on a bad choice', () => {
  const { status, stderr, stdout } = run('--check', recipe('typo'));
  assert.equal(status, 1);
  assert.equal(stdout, '', 'check mode writes no XML');
  assert.match(stderr, /no active property with label "Payload"; active labels: .*"sys_id"/);
  assert.match(stderr, /"raed" is not a choice of "Operation"/);
  assert.match(stderr, /^FAIL .*typo\.json$/m);
});

test('--check passes a good recipe', () => {
  const { status, stderr } = run('--check', recipe('two-tasks'), recipe('hybrid'));
  assert.equal(status, 0, stderr);
  assert.match(stderr, /^OK .*two-tasks\.json$/m);
});

test('without --check a bad recipe fails and writes nothing', () => {
  const file = path.join(out, 'typo.bpmn');
  const { status } = run(recipe('typo'), '-o', file);
  assert.equal(status, 1);
  assert.ok(!existsSync(file));
});

test('a template whose engines range excludes the diagram platform version is refused', () => {
  const file = path.join(out, 'old-platform.json');
  writeFileSync(file, JSON.stringify({
    executionPlatformVersion: '8.7.0',
    template: path.join(root, 'test/fixtures/good/demo-outbound-connector.json')
  }));
  const { status, stderr } = run('--check', file);
  assert.equal(status, 1);
  assert.match(stderr, /requires camunda \^8\.8, diagram targets 8\.7\.0/);
});

test('an inbound template on a message start event: the same file every time, its message named stably, the replaced one gone', () => {
  const example = path.join(root, '../../examples/recipes/servicenow-change-webhook.json');
  const files = [ 'webhook-a.bpmn', 'webhook-b.bpmn' ].map((f) => path.join(out, f));
  for (const file of files) {
    const { status, stderr } = run(example, '-o', file);
    assert.equal(status, 0, stderr);
  }
  const xml = readFileSync(files[0], 'utf8');
  assert.equal(readFileSync(files[1], 'utf8'), xml);
  const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  const messages = [ ...doc.getElementsByTagName('bpmn:message') ];
  assert.deepEqual(messages.map((m) => m.getAttribute('id')), [ 'ChangeApproved_Message' ]);
  assert.match(messages[0].getAttribute('name'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const definition = doc.getElementsByTagName('bpmn:messageEventDefinition')[0];
  assert.equal(definition.getAttribute('messageRef'), 'ChangeApproved_Message');
});
