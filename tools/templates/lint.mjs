#!/usr/bin/env node
// Lint BPMN files the way Camunda Modeler does before a deployment.
//
//   node lint.mjs <file-or-dir>...   # every *.bpmn (directories: not recursive)
//
// bpmnlint with `bpmnlint:recommended` plus `plugin:camunda-compat/camunda-cloud-8-8` (the
// Camunda 8.8 compatibility rules Modeler applies to a diagram whose execution platform is
// Camunda 8.8), `no-bpmndi` a warning as in Modeler. Diagrams are read with bpmn-moddle and the zeebe and modeler extensions, as
// Modeler reads them: without the zeebe descriptor every zeebe:* element would be unknown.
// Prints `file: element-id: message (rule)` per report; exit 1 when any report is an error.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { BpmnModdle } from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import modelerModdle from 'modeler-moddle/resources/modeler.json' with { type: 'json' };

export const CONFIG = {
  extends: [ 'bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8' ],
  // Modeler's linting (@camunda/linting) lowers this one: a diagram without DI still deploys
  rules: { 'no-bpmndi': 'warn' }
};

// Resolve rules and configs from this package's node_modules, whatever the caller's cwd.
const resolver = new NodeResolver({ require: createRequire(import.meta.url) });

/** Reports of one BPMN document: [{ id, message, rule, category }], import warnings included. */
export async function lintXml(xml) {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle, modeler: modelerModdle });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const linter = new bpmnlint.Linter({ config: CONFIG, resolver });
  const byRule = await linter.lint(rootElement);

  const reports = Object.entries(byRule).flatMap(([ rule, list ]) =>
    list.map((r) => ({ id: r.id, message: r.message, rule, category: r.category })));

  // An unknown element or attribute is dropped silently by moddle; Modeler would not show it either.
  for (const w of warnings) {
    reports.push({ id: w.element?.id, message: w.message, rule: 'import', category: 'error' });
  }
  return reports;
}

export function bpmnFiles(args) {
  return args.flatMap((arg) => statSync(arg).isDirectory()
    ? readdirSync(arg).filter((n) => n.endsWith('.bpmn')).sort().map((n) => path.join(arg, n))
    : [ arg ]);
}

async function main(args) {
  if (!args.length) {
    console.error('usage: node lint.mjs <file-or-dir>...');
    return 2;
  }
  const files = bpmnFiles(args);
  if (!files.length) {
    console.error(`error: no *.bpmn in ${args.join(' ')}`);
    return 1;
  }
  let errors = 0;
  for (const file of files) {
    const reports = await lintXml(readFileSync(file, 'utf8'));
    const fileErrors = reports.filter((r) => r.category === 'error').length;
    errors += fileErrors;
    for (const r of reports) {
      console.log(`${file}: ${r.category}: ${r.id || '-'}: ${r.message} (${r.rule})`);
    }
    console.log(`${fileErrors ? 'FAIL' : 'OK  '} ${file} (${fileErrors} errors, ${reports.length - fileErrors} warnings)`);
  }
  return errors ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
