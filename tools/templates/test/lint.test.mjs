// lint.mjs: BPMN linted as Modeler lints it (bpmnlint recommended + camunda-compat 8.8, zeebe moddle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { lintXml } from '../lint.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name) => path.join(root, 'test/fixtures/lint', name);
const run = (...args) => spawnSync(process.execPath, [ 'lint.mjs', ...args ], { cwd: root, encoding: 'utf8' });
const errors = (reports) => reports.filter((r) => r.category === 'error').map((r) => `${r.id} ${r.rule}`).sort();

test('unnamed, unconnected start and end events: the six errors Modeler shows', async () => {
  const reports = await lintXml(readFileSync(fixture('unnamed-unconnected.bpmn'), 'utf8'));
  assert.deepEqual(errors(reports), [
    'EndEvent_1 label-required', 'EndEvent_1 no-disconnected', 'EndEvent_1 no-implicit-start',
    'StartEvent_1 label-required', 'StartEvent_1 no-disconnected', 'StartEvent_1 no-implicit-end'
  ]);
  // a diagram without DI deploys; Modeler only warns
  assert.ok(reports.some((r) => r.rule === 'no-bpmndi' && r.category === 'warn'));
});

test('zeebe extension elements are read: only the service task without a job type fails', async () => {
  const reports = await lintXml(readFileSync(fixture('service-task.bpmn'), 'utf8'));
  assert.deepEqual(errors(reports), [ 'NoType camunda-compat/implementation' ]);
  assert.match(reports.find((r) => r.id === 'NoType' && r.category === 'error').message, /must have one extension element of type <zeebe:TaskDefinition>/);
});

test('CLI: one line per report, FAIL per file with errors, exit 1', () => {
  const { status, stdout } = run(path.join('test/fixtures/lint'));
  assert.equal(status, 1);
  assert.match(stdout, /^test\/fixtures\/lint\/unnamed-unconnected\.bpmn: error: StartEvent_1: Element is missing label\/name \(label-required\)$/m);
  assert.match(stdout, /^FAIL test\/fixtures\/lint\/unnamed-unconnected\.bpmn \(6 errors, 3 warnings\)$/m);
  assert.match(stdout, /^FAIL test\/fixtures\/lint\/service-task\.bpmn \(1 errors, 7 warnings\)$/m);
  assert.equal(run(path.join(root, 'test/fixtures')).status, 1, 'a directory without *.bpmn is an error');
});

test('a process that apply.mjs creates from a recipe lints clean', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'lint-')), 'two-tasks.bpmn');
  const apply = spawnSync(process.execPath, [ 'dist/apply.mjs', 'test/fixtures/recipes/two-tasks.json', '-o', out ], { cwd: root, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
  const { status, stdout } = run(out);
  assert.equal(status, 0, stdout);
  assert.match(stdout, /^OK {3}.*two-tasks\.bpmn \(0 errors, 0 warnings\)$/m);
});
