#!/usr/bin/env node
// Post-process the templates the 8.8.5 generator wrote; runs right after generation.
//
//   node postprocess.mjs <templates-dir> [<data-root>...]
//
// 1. every template, versioned/ included: retryBackoff PT0S -> PT30S (the generator's default
//    makes Zeebe retry a failed job at once, in a tight loop against a rate-limiting instance);
// 2. `<name>.json` and `hybrid/<name>-hybrid.json`: merge `<name>.template-extras.json`, found
//    anywhere below the data roots (the annotated records' source folder), see lib/extras.mjs;
//    a data file's `variants` serve other templates of the same records (element types);
// 3. the same templates: tooltips for the generator's own properties and groups (result,
//    error expression, retries, hybrid task type), lib/extras.mjs GENERATOR_HINTS.
//    versioned/ is frozen history and keeps the extras and hints it was released with.
//
// All data files are checked against their templates first; on any problem nothing is written
// and every problem is printed as `ERROR <data file> (<template>): <what is wrong>`, exit 1.
// A data file without a template is an error too (renamed template file?). Written files keep
// the generator's layout (lib/jackson-json.mjs); unchanged files are not touched. No npm
// dependencies: this runs before `npm ci`.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  EXTRAS_SUFFIX, applyExtras, checkExtrasAgainst, checkExtrasShape, expandVariants, leafSteps, withEmptyMessageTtl, withGeneratorHints, withRetryBackoff
} from './lib/extras.mjs';
import { stringifyLikeGenerator } from './lib/jackson-json.mjs';

const SKIP_DIRS = new Set([ 'node_modules', 'target', '.git' ]);

function walk(dir, accept, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(p, accept, out);
    } else if (accept(name)) {
      out.push(p);
    }
  }
  return out;
}

/** Data files by template base name (`servicenow-incident-handler`), with load problems. */
export function findExtras(roots) {
  const byName = new Map(), problems = [];
  for (const root of roots) {
    for (const file of walk(root, (n) => n.endsWith(EXTRAS_SUFFIX))) {
      const name = path.basename(file, EXTRAS_SUFFIX);
      let extras, shapeProblems = false;
      try {
        extras = JSON.parse(readFileSync(file, 'utf8'));
        const shape = checkExtrasShape(extras);
        shape.forEach((p) => problems.push(`ERROR ${file}: ${p}`));
        shapeProblems = shape.length > 0;
      } catch (err) {
        problems.push(`ERROR ${file}: invalid JSON: ${err.message}`);
      }
      const served = extras !== null && typeof extras === 'object' && !Array.isArray(extras)
        ? expandVariants(name, extras)
        : [ { name, extras } ];
      for (const { name: template, extras: data } of served) {
        if (byName.has(template)) {
          problems.push(`ERROR ${file}: a second data file for ${template}.json (first: ${byName.get(template).file})`);
          continue;
        }
        byName.set(template, { file, name: template, extras: data, shapeProblems });
      }
    }
  }
  return { byName, problems };
}

/** Which data file a template takes: `<name>.json`, `hybrid/<name>-hybrid.json`; none for versioned/. */
function baseName(relative) {
  const parts = relative.split(path.sep);
  if (parts.includes('versioned')) return undefined;
  const name = path.basename(relative, '.json');
  if (parts.length === 1) return name;
  if (parts.length === 2 && parts[0] === 'hybrid' && name.endsWith('-hybrid')) return name.slice(0, -'-hybrid'.length);
  return undefined;
}

/**
 * Compute every change; returns { writes: [{file, text, summary, notes}], problems }.
 * Nothing is written here.
 */
export function postprocess(templatesDir, dataRoots) {
  const { byName, problems } = findExtras(dataRoots);
  const writes = [], used = new Set(), reported = new Set();

  for (const file of walk(templatesDir, (n) => n.endsWith('.json'))) {
    const relative = path.relative(templatesDir, file);
    const text = readFileSync(file, 'utf8');
    let template;
    try {
      template = JSON.parse(text);
    } catch (err) {
      problems.push(`ERROR ${file}: invalid JSON: ${err.message}`);
      continue;
    }
    const backedOff = withRetryBackoff(template);
    const summary = backedOff !== template ? [ 'retryBackoff PT30S' ] : [];
    let out = withEmptyMessageTtl(backedOff);
    if (out !== backedOff) summary.push('messageTtl accepts an empty field');
    let notes = [];

    const name = baseName(relative);
    const entry = byName.get(name);
    if (entry) {
      used.add(entry.name);
      if (entry.extras === null || typeof entry.extras !== 'object' || Array.isArray(entry.extras)) continue; // reported above
      const found = checkExtrasAgainst(entry.extras, out);
      for (const p of found) {
        // the hybrid repeats the normal template's problems; say each once
        if (!reported.has(`${entry.file}: ${p}`)) problems.push(`ERROR ${entry.file} (${relative}): ${p}`);
        reported.add(`${entry.file}: ${p}`);
      }
      if (found.length || entry.shapeProblems) continue;
      ({ template: out, notes } = applyExtras(out, entry.extras));
      const { keywords, placeholders, tooltips, steps, presets } = entry.extras;
      if (keywords) summary.push(`${keywords.length} keywords`);
      if (tooltips) summary.push(`${Object.keys(tooltips).length} tooltips`);
      if (placeholders) summary.push(`${Object.keys(placeholders).length} placeholders`);
      if (steps) summary.push(`${leafSteps(steps).length} leaf steps, ${Object.keys(presets).length} presets`);
    }
    if (name !== undefined) {
      const hinted = withGeneratorHints(out);
      if (hinted !== out) summary.push('generator tooltips');
      out = hinted;
    }

    const newText = stringifyLikeGenerator(out);
    if (newText !== text) writes.push({ file, text: newText, summary, notes });
  }

  for (const [ name, entry ] of byName) {
    if (!used.has(name)) {
      problems.push(`ERROR ${entry.file}: no template ${name}.json in ${templatesDir} (templateFileName in the pom?)`);
    }
  }
  return { writes, problems };
}

function main(args) {
  const [ templatesDir, ...dataRoots ] = args;
  if (!templatesDir) {
    console.error('usage: node postprocess.mjs <templates-dir> [<data-root>...]');
    return 2;
  }
  const { writes, problems } = postprocess(templatesDir, dataRoots);
  if (problems.length) {
    problems.forEach((p) => console.error(p));
    console.error(`${problems.length} problem(s); no template was changed`);
    return 1;
  }
  for (const { file, text, summary, notes } of writes) {
    writeFileSync(file, text);
    console.log(`post-processed ${file}: ${summary.join(', ') || 'layout'}`);
    notes.forEach((n) => console.log(`  note: ${n}`));
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
