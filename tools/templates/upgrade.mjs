#!/usr/bin/env node
// Upgrade templated elements of a BPMN to the newest template version, headlessly, the way the
// properties panel's "Update" does in Modeler.
//
//   npm run build                                   # bundles this file to dist/upgrade.mjs
//   node dist/upgrade.mjs <in.bpmn> -t <template.json|dir>... [-o out.bpmn] [--element <id>]... [--strict]
//
// Every -t file or directory (recursively, *.json holding a template or an array) is loaded,
// with the engines range checked against the diagram's execution platform version like Modeler.
// An element whose `zeebe:modelerTemplate` has a newer version among them is upgraded with
// `elementTemplates.applyTemplate(element, newest)` - the panel's own action: the command
// `propertiesPanel.zeebe.changeTemplate` (ChangeElementTemplateHandler) with the element's
// current template as the old one. Properties are matched by binding: values the user changed
// stay, untouched ones take the new defaults, Hidden ones are reset, Dropdowns keep a value that
// is still a choice, and a value whose binding the new version no longer has is dropped.
//
// The current version must be among the templates too (keep element-templates/versioned/):
// without it Modeler shows the element's template as unknown and offers no update, so this is
// an error. Per upgraded element it prints what the upgrade dropped or changed; --strict makes a
// dropped non-empty value an error. On errors nothing is written (exit 1).

import './lib/dom.mjs';

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { openModeler, saveStableXml } from './lib/modeler.mjs';

/** Templates from files and directories (recursively), each file one template or an array. */
export function loadTemplates(paths) {
  const files = [];
  const walk = (p) => {
    if (statSync(p).isDirectory()) readdirSync(p).sort().forEach((n) => walk(path.join(p, n)));
    else if (p.endsWith('.json')) files.push(p);
  };
  paths.forEach(walk);
  return files.flatMap((f) => [ JSON.parse(readFileSync(f, 'utf8')) ].flat());
}

/** What an element carries that a template can bind: `input target`, `header key`, ... -> value. */
function bound(element) {
  const values = {};
  for (const ext of element.businessObject.extensionElements?.values || []) {
    if (ext.$type === 'zeebe:TaskDefinition') {
      values['taskDefinition type'] = ext.type;
      values['taskDefinition retries'] = ext.retries;
    }
    for (const input of ext.inputParameters || []) values[`input ${input.target}`] = input.source;
    for (const output of ext.outputParameters || []) values[`output ${output.source}`] = output.target;
    for (const header of ext.values || []) if (header.$type === 'zeebe:Header') values[`header ${header.key}`] = header.value;
    for (const property of ext.properties || []) values[`property ${property.name}`] = property.value;
  }
  return values;
}

const show = (v) => (v === undefined ? '(none)' : JSON.stringify(v));

/**
 * Upgrade the diagram. Returns { xml, upgraded: [{ id, from, to, dropped, changed }], problems }.
 * `only`: element ids to consider (default all templated elements).
 */
export async function upgrade(xml, templates, { only } = {}) {
  const problems = [], upgraded = [];
  const { modeler, elementTemplates, platformVersion } = await openModeler(xml, templates);
  const registry = modeler.get('elementRegistry');

  const templated = registry.filter((e) => e.businessObject?.get?.('zeebe:modelerTemplate') && !e.labelTarget);
  for (const id of only || []) {
    if (!templated.some((e) => e.id === id)) problems.push(`${id}: no templated element with this id`);
  }

  for (const candidate of templated) {
    if (only && !only.includes(candidate.id)) continue;
    const bo = candidate.businessObject;
    const templateId = bo.get('zeebe:modelerTemplate');
    const version = bo.get('zeebe:modelerTemplateVersion');
    const current = elementTemplates.get(candidate);
    const newest = elementTemplates.getLatest(templateId, { deprecated: true })[0];

    if (!current) {
      problems.push(`${candidate.id}: template ${templateId} version ${version ?? '(none)'} is not among the given templates ` +
        `(or not for Camunda ${platformVersion}); Modeler would show it as unknown and offer no update`);
      continue;
    }
    if (!newest || newest === current) continue;

    const before = bound(candidate);
    const element = elementTemplates.applyTemplate(candidate, newest);
    const after = bound(element);

    const dropped = Object.keys(before).filter((k) => !(k in after) && ![ undefined, '' ].includes(before[k]))
      .map((k) => `${k} = ${show(before[k])}`);
    const changed = Object.keys(after).filter((k) => k in before && before[k] !== after[k])
      .map((k) => `${k}: ${show(before[k])} -> ${show(after[k])}`);
    upgraded.push({ id: element.id, from: version, to: newest.version, templateId, dropped, changed });
  }
  return { xml: await saveStableXml(modeler), upgraded, problems };
}

async function main(argv) {
  let input, output, strict = false;
  const templatePaths = [], only = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-t' || arg === '--templates') templatePaths.push(argv[++i]);
    else if (arg === '-o') output = argv[++i];
    else if (arg === '--element') only.push(argv[++i]);
    else if (arg === '--strict') strict = true;
    else if (!input) input = arg;
    else templatePaths.push(arg);
  }
  if (!input || !templatePaths.length || templatePaths.includes(undefined)) {
    console.error('usage: upgrade.mjs <in.bpmn> -t <template.json|dir>... [-o out.bpmn] [--element <id>]... [--strict]');
    return 2;
  }

  const { xml, upgraded, problems } = await upgrade(readFileSync(input, 'utf8'), loadTemplates(templatePaths),
    { only: only.length ? only : undefined });

  for (const u of upgraded) {
    console.error(`upgraded ${u.id}: ${u.templateId} ${u.from} -> ${u.to}`);
    u.dropped.forEach((d) => console.error(`  dropped ${d}`));
    u.changed.forEach((c) => console.error(`  changed ${c}`));
    if (strict && u.dropped.length) problems.push(`${u.id}: the upgrade drops ${u.dropped.length} value(s) (--strict)`);
  }
  if (!upgraded.length) console.error('nothing to upgrade');
  problems.forEach((p) => console.error(`error: ${p}`));
  if (problems.length) return 1;

  if (output) writeFileSync(output, xml);
  else process.stdout.write(xml + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
