#!/usr/bin/env node
// The properties panel rendered in headless Chromium for every template of a directory (top level
// and hybrid/; versioned/ is frozen history), every preset (one per operation) and every choice
// of Authentication (each at least once), with the optional fields left empty. Any error text in
// the panel fails.
// Two panels: Camunda Desktop Modeler 5.49's (bpmn-js-element-templates 2.27.0,
// bpmn-js-properties-panel 5.60.0, bpmn-js 18.19.0: what its package-lock.json pins, this
// directory's package.json) and the newer one of ../package.json, which the screenshots use.
//
//   node check.mjs <templates-dir>      (check.sh runs it on target/element-templates)
//
// Why a browser: the panel validates what it renders. The newer panel reads an empty field as
// undefined and tests a pattern against the string "undefined", so a pattern that accepts ''
// still shows red on an empty optional field; the schema validator and the Problems panel see
// nothing. Required fields get a value (=sample, or sample without FEEL) through the preset, so only what a user
// may leave empty stays empty. Controls: a field whose default breaks its pattern must show its
// error in both panels (the check sees errors), and the log says whether a panel flags an empty
// optional field whose pattern accepts '' only (the newer one does).
//
// Chromium: Debian's /usr/bin/chromium (apt-get install chromium) or CHROMIUM=/path; never a
// downloaded browser.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const AUTH = 'authentication.type';
const BROKEN_MESSAGE = 'panel-check control: must be digits';
const EMPTY_MESSAGE = 'panel-check control: must be empty or digits';

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('usage: node check.mjs <templates-dir>');
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`ERROR: the panel check needs Chromium at ${chromiumPath} (Debian: apt-get install chromium, or set CHROMIUM=/path/to/chromium).`);
  process.exit(1);
}

const files = [ '.', 'hybrid' ]
  .filter((sub) => existsSync(path.join(dir, sub)))
  .flatMap((sub) => readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.json')).map((f) => path.join(sub, f)))
  .sort();
if (!files.length) {
  console.error(`ERROR: no templates in ${dir}`);
  process.exit(1);
}

/**
 * Every preset of the template (or none) and every Authentication choice (or none), each at least
 * once: each preset with the first choice, then each other choice with the first preset. The
 * authentication fields depend only on the Authentication choice, so the full product would
 * render the same fields again.
 */
export function cases(template) {
  const presets = template.presets?.length ? template.presets.map((p) => p.id) : [ undefined ];
  const auth = template.properties.find((p) => p.id === AUTH && p.type === 'Dropdown');
  const choices = auth ? auth.choices.map((c) => c.value) : [ undefined ];
  return [
    ...presets.map((preset) => ({ preset, auth: choices[0] })),
    ...choices.slice(1).map((choice) => ({ preset: presets[0], auth: choice }))
  ];
}

/**
 * The template with one preset per case: the case's preset, its Authentication choice, and a FEEL
 * value for every required field without a default. Optional fields keep their defaults or stay empty.
 */
export function withCasePresets(template) {
  const required = Object.fromEntries(template.properties
    .filter((p) => p.id && p.constraints?.notEmpty && p.value === undefined && [ 'String', 'Text' ].includes(p.type ?? 'String'))
    .map((p) => [ p.id, p.feel ? '=sample' : 'sample' ]));
  const presets = cases(template).map(({ preset, auth }) => ({
    id: `${preset ?? 'template'}+${auth ?? 'none'}`,
    properties: {
      ...required,
      ...(template.presets?.find((p) => p.id === preset)?.properties ?? {}),
      ...(auth ? { [AUTH]: auth } : {})
    }
  }));
  return { ...template, presets };
}

/**
 * The template with two extra optional fields: one whose default breaks its pattern (every panel
 * must flag it), one empty whose pattern accepts '' but not "undefined".
 */
function control(template) {
  const group = template.properties.find((p) => p.group)?.group;
  const field = (name, extra) => ({
    id: `panelCheck.${name}`, label: `Panel check ${name}`, group, type: 'String', optional: true,
    binding: { type: 'zeebe:input', name: `panelCheck${name}` }, ...extra
  });
  return {
    ...template,
    id: `${template.id}.panel-check-control`,
    properties: [ ...template.properties,
      field('broken', { value: 'abc', constraints: { pattern: { value: '^[0-9]*$', message: BROKEN_MESSAGE } } }),
      field('empty', { constraints: { pattern: { value: '^(|[0-9]+)$', message: EMPTY_MESSAGE } } }) ]
  };
}

// -- the pages ---------------------------------------------------------------------------------
// page.js resolves its imports from the node_modules above the file: bundled from here it gets
// this directory's packages (Modeler 5.49), bundled from a copy in ../dist it gets ../package.json's.
const panels = [
  { name: 'modeler-5.49', entry: path.join(here, 'page.js'), modules: path.join(here, 'node_modules') },
  { name: 'tools-templates', entry: path.join(here, '../dist/panel-page/page.js'), modules: path.join(here, '../node_modules') }
];
mkdirSync(path.dirname(panels[1].entry), { recursive: true });
copyFileSync(panels[0].entry, panels[1].entry);
for (const panel of panels) {
  panel.out = path.join(dist, panel.name);
  const version = (name) => JSON.parse(readFileSync(path.join(panel.modules, name, 'package.json'), 'utf8')).version;
  panel.label = `${panel.name} panel (bpmn-js-element-templates ${version('bpmn-js-element-templates')}, bpmn-js-properties-panel ${version('bpmn-js-properties-panel')})`;
  await esbuild.build({
    entryPoints: [ panel.entry ],
    outdir: panel.out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    loader: Object.fromEntries([ '.woff', '.woff2', '.ttf', '.eot', '.svg' ].map((ext) => [ ext, 'dataurl' ])),
    logLevel: 'warning'
  });
  copyFileSync(path.join(here, 'index.html'), path.join(panel.out, 'index.html'));
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [ '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--no-first-run', '--disable-component-update', '--disable-sync' ]
});

/** Renders one case; returns the panel's error texts and how many empty optional patterned fields it showed. */
async function render(page, template, presetId) {
  const id = await page.evaluate(({ t, p }) => window.render({ template: t, presetId: p }), { t: template, p: presetId });
  // the panel ignores a selection that comes too soon after the import: select until it shows the template
  const header = page.locator('#panel .bio-properties-panel-header-type', { hasText: template.name });
  let shown = false;
  for (let attempt = 0; attempt < 10 && !shown; attempt++) {
    await page.evaluate((elementId) => window.select(elementId), id);
    shown = await header.waitFor({ timeout: 500 }).then(() => true, () => false);
  }
  if (!shown) {
    const seen = await page.$$eval('#panel .bio-properties-panel-header-type', (els) => els.map((e) => e.textContent));
    return { errors: [ `the panel shows ${JSON.stringify(seen)} instead of the template "${template.name}" on ${id}` ], emptyOptional: 0 };
  }
  await page.waitForTimeout(30);
  const errors = await page.$$eval('#panel .bio-properties-panel-error', (els) => els.map((e) => {
    const entry = e.closest('[data-entry-id]');
    const label = entry?.querySelector('.bio-properties-panel-label')?.textContent?.trim();
    return `${label ?? entry?.dataset.entryId ?? '?'}: ${e.textContent.trim()}`;
  }).filter((text) => !text.endsWith(': ')));
  // entries are custom-entry-<template id>-<group>-<index in group>; count by label instead
  const optionalPatterned = template.properties
    .filter((p) => p.constraints?.pattern && !p.constraints.notEmpty && p.label)
    .map((p) => p.label);
  const emptyOptional = await page.$$eval('#panel [data-entry-id^="custom-entry-"]', (els, labels) => els
    .filter((e) => labels.includes(e.querySelector('.bio-properties-panel-label')?.textContent?.trim()))
    .filter((e) => {
      const input = e.querySelector('input, textarea');
      const feel = e.querySelector('.cm-content');
      return (input ? input.value : feel ? feel.textContent : '') === '';
    }).length, optionalPatterned);
  return { errors, emptyOptional };
}

let failed = 0;
let rendered = 0;
let emptyOptionalSeen = 0;
const first = JSON.parse(readFileSync(path.join(dir, files[0]), 'utf8'));
const templates = files.map((file) => ({ file, template: withCasePresets(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))) }));
try {
  for (const panel of panels) {
    console.log(`== ${panel.label}`);
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`file://${path.join(panel.out, 'index.html')}`);

    const probe = withCasePresets(control(first));
    const { errors: controlErrors } = await render(page, probe, probe.presets[0].id);
    if (!controlErrors.some((e) => e.includes(BROKEN_MESSAGE))) {
      console.error(`FAIL control: a default that breaks its pattern shows no error (saw ${JSON.stringify(controlErrors)}): the check would see nothing`);
      failed++;
    }
    const flagsEmpty = controlErrors.some((e) => e.includes(EMPTY_MESSAGE));
    console.log(`control: errors are seen; an empty optional field whose pattern accepts '' only is ${flagsEmpty ? 'flagged (tested as "undefined")' : 'not flagged'}`);

    for (const { file, template } of templates) {
      const problems = [];
      let empty = 0;
      for (const preset of template.presets) {
        const { errors, emptyOptional } = await render(page, template, preset.id);
        rendered++;
        empty += emptyOptional;
        for (const e of errors) problems.push(`${preset.id}: ${e}`);
      }
      emptyOptionalSeen += empty;
      for (const m of pageErrors.splice(0)) problems.push(`page error: ${m}`);
      if (problems.length) {
        failed++;
        console.error(`FAIL ${file}\n  ${problems.join('\n  ')}`);
      } else {
        console.log(`OK   ${file}: ${template.presets.length} presets and authentications, no error text (${empty} empty optional fields with a pattern)`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
}
if (!failed && emptyOptionalSeen === 0) {
  console.error('FAIL no empty optional field with a pattern was rendered: nothing was checked');
  failed++;
}
console.log(`${rendered} panels rendered, ${emptyOptionalSeen} empty optional patterned fields, ${failed ? `${failed} failure(s)` : 'no error text'}`);
process.exit(failed ? 1 : 0);
