#!/usr/bin/env node
// Field references in the docs, generated from the committed templates, so the docs say what
// Modeler shows: labels, when a field appears, its tooltip, its rules and an example.
//
//   node docs.mjs <templates-dir> <markdown-file>...           # rewrite the generated blocks
//   node docs.mjs --check <templates-dir> <markdown-file>...   # exit 1 if a block is out of date
//
// A block sits between two markers; what is between them is replaced:
//
//   <!-- generated:fields servicenow-incident-handler.json groups=operation,options -->
//   <!-- /generated -->
//   <!-- generated:steps servicenow-incident-handler.json -->
//   <!-- /generated -->
//
// fields: one row per visible field of the listed groups (all when `groups` is left out), in the
// panel's order; fields the subtypes repeat (Sys ID of Read, Update, Delete) are one row.
// steps: the template's steps as Modeler lists them in the create/append menu, with keywords.
// No npm dependencies.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const BLOCK = /(<!-- generated:(fields|steps) ([^\s]+)((?: [a-z]+=[^\s]+)*) -->\n)([\s\S]*?)(<!-- \/generated -->)/g;

// a tooltip's links become Markdown links; any other < > is text (GitHub would drop `<instance name>`)
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')
  .replace(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g, '[$2]($1)').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const code = (text) => (text === undefined || text === '' ? '' : `\`${String(text).replace(/`/g, "'")}\``);

/** "Create, Update" for a condition on a Dropdown; "Authentication: Basic …" for other properties. */
function describeCondition(condition, byId, ownGroup) {
  if (!condition) return 'always';
  const parts = (condition.allMatch || [ condition ]).map((c) => {
    const target = byId.get(c.property)?.[0];
    const values = 'equals' in c ? [ c.equals ] : c.oneOf || [];
    const names = values.map((v) => target?.choices?.find((ch) => ch.value === v)?.name ?? String(v));
    const label = target?.label || c.property;
    if (target?.type === 'Boolean') return values[0] === true || values[0] === 'true' ? `${label} on` : `${label} off`;
    // the operation reads best without its label: "Create, Update"
    return target?.group === 'operation' && target?.id?.endsWith('.operation') && ownGroup !== 'authentication'
      ? names.join(', ')
      : `${label}: ${names.join(', ')}`;
  });
  return parts.join('; ');
}

/** "Read, Update" + "Delete" -> "Read, Update, Delete" when both name choices of one field. */
function joinShown(a, b) {
  if (a === b) return a;
  if (a.includes(';') || b.includes(';') || a === 'always' || b === 'always') return undefined;
  const split = (s) => (s.includes(': ') ? [ s.slice(0, s.indexOf(': ') + 2), s.slice(s.indexOf(': ') + 2) ] : [ '', s ]);
  const [ pa, va ] = split(a), [ pb, vb ] = split(b);
  return pa === pb ? `${pa}${va}, ${vb}` : undefined;
}

function rules(p) {
  const out = [];
  if (p.constraints?.notEmpty) out.push('required');
  const pattern = p.constraints?.pattern;
  if (pattern) out.push(typeof pattern === 'string' ? `matches ${code(pattern)}` : pattern.message);
  if (p.description) out.push(p.description);
  if (p.feel === 'required') out.push('FEEL');
  return out.join('; ');
}

function example(p) {
  if (p.placeholder) return code(p.type !== 'Dropdown' && p.feel === 'required' ? `=${p.placeholder}` : p.placeholder);
  if (p.type === 'Dropdown') {
    const choice = p.choices?.find((c) => c.value === p.value);
    return choice ? `${choice.name}` : '';
  }
  if (p.type === 'Boolean') return p.value === true ? 'on' : 'off';
  return p.value !== undefined && p.value !== '' ? code(p.value) : '';
}

export function fieldsTable(template, groups) {
  const byId = new Map();
  for (const p of template.properties) byId.set(p.id, [ ...(byId.get(p.id) || []), p ]);
  const groupLabel = new Map(template.groups.map((g) => [ g.id, g.label ]));
  const order = template.groups.map((g) => g.id).filter((g) => !groups || groups.includes(g));

  const rows = [];
  for (const group of order) {
    for (const p of template.properties.filter((x) => x.group === group && x.type !== 'Hidden')) {
      const row = {
        field: `**${p.label || p.id}**`, group: groupLabel.get(group), shown: describeCondition(p.condition, byId, group),
        help: p.tooltip, rules: rules(p), example: example(p)
      };
      // subtypes repeat a field (Sys ID of Read, Update, Delete): one row, the choices joined
      const same = rows.find((r) => [ 'field', 'group', 'help', 'rules', 'example' ].every((k) => r[k] === row[k]));
      const merged = same && joinShown(same.shown, row.shown);
      if (merged) same.shown = merged;
      else rows.push(row);
    }
  }
  const lines = [
    '| Field | Group | Shown | What it is (the tooltip) | Rules and warnings | Example |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[ r.field, r.group, r.shown, r.help, r.rules, r.example ].map(cell).join(' | ')} |`)
  ];
  return lines.join('\n');
}

export function stepsList(template) {
  const lines = [];
  const walk = (steps, depth) => {
    for (const s of steps) {
      const indent = '  '.repeat(depth);
      if (s.steps) {
        lines.push(`${indent}- **${s.name}**${s.description ? ` — ${s.description}` : ''}`);
        walk(s.steps, depth + 1);
      } else {
        const preset = (template.presets || []).find((p) => p.id === s.presetId);
        const pinned = Object.entries(preset?.properties || {}).map(([ id, v ]) => `${id} = ${v}`).join(', ');
        lines.push(`${indent}- **${s.name}** — ${s.description}. Search terms: ${s.keywords.join(', ')}` +
          (pinned ? `. Preset: \`${pinned}\`` : ''));
      }
    }
  };
  walk(template.steps || [], 0);
  return lines.join('\n');
}

/** The markdown with every generated block rebuilt from the templates in `templatesDir`. */
export function render(markdown, templatesDir) {
  return markdown.replace(BLOCK, (all, open, kind, file, options, body, close) => {
    const template = JSON.parse(readFileSync(path.join(templatesDir, file), 'utf8'));
    const groups = /groups=([^\s]+)/.exec(options)?.[1]?.split(',');
    const content = kind === 'fields' ? fieldsTable(template, groups) : stepsList(template);
    return `${open}${content}\n${close}`;
  });
}

function main(args) {
  const check = args[0] === '--check';
  const [ templatesDir, ...files ] = check ? args.slice(1) : args;
  if (!templatesDir || !files.length) {
    console.error('usage: node docs.mjs [--check] <templates-dir> <markdown-file>...');
    return 2;
  }
  let stale = 0;
  for (const file of files) {
    const before = readFileSync(file, 'utf8');
    const after = render(before, templatesDir);
    if ((before.match(BLOCK) || []).length === 0) {
      console.error(`${file}: no generated blocks`);
      return 1;
    }
    if (after === before) continue;
    if (check) {
      console.error(`${file}: generated blocks are out of date: run node tools/templates/docs.mjs element-templates ${file}`);
      stale++;
    } else {
      writeFileSync(file, after);
      console.log(`updated ${file}`);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
