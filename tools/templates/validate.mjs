#!/usr/bin/env node
// Validate Camunda 8 (Zeebe) connector element templates.
//
//   node validate.mjs <file-or-dir>...
//
// Two layers:
//  1. the JSON schema, through the same validator Modeler's tooling uses
//     (@bpmn-io/element-templates-validator); it is given the raw text so that
//     errors carry line/column positions;
//  2. project rules the schema cannot express (unique ids, dangling conditions,
//     hybrid parity, version history, Modeler/connector conventions).
//
// Prints `OK <file>` or `FAIL <file>` plus one `line:col path message` line per
// problem. Exit code 1 if any file fails.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateZeebe } from '@bpmn-io/element-templates-validator';
import jsonMap from 'json-source-map';
import { OPERATION_GROUP, checkExtrasAgainst, checkExtrasShape } from './lib/extras.mjs';

// The schema accepts a single template OR an array of templates (oneOf), so a
// broken single template always also yields these two root errors.
const NOISE = new Set([ 'must be array', 'must match exactly one schema in oneOf' ]);

const HYBRID_ONLY_IDS = new Set([ 'taskDefinitionType' ]);

/** All *.json files below the given files/dirs, sorted for stable output. */
export function collectFiles(args) {
  const files = [];
  const walk = (p) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name !== 'node_modules') walk(path.join(p, name));
      }
    } else if (p.endsWith('.json')) {
      files.push(p);
    }
  };
  args.forEach(walk);
  return files;
}

/** Load a file: text, parsed JSON and a JSON-pointer -> position map. */
function load(file) {
  const text = readFileSync(file, 'utf8');
  const entry = { file, text, problems: [] };
  try {
    const { data, pointers } = jsonMap.parse(text);
    entry.data = data;
    entry.pointers = pointers;
  } catch (err) {
    entry.problems.push({ line: 1, col: 1, path: '/', message: `invalid JSON: ${err.message}` });
  }
  return entry;
}

/** Report a problem at a JSON pointer, falling back to the closest existing parent. */
function report(entry, pointer, message) {
  let p = pointer;
  while (p && !entry.pointers?.[p]) p = p.slice(0, p.lastIndexOf('/'));
  const pos = entry.pointers?.[p]?.value || { line: 0, column: 0 };
  entry.problems.push({ line: pos.line + 1, col: pos.column + 1, path: pointer || '/', message });
}

function schemaProblems(entry) {
  const errors = validateZeebe(entry.text).errors || [];
  const problems = errors.map((e) => ({
    line: (e.dataPointer?.value?.line ?? 0) + 1,
    col: (e.dataPointer?.value?.column ?? 0) + 1,
    path: e.instancePath || '/',
    message: e.message
  }));
  const real = problems.filter((p) => !(p.path === '/' && NOISE.has(p.message)));
  return real.length ? real : problems;
}

// ---------------------------------------------------------------------------
// Per-template rules

/** Simple conditions of a property; `allMatch` is an AND of simple ones. */
function simpleConditions(condition) {
  if (!condition) return [];
  return Array.isArray(condition.allMatch)
    ? condition.allMatch.map((c, i) => [ c, `/allMatch/${i}` ])
    : [ [ condition, '' ] ];
}

/**
 * What a condition demands of each referenced property:
 * `values` (allowed values), `active` (isActive / implied by a value test) and `empty`.
 */
function demands(condition) {
  const byProperty = new Map();
  for (const [ c ] of simpleConditions(condition)) {
    const d = byProperty.get(c.property) || {};
    if ('equals' in c || Array.isArray(c.oneOf)) {
      const values = 'equals' in c ? [ c.equals ] : c.oneOf;
      d.values = d.values ? new Set(values.filter((v) => d.values.has(v))) : new Set(values);
      d.active ??= true; // an inactive property has no value, so a value test implies active
    }
    if ('isActive' in c) d.active = c.isActive;
    if ('isEmpty' in c) d.empty = c.isEmpty;
    byProperty.set(c.property, d);
  }
  return byProperty;
}

/** True if no element state can satisfy both conditions at once. */
export function mutuallyExclusive(condA, condB) {
  const a = demands(condA), b = demands(condB);
  for (const [ property, x ] of a) {
    const y = b.get(property);
    if (!y) continue;
    if (x.values && y.values && ![ ...x.values ].some((v) => y.values.has(v))) return true;
    if (x.active !== undefined && y.active !== undefined && x.active !== y.active) return true;
    if (x.empty !== undefined && y.empty !== undefined && x.empty !== y.empty) return true;
  }
  return false;
}

function checkProperties(entry, template, base) {
  const properties = Array.isArray(template.properties) ? template.properties : [];
  const ids = new Set(properties.map((p) => p?.id).filter(Boolean));

  // Duplicate ids are how generated templates switch a binding per subtype; they are
  // only safe if at most one of them can be active at a time.
  const seen = new Map();
  properties.forEach((p, i) => {
    if (!p?.id) return;
    const earlier = seen.get(p.id) || [];
    for (const j of earlier) {
      if (!mutuallyExclusive(properties[j].condition, p.condition)) {
        report(entry, `${base}/properties/${i}/id`,
          `duplicate property id "${p.id}" (also ${base}/properties/${j}) and their conditions are not mutually exclusive`);
      }
    }
    seen.set(p.id, [ ...earlier, i ]);
  });

  // A condition on an unknown id is silently never met in Modeler: the property just vanishes.
  properties.forEach((p, i) => {
    for (const [ c, sub ] of simpleConditions(p?.condition)) {
      if (c && !ids.has(c.property)) {
        report(entry, `${base}/properties/${i}/condition${sub}/property`,
          `condition refers to unknown property id "${c.property}"`);
      }
    }
  });
}

/** True if an ISO-8601 duration has no non-zero component (PT0S, PT0M, P0D, ...). */
function isZeroDuration(value) {
  const numbers = String(value).match(/\d+(\.\d+)?/g) || [];
  return numbers.every((n) => Number(n) === 0);
}

/** Conventions for connector templates shown in Modeler's Connectors section. */
function checkConventions(entry, t, base) {
  if (typeof t.engines?.camunda !== 'string' || !t.engines.camunda) {
    report(entry, `${base}/engines`, 'missing engines.camunda (set engineVersion in @ElementTemplate)');
  }
  if (typeof t.documentationRef !== 'string' || !t.documentationRef.startsWith('https://')) {
    report(entry, `${base}/documentationRef`, 'documentationRef must be an https:// URL');
  }
  if (!t.icon?.contents) {
    report(entry, `${base}/icon`, 'missing icon.contents');
  }
  if (t.category?.id !== 'connectors') {
    report(entry, `${base}/category`, 'category.id must be "connectors"');
  }
  const properties = Array.isArray(t.properties) ? t.properties : [];
  if (isInbound(properties)) {
    // no job, so no retries: the runtime activates the element's executable instead
    checkElementType(entry, t, base, INBOUND_ELEMENT_TYPES, 'an element the connectors runtime activates an inbound executable on');
    return;
  }
  checkElementType(entry, t, base);
  const i = properties.findIndex((p) => p?.id === 'retryBackoff' ||
    (p?.binding?.type === 'zeebe:taskHeader' && p.binding.key === 'retryBackoff'));
  if (i < 0) {
    report(entry, `${base}/properties`, 'missing retryBackoff property');
  } else if (properties[i].value === undefined || isZeroDuration(properties[i].value)) {
    // The generator defaults to PT0S: failed jobs would be retried immediately.
    report(entry, `${base}/properties/${i}/value`,
      `retryBackoff must default to a non-zero duration, got ${JSON.stringify(properties[i].value)}`);
  }
}

/**
 * What an outbound connector can be: an element Zeebe hands to a job worker. Tasks apply to
 * bpmn:Task; message events to their own event type and carry a bpmn:MessageEventDefinition.
 */
export const JOB_ELEMENT_TYPES = {
  'bpmn:ServiceTask': { appliesTo: 'bpmn:Task' },
  'bpmn:SendTask': { appliesTo: 'bpmn:Task' },
  'bpmn:IntermediateThrowEvent': { appliesTo: 'bpmn:IntermediateThrowEvent', eventDefinition: 'bpmn:MessageEventDefinition' },
  'bpmn:EndEvent': { appliesTo: 'bpmn:EndEvent', eventDefinition: 'bpmn:MessageEventDefinition' }
};

/**
 * What an inbound connector can be: a message event (or receive task) whose executable the
 * runtime activates; templates with an `inbound.type` property.
 */
export const INBOUND_ELEMENT_TYPES = {
  'bpmn:StartEvent': { appliesTo: 'bpmn:StartEvent', eventDefinition: 'bpmn:MessageEventDefinition' },
  'bpmn:IntermediateCatchEvent': { appliesTo: 'bpmn:IntermediateCatchEvent', eventDefinition: 'bpmn:MessageEventDefinition' },
  'bpmn:BoundaryEvent': { appliesTo: 'bpmn:BoundaryEvent', eventDefinition: 'bpmn:MessageEventDefinition' },
  'bpmn:ReceiveTask': { appliesTo: 'bpmn:ReceiveTask' }
};

function isInbound(properties) {
  return properties.some((p) => p?.binding?.type === 'zeebe:property' && p.binding.name === 'inbound.type');
}

function checkElementType(entry, t, base, allowed = JOB_ELEMENT_TYPES,
  what = 'an element Zeebe hands to a job worker') {
  const value = t.elementType?.value;
  const expected = allowed[value];
  if (!expected) {
    const types = Object.keys(allowed).map((t) => `"${t}"`);
    report(entry, `${base}/elementType`, `elementType.value must be ${types.slice(0, -1).join(', ')} or ${types.at(-1)} ` +
      `(${what})`);
    return;
  }
  if (!Array.isArray(t.appliesTo) || !t.appliesTo.includes(expected.appliesTo)) {
    report(entry, `${base}/appliesTo`, `a ${value} template must apply to ${expected.appliesTo}`);
  }
  if ((t.elementType.eventDefinition || undefined) !== expected.eventDefinition) {
    report(entry, `${base}/elementType`, expected.eventDefinition
      ? `a ${value} template needs eventDefinition "${expected.eventDefinition}"`
      : `a ${value} template takes no eventDefinition`);
  }
}

/**
 * Patterns as Modeler tests them: `new RegExp(value)` on the field's text, also when it is
 * empty. A pattern must compile, and one on a field that may stay empty must accept ''.
 */
function checkPatterns(entry, t, base) {
  (Array.isArray(t.properties) ? t.properties : []).forEach((p, i) => {
    const pattern = p?.constraints?.pattern;
    if (pattern === undefined) return;
    const value = typeof pattern === 'string' ? pattern : pattern.value;
    let regexp;
    try {
      regexp = new RegExp(value);
    } catch (err) {
      report(entry, `${base}/properties/${i}/constraints/pattern`, `pattern does not compile in JavaScript: ${err.message}`);
      return;
    }
    if (!p.constraints.notEmpty && !regexp.test('')) {
      report(entry, `${base}/properties/${i}/constraints/pattern`,
        `pattern of "${p.id}" rejects an empty field, but the field may stay empty (no notEmpty): ` +
        'Modeler would flag the empty field; accept \'\' or require a value');
    }
  });
}

/**
 * `steps` + `presets` as written by postprocess.mjs: the same rules as for the data files, and
 * the group the presets pin first in the panel (after the hybrid's task definition type).
 */
function checkStepsAndPresets(entry, t, base) {
  if (t.steps === undefined && t.presets === undefined) return;
  const presets = {};
  (Array.isArray(t.presets) ? t.presets : []).forEach((p, i) => {
    if (p?.id in presets) report(entry, `${base}/presets/${i}/id`, `duplicate preset id ${JSON.stringify(p.id)}`);
    presets[p?.id] = p?.properties;
  });
  const extras = { steps: t.steps, presets };
  const problems = checkExtrasShape(extras);
  if (!problems.length) problems.push(...checkExtrasAgainst(extras, t));
  problems.forEach((p) => report(entry, `${base}/steps`, p));

  const pinsSomething = Object.values(presets).some((v) => v && Object.keys(v).length);
  const groups = (t.groups || []).map((g) => g?.id);
  const expected = groups[0] === 'taskDefinitionType' ? 1 : 0;
  if (pinsSomething && groups.includes(OPERATION_GROUP) && groups[expected] !== OPERATION_GROUP) {
    report(entry, `${base}/groups`, `group ${JSON.stringify(OPERATION_GROUP)} must come ${expected ? 'right after "taskDefinitionType"' : 'first'} ` +
      'when presets set its properties');
  }
}

// ---------------------------------------------------------------------------
// Cross-file rules (hybrid parity, version history)

const VERSIONED = /^(.+)-(\d+)\.json$/;

function kind(file) {
  const dir = path.basename(path.dirname(file));
  return dir === 'hybrid' || dir === 'versioned' ? dir : 'current';
}

function propertyIds(template) {
  return new Set((template.properties || []).map((p) => p?.id).filter(Boolean));
}

function checkHybrid(entry, template, base, currentById) {
  const id = String(template.id || '');
  if (!id.endsWith('-hybrid')) {
    report(entry, `${base}/id`, `hybrid template id must end with "-hybrid", got "${id}"`);
    return;
  }
  const normal = currentById.get(id.slice(0, -'-hybrid'.length));
  if (!normal) return; // normal template not among the inputs: nothing to compare

  const mine = propertyIds(template);
  const theirs = propertyIds(normal.template);
  const rel = path.relative(path.dirname(entry.file), normal.entry.file);
  for (const p of theirs) {
    if (!mine.has(p)) report(entry, `${base}/properties`, `property id "${p}" of ${rel} is missing in the hybrid template`);
  }
  for (const p of mine) {
    if (!theirs.has(p) && !HYBRID_ONLY_IDS.has(p)) {
      report(entry, `${base}/properties`, `property id "${p}" is not in ${rel}`);
    }
  }
  // the same search terms and the same menu in both flavours
  for (const key of [ 'keywords', 'steps', 'presets' ]) {
    if (JSON.stringify(template[key]) !== JSON.stringify(normal.template[key])) {
      report(entry, `${base}/${key}`, `"${key}" differs from ${rel}`);
    }
  }
}

function checkVersionHistory(entries) {
  const currentByPath = new Map(entries.filter((e) => e.data && kind(e.file) !== 'versioned')
    .map((e) => [ path.resolve(e.file), e ]));
  const given = new Set(entries.map((e) => path.resolve(e.file)));

  for (const entry of entries) {
    if (!entry.data || kind(entry.file) !== 'versioned') continue;
    const match = path.basename(entry.file).match(VERSIONED);
    if (!match) {
      report(entry, '', 'versioned template file name must be <name>-<version>.json');
      continue;
    }
    const [ , name, n ] = match;
    const version = entry.data.version;
    if (version !== Number(n)) {
      report(entry, '/version', `version is ${JSON.stringify(version)} but the file name says ${n}`);
    }
    const current = currentByPath.get(path.resolve(path.dirname(entry.file), '..', `${name}.json`));
    // the generator keeps no history for hybrids: a frozen version needs its hybrid frozen by hand
    const root = path.resolve(path.dirname(entry.file), '..');
    const hybridNow = path.join(root, 'hybrid', `${name}-hybrid.json`);
    const hybridThen = path.join(root, 'hybrid', 'versioned', `${name}-hybrid-${n}.json`);
    if (path.basename(root) !== 'hybrid' && given.has(hybridNow) && !given.has(hybridThen)) {
      report(entry, '', `${path.relative(root, hybridThen)} is missing: the generator keeps no history for hybrid ` +
        'templates; copy the previous hybrid file there when bumping the version');
    }
    const highest = Math.max(Number(n), typeof version === 'number' ? version : 0);
    if (current && !(current.data.version > highest)) {
      report(current, '/version', `version ${JSON.stringify(current.data.version)} must be higher than ` +
        `${path.relative(path.dirname(current.file), entry.file)} (version ${highest})`);
    }
  }
}

// ---------------------------------------------------------------------------

/** Validate files; returns [{ file, problems: [{line, col, path, message}] }]. */
export function validateFiles(files) {
  const entries = files.map(load);

  // A file may hold one template or an array of them; `base` is its JSON pointer.
  const templatesOf = (e) => !e.data ? [] :
    Array.isArray(e.data) ? e.data.map((t, i) => [ t, `/${i}` ]) : [ [ e.data, '' ] ];

  const currentById = new Map();
  for (const e of entries) {
    if (kind(e.file) !== 'current') continue;
    for (const [ t ] of templatesOf(e)) if (t?.id) currentById.set(t.id, { entry: e, template: t });
  }

  for (const e of entries) {
    if (!e.data) continue;
    e.problems.push(...schemaProblems(e));
    for (const [ t, base ] of templatesOf(e)) {
      if (!t || typeof t !== 'object') continue;
      checkProperties(e, t, base);
      // versioned files are frozen history: conventions apply to what is shipped now
      if (kind(e.file) !== 'versioned') {
        checkConventions(e, t, base);
        checkPatterns(e, t, base);
      }
      checkStepsAndPresets(e, t, base);
      if (kind(e.file) === 'hybrid') checkHybrid(e, t, base, currentById);
    }
  }
  checkVersionHistory(entries);

  return entries.map(({ file, problems }) => ({ file, problems }));
}

function main(args) {
  if (!args.length) {
    console.error('usage: node validate.mjs <template.json | dir>...');
    return 2;
  }
  const files = collectFiles(args);
  if (!files.length) {
    console.error(`no *.json templates found in: ${args.join(' ')}`);
    return 1;
  }
  let failed = 0;
  for (const { file, problems } of validateFiles(files)) {
    if (!problems.length) {
      console.log(`OK ${file}`);
      continue;
    }
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems) console.log(`  ${p.line}:${p.col} ${p.path} ${p.message}`);
  }
  console.log(`${files.length - failed} of ${files.length} templates valid`);
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  process.exitCode = main(process.argv.slice(2));
}
