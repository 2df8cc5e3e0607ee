// docs.mjs: the generated field and step references, and that docs/templates.md is current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { fieldsTable, render, stepsList } from '../docs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = path.resolve(root, '../..');

const dropdown = { id: 'operation.operation', label: 'Operation', group: 'operation', type: 'Dropdown', value: 'read',
  tooltip: 'What to do', choices: [ { name: 'Read', value: 'read' }, { name: 'Update', value: 'update' }, { name: 'Delete', value: 'delete' } ] };
const sysId = (op) => ({ id: `operation.${op}.sysId`, label: 'Sys ID', group: 'operation', type: 'String', tooltip: 'The id',
  placeholder: '=id', constraints: { notEmpty: true, pattern: { value: '^x$', message: 'must be an id' } },
  condition: { property: 'operation.operation', equals: op } });
const template = {
  groups: [ { id: 'operation', label: 'Operation' }, { id: 'retries', label: 'Retries' } ],
  properties: [ { id: 'type', type: 'Hidden', value: 'x' }, dropdown, sysId('read'), sysId('update'), sysId('delete'),
    { id: 'flag', label: 'Flag', group: 'operation', type: 'Boolean', value: true, tooltip: 'A flag',
      condition: { property: 'operation.operation', oneOf: [ 'update' ] } },
    { id: 'retryBackoff', label: 'Retry backoff', group: 'retries', type: 'String', value: 'PT30S', tooltip: 'Wait',
      description: 'Not PT0S' } ],
  steps: [ { name: 'Records', steps: [ { name: 'Read record', description: 'Fetch one', keywords: [ 'get' ], presetId: 'read' } ] } ],
  presets: [ { id: 'read', properties: { 'operation.operation': 'read' } } ]
};

test('one row per visible field; fields the subtypes repeat are one row', () => {
  assert.equal(fieldsTable(template).split('\n').slice(2).join('\n'), [
    '| **Operation** | Operation | always | What to do |  | Read |',
    '| **Sys ID** | Operation | Read, Update, Delete | The id | required; must be an id | `=id` |',
    '| **Flag** | Operation | Update | A flag |  | on |',
    '| **Retry backoff** | Retries | always | Wait | Not PT0S | `PT30S` |'
  ].join('\n'));
  assert.equal(fieldsTable(template, [ 'retries' ]).split('\n').length, 3);
});

test('steps as Modeler lists them, with search terms and presets', () => {
  assert.equal(stepsList(template),
    '- **Records**\n  - **Read record** — Fetch one. Search terms: get. Preset: `operation.operation = read`');
});

test('only what sits between the markers is replaced', () => {
  const md = 'intro\n<!-- generated:steps x.json -->\nold\n<!-- /generated -->\noutro\n';
  const dir = path.join(repo, 'element-templates');
  assert.match(render(md.replace('x.json', 'servicenow-incident-handler.json'), dir),
    /^intro\n<!-- generated:steps servicenow-incident-handler\.json -->\n- \*\*Create incident\*\*[^]*\n<!-- \/generated -->\noutro\n$/);
});

test('docs/templates.md is what the committed templates generate', () => {
  const { status, stderr } = spawnSync(process.execPath,
    [ 'docs.mjs', '--check', path.join(repo, 'element-templates'), path.join(repo, 'docs/templates.md') ], { cwd: root, encoding: 'utf8' });
  assert.equal(status, 0, `${stderr}run tools/templates/refresh.sh and commit docs/templates.md`);
});
