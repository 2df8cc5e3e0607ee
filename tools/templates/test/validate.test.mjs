// Validator CLI: schema errors with positions, and each project rule against its fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
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
