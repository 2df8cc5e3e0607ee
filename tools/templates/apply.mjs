#!/usr/bin/env node
// Apply element templates to BPMN service tasks headlessly, the way Camunda Modeler does.
//
//   npm run build                                   # bundles this file to dist/apply.mjs
//   node dist/apply.mjs <recipe.json> [-o out.bpmn] # write BPMN (recipe "output" or stdout)
//   node dist/apply.mjs --check <recipe.json>...    # dry run: report every problem, write nothing
//
// Real bpmn-js Modeler + CloudElementTemplatesCoreModule + camunda-cloud behaviors run in
// jsdom. Property changes are addressed by the label a user sees in the properties panel
// and are resolved among the properties that are ACTIVE at that moment (conditions
// re-evaluated after every change), since generated templates reuse labels across
// mutually exclusive subtypes. Values are written with the element-templates library's own
// setter, so its ConditionalBehavior swaps dependent inputs just like in Modeler.
//
// Recipe (paths relative to the recipe file):
// {
//   "bpmn": "diagram.bpmn",            // optional; default: new process start -> tasks -> end
//   "output": "out.bpmn",              // optional; -o wins; default stdout
//   "executionPlatformVersion": "8.8.0",  // optional, for new processes and the engines check
//   "startEventName": "Disk full", "endEventName": "Cleaned up",  // optional, new processes only
//   "tasks": [
//     { "id": "Task_1", "name": "Read record", "template": "../element-templates/x.json",
//       "changes": [ { "label": "Operation", "value": "read" },
//                    { "label": "sys_id", "value": "=sysId" },
//                    { "id": "operation.fields", "value": "number" } ] }   // "id" as escape hatch
//   ]
// }
// A single-task recipe may put "template", "element" (task id) and "changes" at the top level.

import './lib/dom.mjs';

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  applyConditions,
  getPropertyValue,
  setPropertyValue
} from 'bpmn-js-element-templates/core';

import { DEFAULT_PLATFORM_VERSION, openModeler, saveStableXml } from './lib/modeler.mjs';

export function readRecipe(file) {
  const recipe = JSON.parse(readFileSync(file, 'utf8'));
  const resolve = (p) => p && path.resolve(path.dirname(file), p);
  const tasks = recipe.tasks || [ recipe ];

  return {
    file,
    bpmn: resolve(recipe.bpmn),
    output: resolve(recipe.output),
    executionPlatformVersion: recipe.executionPlatformVersion,
    processId: recipe.processId || 'Process_1',
    processName: recipe.processName,
    startEventName: recipe.startEventName || 'Started',
    endEventName: recipe.endEventName || 'Completed',
    tasks: tasks.map((t, i) => ({
      id: t.id || t.element || `Task_${i + 1}`,
      name: t.name,
      template: resolve(t.template),
      changes: t.changes || []
    }))
  };
}

const escapeXml = (s) => String(s).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);

/**
 * start -> task 1 -> ... -> task n -> end, laid out left to right with DI so Modeler can open it;
 * named events and bpmn:incoming/outgoing on every node, so that it lints clean (lint.mjs).
 */
function newProcessXml(recipe, platformVersion) {
  const { tasks, processId, processName } = recipe;
  const flowIds = [ 'StartEvent_1', ...tasks.map((t) => t.id), 'EndEvent_1' ];
  const x = (i) => 160 + i * 160;
  const semantic = [], shapes = [];

  flowIds.forEach((id, i) => {
    const isEvent = i === 0 || i === flowIds.length - 1;
    const tag = i === 0 ? 'startEvent' : isEvent ? 'endEvent' : 'task';
    const label = i === 0 ? recipe.startEventName : isEvent ? recipe.endEventName : tasks[i - 1].name;
    const name = label ? ` name="${escapeXml(label)}"` : '';
    const incoming = i > 0 ? `<bpmn:incoming>Flow_${i}</bpmn:incoming>` : '';
    const outgoing = i < flowIds.length - 1 ? `<bpmn:outgoing>Flow_${i + 1}</bpmn:outgoing>` : '';
    semantic.push(`<bpmn:${tag} id="${id}"${name}>${incoming}${outgoing}</bpmn:${tag}>`);
    shapes.push(isEvent
      ? `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x(i) + 32}" y="102" width="36" height="36"/></bpmndi:BPMNShape>`
      : `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x(i)}" y="80" width="100" height="80"/></bpmndi:BPMNShape>`);
  });
  flowIds.slice(1).forEach((target, i) => {
    const source = flowIds[i], id = `Flow_${i + 1}`;
    semantic.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"/>`);
    const from = i === 0 ? x(i) + 68 : x(i) + 100, to = i + 1 === flowIds.length - 1 ? x(i + 1) + 32 : x(i + 1);
    shapes.push(`<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="${from}" y="120"/><di:waypoint x="${to}" y="120"/></bpmndi:BPMNEdge>`);
  });

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="${platformVersion}">
  <bpmn:process id="${escapeXml(processId)}"${processName ? ` name="${escapeXml(processName)}"` : ''} isExecutable="true">${semantic.join('')}</bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${escapeXml(processId)}">${shapes.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

/** Values as the properties panel writes them: static FEEL Number/Boolean become `=value`. */
function toStoredValue(property, value) {
  if (property.feel === 'static' && [ 'Boolean', 'Number' ].includes(property.type) && typeof value !== 'string') {
    return `=${value}`;
  }
  return typeof value === 'number' ? String(value) : value;
}

const describe = (p) => `"${p.label || p.id}"${p.id ? ` (id ${p.id})` : ''}`;

/** Find the single active, user-editable property a change addresses. */
function resolveChange(activeProperties, change) {
  const editable = activeProperties.filter((p) => p.type !== 'Hidden');
  const key = change.id !== undefined ? 'id' : 'label';
  const matches = editable.filter((p) => p[key] === change[key]);

  if (matches.length === 1) return { property: matches[0] };

  const wanted = `${key} ${JSON.stringify(change[key])}`;
  if (!matches.length) {
    const labels = [ ...new Set(editable.map((p) => p.label).filter(Boolean)) ];
    return { error: `no active property with ${wanted}; active labels: ${labels.map((l) => JSON.stringify(l)).join(', ')}` };
  }
  return { error: `${wanted} is ambiguous among active properties ${matches.map(describe).join(', ')}; address it by "id"` };
}

/**
 * Apply the recipe. Returns { xml, problems, warnings }; on problems the XML is still
 * produced (best effort) but callers must not use it.
 */
export async function applyRecipe(recipe) {
  const problems = [], warnings = [];
  const xml = recipe.bpmn
    ? readFileSync(recipe.bpmn, 'utf8')
    : newProcessXml(recipe, recipe.executionPlatformVersion || DEFAULT_PLATFORM_VERSION);
  const templatesByFile = new Map(recipe.tasks.map((t) => [ t.template, t.template && JSON.parse(readFileSync(t.template, 'utf8')) ]));
  const { modeler, elementTemplates, platformVersion } =
    await openModeler(xml, [ ...templatesByFile.values() ].filter(Boolean), recipe.executionPlatformVersion);

  const elementRegistry = modeler.get('elementRegistry');
  const bpmnFactory = modeler.get('bpmnFactory');
  const commandStack = modeler.get('commandStack');

  for (const task of recipe.tasks) {
    const where = `task ${task.id}`;
    const template = templatesByFile.get(task.template);
    if (!template) {
      problems.push(`${where}: no "template" given`);
      continue;
    }
    if (!elementRegistry.get(task.id)) {
      problems.push(`${where}: no such element in the diagram`);
      continue;
    }
    if (!elementTemplates.isCompatible(template)) {
      problems.push(`${where}: template ${template.id} requires camunda ${template.engines?.camunda}, diagram targets ${platformVersion}`);
    }

    // May replace the element (bpmn:Task -> bpmn:ServiceTask, same id), so always re-fetch by id.
    elementTemplates.applyTemplate(elementRegistry.get(task.id), template);

    for (const change of task.changes) {
      const element = elementRegistry.get(task.id);
      const active = applyConditions(element, template).properties;
      const { property, error } = resolveChange(active, change);
      if (error) {
        problems.push(`${where}: ${error}`);
        continue;
      }
      if (property.type === 'Dropdown' && !property.choices.some((c) => c.value === change.value)) {
        problems.push(`${where}: ${JSON.stringify(change.value)} is not a choice of ${describe(property)}; ` +
          `choices: ${property.choices.map((c) => JSON.stringify(c.value)).join(', ')}`);
        continue;
      }
      setPropertyValue(bpmnFactory, commandStack, element, property, toStoredValue(property, change.value));
    }

    // What Modeler would flag in red: active required fields left empty.
    const element = elementRegistry.get(task.id);
    for (const p of applyConditions(element, template).properties) {
      if (p.type !== 'Hidden' && p.constraints?.notEmpty && [ undefined, null, '' ].includes(getPropertyValue(element, p))) {
        warnings.push(`${where}: ${describe(p)} must not be empty`);
      }
    }
  }

  return { xml: await saveStableXml(modeler), problems, warnings };
}

async function main(argv) {
  let check = false, outArg;
  const recipes = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') check = true;
    else if (argv[i] === '-o') outArg = argv[++i];
    else recipes.push(argv[i]);
  }
  if (!recipes.length || (!check && recipes.length !== 1)) {
    console.error('usage: apply.mjs <recipe.json> [-o out.bpmn]\n       apply.mjs --check <recipe.json>...');
    return 2;
  }

  let failed = false;
  for (const file of recipes) {
    const recipe = readRecipe(file);
    const { xml, problems, warnings } = await applyRecipe(recipe);
    warnings.forEach((w) => console.error(`warning: ${file}: ${w}`));
    problems.forEach((p) => console.error(`error: ${file}: ${p}`));
    failed ||= problems.length > 0;

    if (check) {
      console.error(`${problems.length ? 'FAIL' : 'OK'} ${file}`);
    } else if (!problems.length) {
      const output = outArg || recipe.output;
      if (output) writeFileSync(output, xml);
      else process.stdout.write(xml + '\n');
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
