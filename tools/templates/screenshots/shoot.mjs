#!/usr/bin/env node
// Properties-panel screenshots of the element templates, for the user docs.
//
//   cd tools/templates && npm run screenshots [-- --only <name>] [-- --out <dir>] [-- --scale 2]
//
// Needs a system Chromium (Debian: `apt-get install chromium`; another binary via
// CHROMIUM=/path). playwright-core never downloads a browser here. Not part of CI.
//
// 1. bundles page/app.js (bpmn-js Modeler + properties panel + Camunda 8 element-templates
//    provider, all from the pinned package-lock.json) into dist/screenshots/;
// 2. per scenario (scenarios.mjs): a fresh diagram start -> task -> end, the template applied
//    to the task, the task selected, then the fields filled in through the panel like a user
//    would (typing, picking dropdown options), the listed groups expanded;
// 3. checks the saved BPMN holds the expected zeebe:input values, so a screenshot never
//    shows a state the template did not really produce;
// 4. writes <out>/<name>.png (default docs/images/ at the repository root) and, for
//    inspection, dist/screenshots/<name>.bpmn; a scenario with `tooltip` hovers a field's label
//    first and captures its tooltip too;
// 5. a scenario with `menu` instead opens the append menu (bpmn-js-create-append-anything, as in
//    Desktop Modeler) next to an element with every listed template and types a search.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

import scenarios from './scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const dist = path.resolve(here, '../dist/screenshots');

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    out: { type: 'string', default: path.join(repo, 'docs/images') },
    scale: { type: 'string', default: '1' }
  }
});

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}. Install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome.`);
  process.exit(2);
}

const selected = args.only ? scenarios.filter((s) => args.only.includes(s.name)) : scenarios;
if (!selected.length) {
  console.error(`no scenario named ${args.only.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

// -- 1. page bundle -----------------------------------------------------------------------
// htm is hoisted to the top of node_modules, so its `htm/preact` would bind to the top-level
// preact (11, from preact-markup), while diagram-js's UI renders with its own preact 10: the
// popup menus (create, append, replace) would render nothing. Resolve htm's preact where htm's
// owner, @bpmn-io/diagram-js-ui, resolves it.
const htmUsesItsOwnersPreact = {
  name: 'htm-uses-its-owners-preact',
  setup(build) {
    const owner = path.resolve(here, '../node_modules/@bpmn-io/diagram-js-ui');
    build.onResolve({ filter: /^preact(\/.*)?$/ }, (args) => /[\\/]node_modules[\\/]htm[\\/]/.test(args.importer) && !args.pluginData
      ? build.resolve(args.path, { resolveDir: owner, kind: args.kind, pluginData: true })
      : undefined);
  }
};

mkdirSync(dist, { recursive: true });
await esbuild.build({
  plugins: [ htmUsesItsOwnersPreact ],
  entryPoints: [ path.join(here, 'page/app.js') ],
  outdir: dist,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  loader: Object.fromEntries([ '.woff', '.woff2', '.ttf', '.eot', '.svg' ].map((ext) => [ ext, 'dataurl' ])),
  logLevel: 'warning'
});
copyFileSync(path.join(here, 'page/index.html'), path.join(dist, 'index.html'));

// -- helpers running against the page ------------------------------------------------------
const panel = (page) => page.locator('#panel');

function group(page, title) {
  return panel(page).locator('.bio-properties-panel-group').filter({
    has: page.locator(':scope > .bio-properties-panel-group-header .bio-properties-panel-group-header-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) })
  });
}

async function setGroupOpen(page, title, open) {
  const g = group(page, title);
  if (await g.count() !== 1) throw new Error(`group "${title}" not found in the panel`);
  const header = g.locator(':scope > .bio-properties-panel-group-header');
  const isOpen = await header.evaluate((h) => h.classList.contains('open'));
  if (isOpen !== open) await header.click();
}

/** The one visible entry labelled `label` (optionally inside group `groupTitle`). */
async function entry(page, label, groupTitle) {
  const scope = groupTitle ? group(page, groupTitle) : panel(page);
  // no label: the group's only field (a template property may come without a label)
  const candidates = label === undefined ? scope.locator('[data-entry-id]') : scope.locator('[data-entry-id]').filter({
    has: page.locator('.bio-properties-panel-label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) })
  });
  const visible = [];
  for (const c of await candidates.all()) if (await c.isVisible()) visible.push(c);
  if (visible.length !== 1) {
    throw new Error(`expected one visible field ${label === undefined ? '' : `"${label}"`}${groupTitle ? ` in group "${groupTitle}"` : ''}, found ${visible.length} (is its group open?)`);
  }
  return visible[0];
}

async function typeInto(page, e, value) {
  const feelEditor = e.locator('.cm-content');
  if (await feelEditor.count()) {
    // always-FEEL field: the "=" is implied by the fx editor
    await feelEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(value.replace(/^=/, ''));
  } else {
    const input = e.locator('input:not([type=checkbox]), textarea').first();
    if (value.startsWith('=')) {
      // optional FEEL: typing "=" turns the field into the FEEL editor, then type the rest
      await input.fill('=');
      const editor = e.locator('.cm-content');
      await editor.waitFor();
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.insertText(value.slice(1));
    } else {
      await input.fill(value);
    }
  }
  // leave the field so the (debounced) change is committed
  await page.locator('#panel .bio-properties-panel-header').click();
  await page.waitForTimeout(400);
}

async function choose(page, e, optionText) {
  await e.locator('select').selectOption({ label: optionText });
  await page.waitForTimeout(200);
}

/** expect: zeebe:input target -> source; the key "taskDefinition.type" checks the job type. */
function checkInputs(xml, expect) {
  const inputs = {};
  const taskDefinition = xml.match(/<zeebe:taskDefinition\b[^>]*\btype="([^"]*)"/);
  if (taskDefinition) inputs['taskDefinition.type'] = unescapeXml(taskDefinition[1]);
  for (const m of xml.matchAll(/<zeebe:input\b([^>]*)\/?>/g)) {
    const attrs = Object.fromEntries([ ...m[1].matchAll(/(\w+)="([^"]*)"/g) ].map(([ , k, v ]) => [ k, unescapeXml(v) ]));
    inputs[attrs.target] = attrs.source;
  }
  return Object.entries(expect)
    .filter(([ target, source ]) => inputs[target] !== source)
    .map(([ target, source ]) => `${target}: expected ${JSON.stringify(source)}, BPMN has ${JSON.stringify(inputs[target])}`);
}

/**
 * The append menu of a diagram element, searched like a user types into it: every current
 * template registered, the menu opened next to `menu.element`, `menu.search` typed, and the
 * entries `menu.expect` must list (labels, in order of appearance) checked before the capture.
 */
async function shootMenu(page, scenario) {
  const templates = scenario.menu.templates.map((t) => JSON.parse(readFileSync(path.join(repo, t), 'utf8')));
  await page.evaluate(() => document.body.classList.add('menu'));
  await page.evaluate((t) => window.setup({ templates: t }), templates);
  await page.evaluate((id) => window.openAppendMenu(id), scenario.menu.element);
  const popup = page.locator('.djs-popup');
  await popup.waitFor();
  await popup.locator('input').first().click();
  await page.keyboard.type(scenario.menu.search, { delay: 30 });
  await page.waitForTimeout(800);
  const labels = (await popup.locator('.entry .djs-popup-label').allTextContents()).map((l) => l.trim());
  const missing = scenario.menu.expect.filter((l) => !labels.includes(l));
  if (missing.length) throw new Error(`the menu lists ${JSON.stringify(labels)}, not ${JSON.stringify(missing)}`);
  const file = path.join(args.out, `${scenario.name}.png`);
  await page.locator('#shot').screenshot({ path: file });
  console.log(`OK   ${path.relative(repo, file)}  (${labels.length} entries for "${scenario.menu.search}")`);
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescapeXml = (s) => s.replace(/&(#x?[0-9a-fA-F]+|lt|gt|quot|apos|amp);/g, (_, e) => e[0] === '#'
  ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
  : { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e]);

// -- 2.-4. scenarios -----------------------------------------------------------------------
const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'template-shots-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1000, height: 800 },
  deviceScaleFactor: Number(args.scale),
  args: [ '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--no-first-run', '--disable-component-update', '--disable-sync' ]
});

let failed = 0;
try {
  mkdirSync(args.out, { recursive: true });
  for (const scenario of selected) {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`file://${path.join(dist, 'index.html')}`);
      if (scenario.menu) {
        await shootMenu(page, scenario);
        continue;
      }
      const template = JSON.parse(readFileSync(path.join(repo, scenario.template), 'utf8'));
      if (scenario.tooltip) await page.evaluate(() => document.body.classList.add('tooltip'));
      await page.evaluate((t) => window.setup({ templates: [ t ] }), template);
      const id = await page.evaluate((templateId) => window.applyTemplate(templateId), template.id);
      // selecting in the same tick as the import is ignored by the panel
      await page.evaluate((elementId) => window.select(elementId), id);
      await page.locator('#panel .bio-properties-panel-header-type', { hasText: template.name }).waitFor();

      // open everything we type into, then collapse all groups not listed in `open`
      const titles = await panel(page).locator('.bio-properties-panel-group-header-title').allTextContents();
      for (const title of titles) await setGroupOpen(page, title, true).catch(() => {});
      for (const step of scenario.steps) {
        const e = await entry(page, step.label, step.group);
        if ('choose' in step) await choose(page, e, step.choose);
        else await typeInto(page, e, step.value);
      }
      for (const title of await panel(page).locator('.bio-properties-panel-group-header-title').allTextContents()) {
        await setGroupOpen(page, title, scenario.open.includes(title)).catch(() => {});
      }
      await page.evaluate(() => window.modeler.get('selection').select(window.modeler.get('selection').get()));
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);

      const xml = await page.evaluate(() => window.saveXML());
      writeFileSync(path.join(dist, `${scenario.name}.bpmn`), xml);
      const problems = [ ...checkInputs(xml, scenario.expect), ...pageErrors.map((m) => `page error: ${m}`) ];
      if (problems.length) throw new Error(problems.join('\n  '));

      // a viewport as tall as the content: nothing scrolls while capturing
      let box = await page.locator('#shot').boundingBox();
      await page.setViewportSize({ width: 1000, height: Math.ceil(box.y + box.height) + 10 });
      const file = path.join(args.out, `${scenario.name}.png`);
      if (scenario.tooltip) {
        // hover the label: the panel shows the tooltip left of it, in the room body.tooltip makes
        box = await page.locator('#shot').boundingBox();
        const e = await entry(page, scenario.tooltip.label, scenario.tooltip.group);
        await e.locator('.bio-properties-panel-tooltip-wrapper').first().hover();
        const tooltip = page.locator('.bio-properties-panel-tooltip');
        await tooltip.waitFor();
        const text = await tooltip.textContent();
        if (!text.includes(scenario.tooltip.shows)) throw new Error(`tooltip of "${scenario.tooltip.label}" reads "${text}"`);
        await page.screenshot({ path: file, clip: { x: 0, y: box.y, width: box.x + box.width, height: box.height } });
      } else {
        await page.locator('#shot').screenshot({ path: file });
      }
      console.log(`OK   ${path.relative(repo, file)}  (${Math.round(box.width * args.scale)}x${Math.round(box.height * args.scale)})`);
    } catch (e) {
      failed++;
      console.error(`FAIL ${scenario.name}\n  ${e.message}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
