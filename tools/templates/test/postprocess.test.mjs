// postprocess.mjs: merging template extras, its refusals, the generator's layout, and what
// Modelers of 2025 make of the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { validateZeebe } from '@bpmn-io/element-templates-validator';
import * as modeler531 from 'element-templates-validator-modeler-5-31';
import * as modeler542 from 'element-templates-validator-modeler-5-42';

import { checkExtrasAgainst, checkExtrasShape } from '../lib/extras.mjs';
import { stringifyLikeGenerator } from '../lib/jackson-json.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = path.resolve(root, '../..');
const fixtures = path.join(root, 'test/fixtures/postprocess');
const DATA = 'com/example/demo/demo.template-extras.json';

/** A scratch copy of the fixture templates and data; `edit` changes the data file first. */
function scratch(edit) {
  const dir = mkdtempSync(path.join(tmpdir(), 'postprocess-'));
  cpSync(path.join(fixtures, 'templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(path.join(fixtures, 'src'), path.join(dir, 'src'), { recursive: true });
  addSendTaskVariant(path.join(dir, 'templates'));
  if (edit) {
    const file = path.join(dir, 'src', DATA);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    edit(data);
    writeFileSync(file, JSON.stringify(data, null, 2));
  }
  return dir;
}

/**
 * A second template of the same records, as @ElementTemplate(elementTypes) makes one: another
 * id and element type; the same properties, one of them with a tooltip from its annotation.
 */
function addSendTaskVariant(templates) {
  for (const [ from, to, id ] of [ [ 'demo.json', 'demo-send-task.json', 'com.example.demo:SendTask' ],
    [ 'hybrid/demo-hybrid.json', 'hybrid/demo-send-task-hybrid.json', 'com.example.demo:SendTask-hybrid' ] ]) {
    const t = JSON.parse(readFileSync(path.join(templates, from), 'utf8'));
    const fields = (x) => x.properties.find((p) => p.id === 'operation.fields');
    writeFileSync(path.join(templates, to), stringifyLikeGenerator({ ...t, id, elementType: { value: 'bpmn:SendTask' } }));
    // the annotation's tooltip, on every flavour
    for (const f of [ from, to ]) {
      const u = JSON.parse(readFileSync(path.join(templates, f), 'utf8'));
      const { type, ...rest } = fields(u);
      u.properties[u.properties.indexOf(fields(u))] = { ...rest, tooltip: 'Fields to return', type };
      writeFileSync(path.join(templates, f), stringifyLikeGenerator(u));
    }
  }
}

function postprocess(templates, ...dataRoots) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [ 'postprocess.mjs', templates, ...dataRoots ],
    { cwd: root, encoding: 'utf8' });
  return { status, stdout, stderr };
}

const files = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.json')).sort();
const snapshot = (dir) => Object.fromEntries(files(dir).map((f) => [ f, readFileSync(path.join(dir, f), 'utf8') ]));
const read = (dir, f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));

function processed() {
  const dir = scratch();
  const run = postprocess(path.join(dir, 'templates'), path.join(dir, 'src'));
  assert.equal(run.status, 0, run.stderr);
  return { dir, templates: path.join(dir, 'templates'), run };
}

test('merges keywords, placeholders, steps and presets into the template and its hybrid', () => {
  const { templates, run } = processed();
  const t = read(templates, 'demo.json');

  const keys = Object.keys(t);
  assert.deepEqual(keys.slice(keys.indexOf('description'), keys.indexOf('description') + 2), [ 'description', 'keywords' ]);
  assert.deepEqual(t.keywords, [ 'demo', 'records' ]);
  assert.deepEqual(keys.slice(keys.indexOf('properties') + 1, keys.indexOf('properties') + 3), [ 'steps', 'presets' ]);

  assert.deepEqual(t.steps, [
    { name: 'Records', description: 'Work with records', steps: [
      { name: 'Create record', description: 'Make a new record', keywords: [ 'new record', 'add' ], presetId: 'create' },
      { name: 'Read record', description: 'Fetch a record by id', keywords: [ 'get record' ], presetId: 'read' } ] },
    { name: 'Delete record', description: 'Remove a record by id', keywords: [ 'remove record' ], presetId: 'delete' }
  ]);
  // in the order of the leaf steps, not of the data file
  assert.deepEqual(t.presets.map((p) => p.id), [ 'create', 'read', 'delete' ]);
  assert.deepEqual(t.presets[1], { id: 'read', properties: { 'operation.operation': 'read' } });

  // both declarations of a switched id get it; `placeholder` right before `type`
  const sysIds = t.properties.filter((p) => p.id === 'operation.sysId');
  assert.equal(sysIds.length, 2);
  for (const p of sysIds) {
    assert.equal(p.placeholder, '=recordId');
    assert.deepEqual(Object.keys(p).slice(-2), [ 'placeholder', 'type' ]);
  }
  assert.equal(t.properties.find((p) => p.id === 'instance').placeholder, 'your-instance');
  assert.equal(t.properties.filter((p) => 'placeholder' in p).length, 4);

  assert.equal(t.properties.find((p) => p.id === 'retryBackoff').value, 'PT30S');
  assert.deepEqual(t.groups.map((g) => g.id).slice(0, 3), [ 'operation', 'instance', 'authentication' ]);
  assert.match(run.stdout, /note: moved group "operation" from position 3 to 1/);

  const h = read(templates, 'hybrid/demo-hybrid.json');
  for (const key of [ 'keywords', 'steps', 'presets' ]) assert.deepEqual(h[key], t[key], key);
  assert.deepEqual(h.groups.map((g) => g.id).slice(0, 3), [ 'taskDefinitionType', 'operation', 'instance' ]);
  assert.equal(h.properties.find((p) => p.id === 'instance').placeholder, 'your-instance');
});

test('versioned/ keeps what it was released with, apart from the retryBackoff fix', () => {
  const { templates } = processed();
  const before = read(path.join(fixtures, 'templates'), 'versioned/demo-1.json');
  const after = read(templates, 'versioned/demo-1.json');
  assert.equal(after.properties.find((p) => p.id === 'retryBackoff').value, 'PT30S');
  after.properties.find((p) => p.id === 'retryBackoff').value = 'PT0S';
  assert.deepEqual(after, before);
});

test('keeps the generator layout: only the merged lines are new, and a second run changes nothing', () => {
  const { templates } = processed();
  const before = readFileSync(path.join(fixtures, 'templates/demo.json'), 'utf8').split('\n');
  const after = readFileSync(path.join(templates, 'demo.json'), 'utf8');
  // every line of the untouched properties is still there, in order
  const tokenBlock = before.slice(before.findIndex((l) => l.includes('"id" : "authentication.token"')) - 1);
  const block = tokenBlock.slice(0, tokenBlock.findIndex((l, i) => i > 0 && l.startsWith('  }, {')) + 1).join('\n');
  assert.ok(after.includes(block), 'authentication.token block unchanged');
  assert.ok(!after.endsWith('\n'), 'no trailing newline, like the generator');

  const again = snapshot(templates);
  const second = postprocess(templates, path.join(path.dirname(templates), 'src'));
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, '');
  assert.deepEqual(snapshot(templates), again);
});

test('the generator layout round-trips every committed template byte for byte', () => {
  for (const f of files(path.join(repo, 'element-templates'))) {
    const text = readFileSync(path.join(repo, 'element-templates', f), 'utf8');
    assert.equal(stringifyLikeGenerator(JSON.parse(text)), text, f);
  }
  assert.equal(stringifyLikeGenerator({ a: 'q"\\/\n\t\u0001é<>', b: [], c: {}, d: [ 1, true, null ] }),
    '{\n  "a" : "q\\"\\\\/\\n\\t\\u0001é<>",\n  "b" : [ ],\n  "c" : { },\n  "d" : [ 1, true, null ]\n}');
});

test('committed templates are what post-processing gives with the committed data files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'committed-'));
  cpSync(path.join(repo, 'element-templates'), dir, { recursive: true });
  const run = postprocess(dir, path.join(repo, 'src/main/java'));
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '', 'nothing left to change: run tools/templates/refresh.sh and commit element-templates/');
});

test('the result is valid for schema 0.46 with 0 errors', () => {
  const { templates } = processed();
  for (const f of files(templates)) {
    const { valid, errors } = validateZeebe(readFileSync(path.join(templates, f), 'utf8'));
    assert.ok(valid, `${f}: ${JSON.stringify(errors)}`);
  }
});

// Desktop Modeler 5.31 (January 2025) bundles @bpmn-io/element-templates-validator 2.2.0 with
// schema 0.21; 5.42 (December 2025) 2.14.0 with schema 0.33 (their package-lock.json). Before
// loading a template, bpmn-js-element-templates checks that `$schema` names the schema package
// (and is not newer than its own, when versioned), then validates it with that validator; a
// template failing either is not offered at all.
for (const [ name, validator ] of [ [ 'Modeler 5.31', modeler531 ], [ 'Modeler 5.42', modeler542 ] ]) {
  test(`${name} (schema ${validator.getZeebeSchemaVersion()}) still loads the post-processed templates`, () => {
    const { templates } = processed();
    const all = [
      ...files(templates).map((f) => [ f, read(templates, f) ]),
      ...files(path.join(repo, 'element-templates')).map((f) => [ `element-templates/${f}`, read(path.join(repo, 'element-templates'), f) ])
    ];
    for (const [ f, template ] of all) {
      assert.ok(template.$schema.includes(validator.getZeebeSchemaPackage()), `${f}: $schema`);
      assert.doesNotMatch(template.$schema, /@\d/, `${f}: an unversioned $schema is never "too new"`);
      const { valid, errors } = validator.validateZeebe(template);
      assert.ok(valid, `${f}: ${JSON.stringify(errors)}`);
    }
  });

  test(`${name} ignores steps and presets rather than understanding them`, () => {
    const { templates } = processed();
    const template = read(templates, 'demo.json');
    const broken = { ...template, steps: [ { name: 'neither a leaf nor a category' } ] };
    assert.equal(validator.validateZeebe(broken).valid, true, 'unknown root keys pass the old schema');
    assert.equal(validateZeebe(broken).valid, false, 'schema 0.46 knows them');
    const placeholderOnDropdown = structuredClone(template);
    placeholderOnDropdown.properties.find((p) => p.type === 'Dropdown').placeholder = 'x';
    assert.equal(validator.validateZeebe(placeholderOnDropdown).valid, false, 'placeholder is known since schema 0.20');
  });
}

test('tooltips from the data file go on properties the annotations cannot give one', () => {
  const dir = scratch((d) => {
    d.tooltips = { 'operation.operation': 'What to do', 'operation.sysId': 'The record\'s id' };
  });
  const templates = path.join(dir, 'templates');
  const run = postprocess(templates, path.join(dir, 'src'));
  assert.equal(run.status, 0, run.stderr);
  for (const f of [ 'demo.json', 'hybrid/demo-hybrid.json' ]) {
    const t = read(templates, f);
    const operation = t.properties.find((p) => p.id === 'operation.operation');
    assert.equal(operation.tooltip, 'What to do', f);
    assert.deepEqual(Object.keys(operation).slice(-3), [ 'tooltip', 'type', 'choices' ]);
    for (const p of t.properties.filter((x) => x.id === 'operation.sysId')) {
      assert.deepEqual(Object.keys(p).slice(-3), [ 'tooltip', 'placeholder', 'type' ]);
    }
  }
  assert.match(run.stdout, /demo\.json: .*2 tooltips/);
  // idempotent: the tooltip it wrote is not "an annotation's"
  const second = postprocess(templates, path.join(dir, 'src'));
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, '');
});

test('a variant template takes the data file with its own steps', () => {
  const dir = scratch((d) => {
    d.variants = { 'demo-send-task': {
      keywords: [ 'demo', 'send' ],
      steps: [ { name: 'Records (send task)', description: 'All in one', steps: d.steps } ]
    } };
  });
  const templates = path.join(dir, 'templates');
  const run = postprocess(templates, path.join(dir, 'src'));
  assert.equal(run.status, 0, run.stderr);
  const normal = read(templates, 'demo.json');
  for (const f of [ 'demo-send-task.json', 'hybrid/demo-send-task-hybrid.json' ]) {
    const v = read(templates, f);
    assert.deepEqual(v.keywords, [ 'demo', 'send' ], f);
    assert.equal(v.steps[0].name, 'Records (send task)');
    assert.deepEqual(v.presets, normal.presets, 'presets inherited');
    assert.equal(v.properties.find((p) => p.id === 'instance').placeholder, 'your-instance', 'placeholders inherited');
  }
  assert.equal(normal.steps[0].name, 'Records');
});

test('a variant template without its own data takes the data file as it is; without a variant entry, none', () => {
  const plain = processed();
  assert.equal(read(plain.templates, 'demo-send-task.json').keywords, undefined);

  const dir = scratch((d) => { d.variants = { 'demo-send-task': {} }; });
  const run = postprocess(path.join(dir, 'templates'), path.join(dir, 'src'));
  assert.equal(run.status, 0, run.stderr);
  const v = read(path.join(dir, 'templates'), 'demo-send-task.json');
  const n = read(path.join(dir, 'templates'), 'demo.json');
  for (const key of [ 'keywords', 'steps', 'presets' ]) assert.deepEqual(v[key], n[key], key);

  const missing = scratch((d) => { d.variants = { 'demo-end-event': {} }; });
  const refused = postprocess(path.join(missing, 'templates'), path.join(missing, 'src'));
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /demo\.template-extras\.json: no template demo-end-event\.json in /);
});

test('the generator\'s own properties and groups get tooltips; a description stays only as a warning', () => {
  const { templates } = processed();
  for (const f of [ 'demo.json', 'hybrid/demo-hybrid.json', 'demo-send-task.json' ]) {
    const t = read(templates, f);
    for (const id of [ 'resultVariable', 'resultExpression', 'errorExpression', 'retryCount', 'retryBackoff' ]) {
      const p = t.properties.find((x) => x.id === id);
      assert.ok(p.tooltip, `${f}: ${id}`);
      assert.equal(p.description, id === 'retryBackoff' ? p.description : undefined, `${f}: ${id} description`);
    }
    assert.match(t.properties.find((x) => x.id === 'retryBackoff').description, /PT0S/);
    assert.match(t.properties.find((x) => x.id === 'errorExpression').tooltip, /<a href="https:\/\/docs\.camunda\.io\//);
    for (const id of [ 'output', 'error', 'retries' ]) assert.ok(t.groups.find((g) => g.id === id).tooltip, `${f}: group ${id}`);
    assert.equal(t.groups.find((g) => g.id === 'connector').tooltip, undefined, 'only Hidden properties there');
  }
  const h = read(templates, 'hybrid/demo-hybrid.json');
  assert.ok(h.properties.find((p) => p.id === 'taskDefinitionType').tooltip);
  assert.ok(h.groups.find((g) => g.id === 'taskDefinitionType').tooltip);
  const versioned = read(templates, 'versioned/demo-1.json');
  assert.ok(!JSON.stringify(versioned).includes('"tooltip"'), 'versioned/ is frozen');
});

// ---------------------------------------------------------------------------
// Refusals: readable, name the data file and the step/preset/property, change nothing.

const step = (data, name) => {
  const all = (steps) => steps.flatMap((s) => [ s, ...all(s.steps || []) ]);
  return all(data.steps).find((s) => s.name === name);
};

const refusals = {
  'dangling preset': [
    (d) => { d.presets.update = { 'operation.operation': 'read' }; },
    /preset "update" is dangling: no leaf step has presetId "update"/ ],
  'leaf step without a preset': [
    (d) => { delete step(d, 'Delete record').presetId; },
    /step "Delete record": a leaf step needs a "presetId"/ ],
  'leaf step pointing at an unknown preset': [
    (d) => { step(d, 'Delete record').presetId = 'remove'; },
    /step "Delete record": presetId "remove" is not a preset \(presets: "delete", "read", "create"\)/ ],
  'preset used by two leaf steps': [
    (d) => { step(d, 'Delete record').presetId = 'read'; },
    /preset "read" is used by 2 leaf steps \("Records > Read record", "Delete record"\)/ ],
  'preset naming an unknown property id': [
    (d) => { d.presets.read['operation.kind'] = 'x'; },
    /\(demo\.json\): preset "read": unknown property id "operation\.kind"/ ],
  'preset value that is not a Dropdown choice': [
    (d) => { d.presets.read['operation.operation'] = 'fetch'; },
    /preset "read": "fetch" is not a choice of Dropdown "operation\.operation" \(choices: "create", "read", "delete"\)/ ],
  'placeholder for an unknown property': [
    (d) => { d.placeholders['operation.sys_id'] = 'x'; },
    /\(demo\.json\): placeholder for unknown property id "operation\.sys_id"/ ],
  'placeholder on a Dropdown': [
    (d) => { d.placeholders['authentication.type'] = 'basic'; },
    /placeholder for "authentication\.type", a Dropdown property: placeholders show only in String and Text fields/ ],
  'preset key outside the operation group': [
    (d) => { d.presets.read['authentication.type'] = 'bearer'; },
    /preset "read": "authentication\.type" is in group "authentication"; preset keys must be properties of the "operation" group/ ],
  'preset value for a property its own values deactivate': [
    (d) => { d.presets.read['operation.payload'] = '{}'; },
    /preset "read": "operation\.payload" is not active with this preset's values/ ],
  'a Dropdown choice without a preset': [
    (d) => { delete d.presets.delete; d.steps.pop(); },
    /no preset selects operation\.operation = "delete": add a preset and a leaf step for it/ ],
  'two presets for the same choice': [
    (d) => { d.presets.delete['operation.operation'] = 'read'; },
    /presets "delete", "read" all select operation\.operation = "read"; one preset per choice/ ],
  'leaf step without keywords': [
    (d) => { delete step(d, 'Read record').keywords; },
    /step "Records > Read record": "keywords" must be a non-empty array of non-empty strings/ ],
  'keywords on a category step': [
    (d) => { step(d, 'Records').keywords = [ 'x' ]; },
    /step "Records": a category step takes no "keywords"/ ],
  'steps without presets': [
    (d) => { delete d.presets; },
    /"steps" and "presets" go together/ ],
  // the allowed keys now include tooltips and variants (issue #16)
  'unknown key (a typo)': [
    (d) => { d.placeholder = {}; },
    /unknown key "placeholder" \(allowed: "\$comment", "keywords", "placeholders", "tooltips", "defaults", "steps", "presets", "variants"\)/ ],
  'default for an unknown property': [
    (d) => { d.defaults = { 'operation.kind': '=x' }; },
    /\(demo\.json\): default for unknown property id "operation\.kind"/ ],
  'default for a Dropdown': [
    (d) => { d.defaults = { 'operation.operation': 'read' }; },
    /default for "operation\.operation", a Dropdown property: defaults only for String and Text fields/ ],
  'tooltip for an unknown property': [
    (d) => { d.tooltips = { 'operation.kind': 'x' }; },
    /\(demo\.json\): tooltip for unknown property id "operation\.kind"/ ],
  'tooltip for a Hidden property': [
    (d) => { d.tooltips = { version: 'x' }; },
    /tooltip for "version", a Hidden property: nobody sees it/ ],
  'tooltip for a property whose annotation has one': [
    (d) => { d.tooltips = { 'operation.fields': 'another text' }; },
    /tooltip for "operation\.fields", which has a tooltip from its annotation already: keep one of them/ ],
  'variant with an unknown key': [
    (d) => { d.variants = { 'demo-send-task': { step: [] } }; },
    /variant "demo-send-task": unknown key "step"/ ],
  'variant whose steps lose a preset': [
    (d) => { d.variants = { 'demo-send-task': { presets: { read: d.presets.read, create: d.presets.create } } }; },
    /variant "demo-send-task": step "Delete record": presetId "delete" is not a preset/ ]
};

for (const [ name, [ edit, message ] ] of Object.entries(refusals)) {
  test(`refuses: ${name}`, () => {
    const dir = scratch(edit);
    const templates = path.join(dir, 'templates');
    const before = snapshot(templates);
    const { status, stdout, stderr } = postprocess(templates, path.join(dir, 'src'));
    assert.equal(status, 1, stdout);
    assert.match(stderr, new RegExp(`^ERROR ${path.join(dir, 'src', DATA).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    assert.match(stderr, message);
    assert.match(stderr, /no template was changed$/m);
    assert.deepEqual(snapshot(templates), before);
  });
}

test('defaults give a value to a String property that has none, and a second run keeps it', () => {
  const dir = scratch((d) => { d.defaults = { resultExpression: '={sysId: response.sysId}' }; });
  const templates = path.join(dir, 'templates');
  const first = postprocess(templates, path.join(dir, 'src'));
  assert.equal(first.status, 0, first.stderr);
  const property = read(templates, 'demo.json').properties.find((p) => p.id === 'resultExpression');
  assert.equal(property.value, '={sysId: response.sysId}');
  const again = postprocess(templates, path.join(dir, 'src'));
  assert.equal(again.status, 0, again.stderr);
  assert.equal(read(templates, 'demo.json').properties.find((p) => p.id === 'resultExpression').value,
    '={sysId: response.sysId}');

  const other = scratch((d) => { d.defaults = { resultExpression: '=another' }; });
  writeFileSync(path.join(other, 'templates/demo.json'),
    readFileSync(path.join(templates, 'demo.json'), 'utf8'));
  const { status, stderr } = postprocess(path.join(other, 'templates'), path.join(other, 'src'));
  assert.equal(status, 1);
  assert.match(stderr, /default for "resultExpression": the generator already gives it a value/);
});

test('refuses a data file without a template, and two data files for one template', () => {
  const dir = scratch();
  mkdirSync(path.join(dir, 'src/other'), { recursive: true });
  writeFileSync(path.join(dir, 'src/other/demo.template-extras.json'), '{}');
  writeFileSync(path.join(dir, 'src/other/gone.template-extras.json'), '{}');
  const { status, stderr } = postprocess(path.join(dir, 'templates'), path.join(dir, 'src'));
  assert.equal(status, 1);
  assert.match(stderr, /other\/demo\.template-extras\.json: a second data file for demo\.json \(first: .*com\/example\/demo\/demo\.template-extras\.json\)/);
  assert.match(stderr, /other\/gone\.template-extras\.json: no template gone\.json in .* \(templateFileName in the pom\?\)/);
});

test('invalid JSON in a data file is reported with the file', () => {
  const dir = scratch();
  writeFileSync(path.join(dir, 'src', DATA), '{ "keywords": [ "a", ] }');
  const { status, stderr } = postprocess(path.join(dir, 'templates'), path.join(dir, 'src'));
  assert.equal(status, 1);
  assert.match(stderr, /demo\.template-extras\.json: invalid JSON: /);
});

test('one preset per reachable leaf, with nested discriminators', () => {
  const dropdown = (id, choices, condition) => ({ id, group: 'operation', type: 'Dropdown', value: choices[0],
    choices: choices.map((value) => ({ name: value, value })), binding: { type: 'zeebe:input', name: id }, ...(condition && { condition }) });
  const template = {
    groups: [ { id: 'operation' } ],
    properties: [
      dropdown('group', [ 'tasks', 'users' ]),
      dropdown('taskOp', [ 'create', 'close' ], { property: 'group', equals: 'tasks' }),
      dropdown('userOp', [ 'find' ], { property: 'group', equals: 'users' })
    ]
  };
  const extras = (presets) => ({
    steps: Object.keys(presets).map((id) => ({ name: id, description: id, keywords: [ id ], presetId: id })),
    presets
  });

  const complete = extras({
    a: { group: 'tasks', taskOp: 'create' }, b: { group: 'tasks', taskOp: 'close' }, c: { group: 'users', userOp: 'find' }
  });
  assert.deepEqual(checkExtrasShape(complete), []);
  assert.deepEqual(checkExtrasAgainst(complete, template), []);

  assert.deepEqual(checkExtrasAgainst(extras({
    a: { group: 'tasks', taskOp: 'create' }, c: { group: 'users', userOp: 'find' }, d: { group: 'tasks' }
  }), template), [
    'preset "d" selects group = "tasks", which is not a complete choice (every active one of "group", "taskOp", "userOp" must be set, and only those)',
    'no preset selects group = "tasks", taskOp = "close": add a preset and a leaf step for it'
  ]);

  assert.deepEqual(checkExtrasAgainst(extras({ x: { group: 'users', taskOp: 'create' } }), template).slice(0, 1), [
    'preset "x": "taskOp" is not active with this preset\'s values (its condition does not hold), so the value would be dropped'
  ]);
});

test('a single leaf with an empty preset covers a template without an operation choice', () => {
  const template = { groups: [ { id: 'flow' } ], properties: [ { id: 'flow.path', group: 'flow', type: 'String' } ] };
  const one = { steps: [ { name: 'Start flow', description: 'd', keywords: [ 'k' ], presetId: 'start' } ], presets: { start: {} } };
  assert.deepEqual(checkExtrasAgainst(one, template), []);
  const two = { steps: [ ...one.steps, { name: 'Again', description: 'd', keywords: [ 'k' ], presetId: 'again' } ],
    presets: { start: {}, again: {} } };
  assert.deepEqual(checkExtrasAgainst(two, template), [
    'presets "start", "again" all select the template as it is; one preset per choice'
  ]);
});
