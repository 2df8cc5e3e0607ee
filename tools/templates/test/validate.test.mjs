// Validator CLI: schema errors with positions, and each project rule against its fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mutuallyExclusive } from '../validate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (p) => `test/fixtures/${p}`;

function validate(...paths) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [ 'validate.mjs', ...paths ], { cwd: root, encoding: 'utf8' });
  return { status, out: stdout + stderr };
}

test('good templates (current, hybrid, versioned) pass', () => {
  const { status, out } = validate(fixture('good'));
  assert.equal(status, 0, out);
  assert.match(out, /^OK test\/fixtures\/good\/demo-outbound-connector\.json$/m);
  assert.match(out, /^OK .*hybrid\/demo-outbound-connector-hybrid\.json$/m);
  assert.match(out, /^OK .*versioned\/demo-outbound-connector-1\.json$/m);
});

test('schema errors are reported with line:col and without the oneOf noise', () => {
  const { status, out } = validate(fixture('broken-schema/broken.json'));
  assert.equal(status, 1);
  assert.match(out, /^FAIL test\/fixtures\/broken-schema\/broken\.json$/m);
  assert.match(out, /^ {2}1:1 \/ missing template name$/m);
  assert.match(out, /^ {2}16:\d+ \/properties\/1\/binding\/type invalid property\.binding type "zeebe:inputt"/m);
  assert.doesNotMatch(out, /must be array|must match exactly one schema in oneOf/);
});

test('duplicate property ids with overlapping conditions fail', () => {
  const { status, out } = validate(fixture('duplicate-id'));
  assert.equal(status, 1);
  assert.match(out, /\/properties\/9\/id duplicate property id "operation\.sysId" \(also \/properties\/8\)/);
});

test('mutual exclusion of conditions', () => {
  const op = (c) => ({ property: 'op', ...c });
  assert.ok(mutuallyExclusive(op({ equals: 'read' }), op({ oneOf: [ 'delete' ] })));
  assert.ok(!mutuallyExclusive(op({ equals: 'read' }), op({ oneOf: [ 'read', 'delete' ] })));
  assert.ok(!mutuallyExclusive(undefined, op({ equals: 'read' })));
  assert.ok(mutuallyExclusive({ allMatch: [ op({ equals: 'a' }), { property: 'auth', equals: 'x' } ] },
    { allMatch: [ op({ equals: 'a' }), { property: 'auth', equals: 'y' } ] }));
  assert.ok(mutuallyExclusive(op({ isActive: false }), op({ equals: 'a' })));
  assert.ok(!mutuallyExclusive({ property: 'a', equals: 1 }, { property: 'b', equals: 2 }));
});

test('condition on an unknown property id (inside allMatch) fails', () => {
  const { status, out } = validate(fixture('dangling-condition'));
  assert.equal(status, 1);
  assert.match(out, /\/properties\/10\/condition\/allMatch\/1\/property condition refers to unknown property id "authentication\.typ"/);
});

test('hybrid template must expose the same property ids as its normal template', () => {
  const { status, out } = validate(fixture('hybrid-mismatch'));
  assert.equal(status, 1);
  assert.match(out, /^OK test\/fixtures\/hybrid-mismatch\/demo\.json$/m);
  assert.match(out, /^FAIL .*hybrid\/demo-hybrid\.json$/m);
  assert.match(out, /property id "operation\.fields" of \.\.\/demo\.json is missing in the hybrid template/);
  assert.doesNotMatch(out, /taskDefinitionType/);
});

test('versioned file number must match its version and current must be newer', () => {
  const { status, out } = validate(fixture('versioned-number'));
  assert.equal(status, 1);
  assert.match(out, /\/version version is 3 but the file name says 1/);
  assert.match(out, /\/version version 2 must be higher than versioned\/demo-1\.json \(version 3\)/);
});

test('retryBackoff PT0S fails', () => {
  const { status, out } = validate(fixture('backoff-pt0s'));
  assert.equal(status, 1);
  assert.match(out, /\/properties\/17\/value retryBackoff must default to a non-zero duration, got "PT0S"/);
});

test('Modeler conventions: engines, https documentationRef, icon, category, elementType', () => {
  const { status, out } = validate(fixture('conventions'));
  assert.equal(status, 1);
  for (const m of [ /missing engines\.camunda/, /documentationRef must be an https:\/\/ URL/, /missing icon\.contents/,
    /category\.id must be "connectors"/, /elementType\.value must be "bpmn:ServiceTask"/ ]) {
    assert.match(out, m);
  }
});

test('no templates found is a failure', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'no-templates-'));
  const { status, out } = validate(empty);
  assert.equal(status, 1);
  assert.match(out, /no \*\.json templates found/);
});

/** The post-processor's fixture output in a scratch directory, after `edit(template, hybrid)`. */
function postprocessed(edit) {
  const dir = mkdtempSync(path.join(tmpdir(), 'validate-steps-'));
  cpSync(fixture('postprocess/templates'), dir, { recursive: true });
  const run = spawnSync(process.execPath, [ 'postprocess.mjs', dir, fixture('postprocess/src') ], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const files = [ 'demo.json', 'hybrid/demo-hybrid.json' ].map((f) => path.join(dir, f));
  const [ template, hybrid ] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  edit(template, hybrid);
  files.forEach((f, i) => writeFileSync(f, JSON.stringify([ template, hybrid ][i], null, 2)));
  return dir;
}

test('steps and presets in a template follow the same rules as the data files', () => {
  assert.equal(validate(postprocessed(() => {})).status, 0);

  const { status, out } = validate(postprocessed((t) => {
    t.presets.push({ id: 'create', properties: { 'operation.operation': 'create' } });
    t.steps[1].presetId = 'nowhere';
    t.groups.push(t.groups.shift()); // operation group last
  }));
  assert.equal(status, 1);
  assert.match(out, /\/presets\/3\/id duplicate preset id "create"/);
  assert.match(out, /\/steps step "Delete record": presetId "nowhere" is not a preset/);
  assert.match(out, /\/groups group "operation" must come first when presets set its properties/);
});

test('hybrid template must carry the same keywords, steps and presets', () => {
  const { status, out } = validate(postprocessed((t, h) => {
    h.keywords = [ 'other' ];
    h.steps[1].keywords = [ 'changed' ];
  }));
  assert.equal(status, 1);
  assert.match(out, /\/keywords "keywords" differs from \.\.\/demo\.json/);
  assert.match(out, /\/steps "steps" differs from \.\.\/demo\.json/);
  assert.doesNotMatch(out, /"presets" differs/);
});

test('element types a connector runs on: send task, message throw and end events, each as it applies', () => {
  const ok = postprocessed((t, h) => {
    for (const x of [ t, h ]) x.elementType = { value: 'bpmn:SendTask' };
  });
  assert.equal(validate(ok).status, 0, validate(ok).out);
  const event = postprocessed((t, h) => {
    for (const x of [ t, h ]) {
      x.appliesTo = [ 'bpmn:IntermediateThrowEvent' ];
      x.elementType = { value: 'bpmn:IntermediateThrowEvent', eventDefinition: 'bpmn:MessageEventDefinition' };
    }
  });
  assert.equal(validate(event).status, 0, validate(event).out);

  const { status, out } = validate(postprocessed((t, h) => {
    t.elementType = { value: 'bpmn:IntermediateThrowEvent' };
    h.elementType = { value: 'bpmn:UserTask' };
  }));
  assert.equal(status, 1);
  assert.match(out, /\/appliesTo a bpmn:IntermediateThrowEvent template must apply to bpmn:IntermediateThrowEvent/);
  assert.match(out, /\/elementType a bpmn:IntermediateThrowEvent template needs eventDefinition "bpmn:MessageEventDefinition"/);
  assert.match(out, /\/elementType elementType\.value must be "bpmn:ServiceTask", "bpmn:SendTask", "bpmn:IntermediateThrowEvent" or "bpmn:EndEvent"/);
});

test('inbound templates: message start, catch and boundary events and receive tasks, no retryBackoff', () => {
  const inbound = (elementType, appliesTo) => postprocessed((t, h) => {
    for (const x of [ t, h ]) {
      x.appliesTo = [ appliesTo ];
      x.elementType = elementType;
      x.properties = x.properties.filter((p) => p.id !== 'retryBackoff' && p.binding?.type !== 'zeebe:taskDefinition');
      x.properties.unshift({ type: 'Hidden', value: 'demo:inbound:1', binding: { type: 'zeebe:property', name: 'inbound.type' } });
    }
  });
  const message = 'bpmn:MessageEventDefinition';
  for (const [ value, eventDefinition ] of [ [ 'bpmn:StartEvent', message ], [ 'bpmn:IntermediateCatchEvent', message ],
    [ 'bpmn:BoundaryEvent', message ], [ 'bpmn:ReceiveTask', undefined ] ]) {
    const ok = inbound({ value, eventDefinition }, value);
    assert.equal(validate(ok).status, 0, `${value}: ${validate(ok).out}`);
  }
  // a plain start event has no message ID: every call would start another instance
  const { status, out } = validate(inbound({ value: 'bpmn:StartEvent' }, 'bpmn:StartEvent'));
  assert.equal(status, 1);
  assert.match(out, /\/elementType a bpmn:StartEvent template needs eventDefinition "bpmn:MessageEventDefinition"/);
  assert.doesNotMatch(out, /retryBackoff/);
  const task = validate(inbound({ value: 'bpmn:ServiceTask' }, 'bpmn:Task'));
  assert.match(task.out, /elementType\.value must be "bpmn:StartEvent", "bpmn:IntermediateCatchEvent", "bpmn:BoundaryEvent" or "bpmn:ReceiveTask" \(an element an inbound connector correlates to\)/);
});

test('patterns compile as Modeler compiles them, and accept an empty field that may stay empty', () => {
  const withPatterns = (patterns) => postprocessed((t, h) => {
    for (const x of [ t, h ]) {
      x.properties.filter((p) => p.id === 'operation.fields').forEach((p) => { p.constraints = patterns.fields; });
      x.properties.filter((p) => p.id === 'operation.sysId').forEach((p) => { p.constraints = patterns.sysId; });
    }
  });
  const good = withPatterns({
    fields: { notEmpty: false, pattern: { value: '^(|undefined|[0-9,]+)$', message: 'must be field numbers' } },
    sysId: { notEmpty: true, pattern: { value: '^[a-f0-9]{32}$', message: 'must be a sys_id' } }
  });
  assert.equal(validate(good).status, 0, validate(good).out);

  const { status, out } = validate(withPatterns({
    fields: { notEmpty: false, pattern: { value: '^[a-z,]+$', message: 'must be field names' } },
    sysId: { notEmpty: true, pattern: { value: '^(?<id[a-f0-9]{32}$', message: 'must be a sys_id' } }
  }));
  assert.equal(status, 1);
  assert.match(out, /constraints\/pattern pattern of "operation\.fields" rejects an empty field \(tested as ""\), but the field may stay empty/);
  assert.match(out, /constraints\/pattern pattern does not compile in JavaScript: Invalid regular expression/);

  // accepting '' is not enough: the newer panel tests an empty field as "undefined"
  const onlyEmpty = validate(withPatterns({
    fields: { notEmpty: false, pattern: { value: '^(|[0-9,]+)$', message: 'must be field numbers' } },
    sysId: { notEmpty: true, pattern: { value: '^[a-f0-9]{32}$', message: 'must be a sys_id' } }
  }));
  assert.equal(onlyEmpty.status, 1);
  assert.match(onlyEmpty.out, /pattern of "operation\.fields" rejects an empty field \(tested as "undefined"\)/);
});

test('a frozen version needs its hybrid frozen too (the generator keeps no hybrid history)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hybrid-history-'));
  cpSync(fixture('good'), dir, { recursive: true });
  const frozen = path.join(dir, 'hybrid/versioned/demo-outbound-connector-hybrid-1.json');
  assert.equal(validate(dir).status, 0);
  rmSync(frozen);
  const { status, out } = validate(dir);
  assert.equal(status, 1);
  assert.match(out, /^FAIL .*versioned\/demo-outbound-connector-1\.json$/m);
  assert.match(out, /hybrid\/versioned\/demo-outbound-connector-hybrid-1\.json is missing: the generator keeps no history for hybrid templates/);
});

test('inbound templates: message events without retries pass, an inbound task fails', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'validate-inbound-'));
  const watcher = JSON.parse(readFileSync(path.join(root, '../../element-templates/servicenow-record-watcher-message-start.json'), 'utf8'));
  writeFileSync(path.join(dir, 'watcher.json'), JSON.stringify(watcher, null, 2));
  let { status, out } = validate(dir);
  assert.equal(status, 0, out);
  writeFileSync(path.join(dir, 'watcher.json'), JSON.stringify({ ...watcher, appliesTo: [ 'bpmn:Task' ], elementType: { value: 'bpmn:ServiceTask' } }, null, 2));
  ({ status, out } = validate(dir));
  assert.equal(status, 1);
  assert.match(out, /elementType\.value must be "bpmn:StartEvent".*an element an inbound connector correlates to/);
  rmSync(dir, { recursive: true });
});
