// Template extras: what Modeler reads from a template in 2026 but the 8.8.5 generator cannot
// write - root `keywords`, `steps` + `presets`, `placeholder` on properties, and `tooltip` on
// properties the annotations cannot give one (discriminators) - kept in a data file next to the
// annotated input records and merged into the generated template. The generator's own
// properties and groups (output, error handling, retries, hybrid task type) get tooltips from
// GENERATOR_HINTS below.
//
// No npm dependencies on purpose: this runs right after generation, before `npm ci`.
//
// Data file (all keys optional; `steps` and `presets` come together):
// {
//   "keywords": [ "ServiceNow", "ITSM" ],
//   "placeholders": { "<property id>": "shown in the empty String/Text field" },
//   "steps": [ { "name": "Create incident", "description": "...", "keywords": [ "open ticket" ],
//                "presetId": "create" },
//              { "name": "A category", "steps": [ ...nested steps... ] } ],
//   "presets": { "create": { "<property id>": "<value>" } },
//   "tooltips": { "<property id>": "hover help, for properties whose annotation has no tooltip" },
//   "defaults": { "<property id>": "value for a String/Text property the generator adds without one" },
//   "variants": { "<other template name>": { "steps": [ ... ], "presets": { ... } } }
// }
// A variant is another template generated from the same records (an element type variant such
// as `<name>-send-task`): it takes this file's data with the variant's keys replacing them.
//
// Checks follow Camunda's conventions for steps and presets: leaves carry a presetId, keywords
// and a description, categories only nested steps; every preset is used by exactly one leaf;
// preset keys name properties of the "operation" group (which then comes first in the panel);
// a Dropdown value is one of its choices; each pinned property is active under the preset; and
// the presets cover every reachable combination of the pinned Dropdowns exactly once.

export const EXTRAS_SUFFIX = '.template-extras.json';
export const OPERATION_GROUP = 'operation';
const HYBRID_GROUP = 'taskDefinitionType';

const VARIANT_KEYS = [ '$comment', 'keywords', 'placeholders', 'tooltips', 'defaults', 'steps', 'presets' ];
const DATA_KEYS = [ ...VARIANT_KEYS, 'variants' ];
const STEP_KEYS = [ 'name', 'description', 'keywords', 'steps', 'presetId' ];
const PLACEHOLDER_TYPES = [ 'String', 'Text' ];

const q = JSON.stringify;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string' && v.trim() !== '';
const list = (values) => values.map((v) => q(v)).join(', ');

// ---------------------------------------------------------------------------
// The data file on its own

function checkStrings(value, where, problems) {
  if (!Array.isArray(value) || !value.length || !value.every(isText)) {
    problems.push(`${where} must be a non-empty array of non-empty strings`);
  }
}

/** Leaf steps, depth first, each with its path of names ("Parent > Child"). */
export function leafSteps(steps, parents = []) {
  return (steps || []).flatMap((step) => {
    const path = [ ...parents, step?.name ];
    return Array.isArray(step?.steps) ? leafSteps(step.steps, path) : [ { step, path: path.join(' > ') } ];
  });
}

function checkSteps(steps, parents, problems) {
  if (!Array.isArray(steps) || !steps.length) {
    problems.push(`${parents.length ? `step ${q(parents.join(' > '))}: "steps"` : '"steps"'} must be a non-empty array`);
    return;
  }
  const names = new Set();
  steps.forEach((step, i) => {
    const label = isObject(step) && isText(step.name) ? [ ...parents, step.name ].join(' > ') : `${[ ...parents, `#${i + 1}` ].join(' > ')}`;
    const where = `step ${q(label)}`;
    if (!isObject(step)) {
      problems.push(`${where} must be an object`);
      return;
    }
    for (const key of Object.keys(step)) {
      if (!STEP_KEYS.includes(key)) problems.push(`${where}: unknown key ${q(key)} (allowed: ${list(STEP_KEYS)})`);
    }
    if (!isText(step.name)) problems.push(`${where}: "name" must be a non-empty string`);
    else if (names.has(step.name)) problems.push(`${where}: two sibling steps have this name`);
    else names.add(step.name);
    if ('description' in step && !isText(step.description)) problems.push(`${where}: "description" must be a non-empty string`);

    if ('steps' in step && 'presetId' in step) {
      problems.push(`${where}: has both "steps" and "presetId"; a step is either a category (steps) or a leaf (presetId)`);
    } else if ('steps' in step) {
      if ('keywords' in step) problems.push(`${where}: a category step takes no "keywords" (they belong on its leaf steps)`);
      checkSteps(step.steps, [ ...parents, step.name ], problems);
    } else {
      if (!isText(step.presetId)) problems.push(`${where}: a leaf step needs a "presetId"`);
      if (!isText(step.description)) problems.push(`${where}: a leaf step needs a "description"`);
      checkStrings(step.keywords, `${where}: "keywords"`, problems);
    }
  });
}

/** The data for each template a file serves: its own name and every variant's, merged. */
export function expandVariants(name, extras) {
  const { variants, ...base } = extras;
  const out = [ { name, extras: base } ];
  for (const [ variant, overrides ] of Object.entries(isObject(variants) ? variants : {})) {
    out.push({ name: variant, extras: { ...base, ...(isObject(overrides) ? overrides : {}) } });
  }
  return out;
}

/** Problems of the data file itself, independent of any template. */
export function checkExtrasShape(extras) {
  if (!isObject(extras)) return [ 'must be a JSON object' ];
  const problems = [];
  for (const key of Object.keys(extras)) {
    if (!DATA_KEYS.includes(key)) problems.push(`unknown key ${q(key)} (allowed: ${list(DATA_KEYS)})`);
  }
  if ('variants' in extras) {
    if (!isObject(extras.variants) || !Object.keys(extras.variants).length) {
      problems.push('"variants" must be a non-empty object: template name -> data that replaces this file\'s');
    } else {
      for (const [ name, overrides ] of Object.entries(extras.variants)) {
        if (!isObject(overrides)) {
          problems.push(`variant ${q(name)} must be an object`);
          continue;
        }
        for (const key of Object.keys(overrides)) {
          if (!VARIANT_KEYS.includes(key)) problems.push(`variant ${q(name)}: unknown key ${q(key)} (allowed: ${list(VARIANT_KEYS)})`);
        }
      }
    }
  }
  const { variants, ...base } = extras;
  const baseProblems = ownShapeProblems(base);
  problems.push(...baseProblems);
  for (const [ name, overrides ] of Object.entries(isObject(variants) ? variants : {})) {
    if (!isObject(overrides)) continue;
    // what the variant inherits unchanged was reported for the file already
    const own = ownShapeProblems({ ...base, ...overrides }).filter((p) => !baseProblems.includes(p));
    problems.push(...own.map((p) => `variant ${q(name)}: ${p}`));
  }
  return problems;
}

function ownShapeProblems(extras) {
  const problems = [];
  if ('keywords' in extras) checkStrings(extras.keywords, '"keywords"', problems);
  if ('tooltips' in extras) {
    if (!isObject(extras.tooltips)) problems.push('"tooltips" must be an object: property id -> text');
    else {
      for (const [ id, text ] of Object.entries(extras.tooltips)) {
        if (!isText(text)) problems.push(`tooltip for ${q(id)} must be a non-empty string`);
      }
    }
  }
  if ('placeholders' in extras) {
    if (!isObject(extras.placeholders)) problems.push('"placeholders" must be an object: property id -> text');
    else {
      for (const [ id, text ] of Object.entries(extras.placeholders)) {
        if (!isText(text)) problems.push(`placeholder for ${q(id)} must be a non-empty string`);
      }
    }
  }
  if ('defaults' in extras) {
    if (!isObject(extras.defaults)) problems.push('"defaults" must be an object: property id -> value');
    else {
      for (const [ id, text ] of Object.entries(extras.defaults)) {
        if (!isText(text)) problems.push(`default for ${q(id)} must be a non-empty string`);
      }
    }
  }
  if ('steps' in extras !== 'presets' in extras) {
    problems.push('"steps" and "presets" go together: leaf steps point at presets');
    return problems;
  }
  if (!('steps' in extras)) return problems;

  checkSteps(extras.steps, [], problems);
  if (!isObject(extras.presets) || !Object.keys(extras.presets).length) {
    problems.push('"presets" must be a non-empty object: preset id -> { property id: value }');
    return problems;
  }
  for (const [ id, values ] of Object.entries(extras.presets)) {
    if (!isObject(values)) {
      problems.push(`preset ${q(id)} must be an object: property id -> value`);
      continue;
    }
    for (const [ key, value ] of Object.entries(values)) {
      if (![ 'string', 'boolean', 'number' ].includes(typeof value)) {
        problems.push(`preset ${q(id)}: value of ${q(key)} must be a string, boolean or number`);
      }
    }
  }

  const leaves = leafSteps(extras.steps).filter(({ step }) => isObject(step) && isText(step.presetId));
  const usedBy = new Map();
  for (const { step, path } of leaves) {
    if (!(step.presetId in extras.presets)) {
      problems.push(`step ${q(path)}: presetId ${q(step.presetId)} is not a preset (presets: ${list(Object.keys(extras.presets))})`);
    }
    usedBy.set(step.presetId, [ ...(usedBy.get(step.presetId) || []), path ]);
  }
  for (const id of Object.keys(extras.presets)) {
    const users = usedBy.get(id) || [];
    if (!users.length) problems.push(`preset ${q(id)} is dangling: no leaf step has presetId ${q(id)}`);
    if (users.length > 1) problems.push(`preset ${q(id)} is used by ${users.length} leaf steps (${list(users)}); one preset per leaf`);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Against the template

function declarations(template) {
  const byId = new Map();
  for (const property of template.properties || []) {
    if (property.id === undefined) continue;
    byId.set(property.id, [ ...(byId.get(property.id) || []), property ]);
  }
  return byId;
}

/**
 * A view of the element right after a preset is applied: pinned values win, everything else
 * has its template default; a property counts only while one of its declarations is active.
 */
function stateOf(byId, pinned) {
  const activeMemo = new Map();

  function holds(condition, depth) {
    if (!condition) return true;
    if (Array.isArray(condition.allMatch)) return condition.allMatch.every((c) => holds(c, depth));
    const active = isActive(condition.property, depth + 1);
    const value = active ? valueOf(condition.property, depth + 1) : undefined;
    if ('equals' in condition) return active && value === condition.equals;
    if (Array.isArray(condition.oneOf)) return active && condition.oneOf.includes(value);
    if ('isActive' in condition) return active === condition.isActive;
    if ('isEmpty' in condition) return [ undefined, null, '' ].includes(value) === condition.isEmpty;
    return false;
  }

  function activeDeclarations(id, depth = 0) {
    if (depth > 50) throw new Error(`conditions around ${q(id)} form a cycle`);
    return (byId.get(id) || []).filter((p) => holds(p.condition, depth));
  }

  function isActive(id, depth = 0) {
    if (!activeMemo.has(id)) activeMemo.set(id, activeDeclarations(id, depth).length > 0);
    return activeMemo.get(id);
  }

  function valueOf(id, depth = 0) {
    if (Object.hasOwn(pinned, id)) return pinned[id];
    return activeDeclarations(id, depth)[0]?.value;
  }

  return { isActive, activeDeclarations, holds: (c) => holds(c, 0) };
}

const choicesOf = (declarations) => [ ...new Set(declarations.flatMap((p) => (p.choices || []).map((c) => c.value))) ];
const describeAssignment = (a) => Object.keys(a).length
  ? Object.entries(a).map(([ k, v ]) => `${k} = ${q(v)}`).join(', ')
  : 'the template as it is';
const keyOf = (a) => q(Object.entries(a).sort(([ x ], [ y ]) => (x < y ? -1 : 1)));

/**
 * Every complete, consistent choice of the discriminators (Dropdowns pinned by presets):
 * a discriminator is chosen exactly when one of its declarations is active, and its value is
 * a choice of an active declaration.
 */
function reachableCombinations(byId, discriminators) {
  const combos = [];
  const walk = (i, current) => {
    if (i === discriminators.length) {
      const state = stateOf(byId, current);
      const consistent = discriminators.every((id) => {
        const active = state.activeDeclarations(id);
        return Object.hasOwn(current, id)
          ? choicesOf(active).includes(current[id])
          : active.length === 0;
      });
      if (consistent) combos.push({ ...current });
      return;
    }
    const id = discriminators[i];
    walk(i + 1, current);
    for (const value of choicesOf(byId.get(id))) {
      walk(i + 1, { ...current, [id]: value });
      if (combos.length > 10000) throw new Error('more than 10000 discriminator combinations');
    }
  };
  walk(0, {});
  return combos;
}

/** Problems of a data file against one generated template (parts of the wrong shape are skipped). */
export function checkExtrasAgainst(extras, template) {
  const problems = [];
  const byId = declarations(template);
  const known = (id) => byId.has(id);
  const typesOf = (id) => [ ...new Set(byId.get(id).map((p) => p.type)) ];

  for (const id of Object.keys(isObject(extras.placeholders) ? extras.placeholders : {})) {
    if (!known(id)) {
      problems.push(`placeholder for unknown property id ${q(id)}`);
    } else if (!typesOf(id).every((t) => PLACEHOLDER_TYPES.includes(t))) {
      problems.push(`placeholder for ${q(id)}, a ${typesOf(id).join('/')} property: placeholders show only in String and Text fields`);
    }
  }

  // for what the generator adds with no value (an inbound template's Message ID expression); a
  // value of its own is never replaced, and a second run finds the default already there
  for (const [ id, value ] of Object.entries(isObject(extras.defaults) ? extras.defaults : {})) {
    if (!known(id)) {
      problems.push(`default for unknown property id ${q(id)}`);
    } else if (!typesOf(id).every((t) => PLACEHOLDER_TYPES.includes(t))) {
      problems.push(`default for ${q(id)}, a ${typesOf(id).join('/')} property: defaults only for String and Text fields`);
    } else if (byId.get(id).some((p) => p.value !== undefined && p.value !== value)) {
      problems.push(`default for ${q(id)}: the generator already gives it a value`);
    }
  }

  for (const id of Object.keys(isObject(extras.tooltips) ? extras.tooltips : {})) {
    if (!known(id)) {
      problems.push(`tooltip for unknown property id ${q(id)}`);
    } else if (byId.get(id).every((p) => p.type === 'Hidden')) {
      problems.push(`tooltip for ${q(id)}, a Hidden property: nobody sees it`);
    } else if (byId.get(id).some((p) => p.tooltip !== undefined && p.tooltip !== extras.tooltips[id])) {
      problems.push(`tooltip for ${q(id)}, which has a tooltip from its annotation already: keep one of them`);
    }
  }

  const presets = Object.fromEntries(Object.entries(isObject(extras.presets) ? extras.presets : {}).filter(([ , v ]) => isObject(v)));
  const beforePresets = problems.length;
  for (const [ presetId, values ] of Object.entries(presets)) {
    const where = `preset ${q(presetId)}`;
    const state = stateOf(byId, values);
    for (const [ id, value ] of Object.entries(values)) {
      if (!known(id)) {
        problems.push(`${where}: unknown property id ${q(id)}`);
        continue;
      }
      const decls = byId.get(id);
      if (decls.some((p) => p.type === 'Hidden')) {
        problems.push(`${where}: ${q(id)} is Hidden; Modeler resets Hidden values, a preset cannot set them`);
      }
      const groups = [ ...new Set(decls.map((p) => p.group)) ];
      if (groups.some((g) => g !== OPERATION_GROUP)) {
        problems.push(`${where}: ${q(id)} is in group ${list(groups)}; preset keys must be properties of the ${q(OPERATION_GROUP)} group`);
      }
      const dropdowns = decls.filter((p) => p.type === 'Dropdown');
      if (dropdowns.length && !choicesOf(dropdowns).includes(value)) {
        problems.push(`${where}: ${q(value)} is not a choice of Dropdown ${q(id)} (choices: ${list(choicesOf(dropdowns))})`);
      } else if (!state.isActive(id)) {
        problems.push(`${where}: ${q(id)} is not active with this preset's values (its condition does not hold), so the value would be dropped`);
      }
    }
  }

  // Coverage is only meaningful once every preset key is sound.
  if (problems.length === beforePresets && Object.keys(presets).length) {
    const discriminators = [ ...new Set(Object.values(presets).flatMap((v) => Object.keys(v))) ]
      .filter((id) => byId.get(id).every((p) => p.type === 'Dropdown'));
    const reachable = reachableCombinations(byId, discriminators);
    const reachableKeys = new Set(reachable.map(keyOf));
    const presetsByCombo = new Map();
    for (const [ presetId, values ] of Object.entries(presets)) {
      const combo = Object.fromEntries(Object.entries(values).filter(([ id ]) => discriminators.includes(id)));
      if (!reachableKeys.has(keyOf(combo))) {
        problems.push(`preset ${q(presetId)} selects ${describeAssignment(combo)}, which is not a complete choice ` +
          `(every active one of ${list(discriminators)} must be set, and only those)`);
        continue;
      }
      presetsByCombo.set(keyOf(combo), [ ...(presetsByCombo.get(keyOf(combo)) || []), presetId ]);
    }
    for (const combo of reachable) {
      const ids = presetsByCombo.get(keyOf(combo)) || [];
      if (!ids.length) problems.push(`no preset selects ${describeAssignment(combo)}: add a preset and a leaf step for it`);
      if (ids.length > 1) problems.push(`presets ${list(ids)} all select ${describeAssignment(combo)}; one preset per choice`);
    }
  }

  const groupIds = (template.groups || []).map((g) => g.id);
  if (Object.values(presets).some((v) => Object.keys(v).length) && !groupIds.includes(OPERATION_GROUP)) {
    problems.push(`the template has no ${q(OPERATION_GROUP)} group for the presets' properties`);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Writing

/** A copy of `obj` with `key` set to `value`: in place if present, else after/before a neighbour. */
function withKey(obj, key, value, { after, before } = {}) {
  if (Object.hasOwn(obj, key)) return { ...obj, [key]: value };
  const entries = Object.entries(obj);
  let at = entries.length;
  const afterIndex = (after || []).map((k) => entries.findIndex(([ e ]) => e === k)).find((i) => i >= 0);
  const beforeIndex = (before || []).map((k) => entries.findIndex(([ e ]) => e === k)).find((i) => i >= 0);
  if (afterIndex !== undefined) at = afterIndex + 1;
  else if (beforeIndex !== undefined) at = beforeIndex;
  entries.splice(at, 0, [ key, value ]);
  return Object.fromEntries(entries);
}

function normalizeStep(step) {
  const out = { name: step.name };
  if (step.description !== undefined) out.description = step.description;
  if (step.keywords !== undefined) out.keywords = step.keywords;
  if (step.steps !== undefined) out.steps = step.steps.map(normalizeStep);
  else out.presetId = step.presetId;
  return out;
}

/**
 * The template with the extras merged in (idempotent), plus notes on anything moved.
 * `keywords` follows `description`, `steps`/`presets` follow `properties`, `placeholder`
 * precedes a property's `type`; presets are written in the order of their leaf steps.
 */
export function applyExtras(template, extras) {
  const notes = [];
  let out = { ...template };

  if (extras.keywords) {
    out = withKey(out, 'keywords', [ ...extras.keywords ], { after: [ 'description', 'name', 'id' ] });
  }

  const tooltips = extras.tooltips || {};
  out.properties = out.properties.map((p) => Object.hasOwn(tooltips, p.id) && p.type !== 'Hidden'
    ? withKey(p, 'tooltip', tooltips[p.id], { before: [ 'placeholder', 'type' ] })
    : p);

  const placeholders = extras.placeholders || {};
  out.properties = out.properties.map((p) => Object.hasOwn(placeholders, p.id)
    ? withKey(p, 'placeholder', placeholders[p.id], { before: [ 'type' ] })
    : p);

  const defaults = extras.defaults || {};
  out.properties = out.properties.map((p) => Object.hasOwn(defaults, p.id)
    ? withKey(p, 'value', defaults[p.id], { before: [ 'group', 'binding', 'type' ] })
    : p);

  if (extras.steps) {
    const order = leafSteps(extras.steps).map(({ step }) => step.presetId);
    const presets = order.map((id) => ({ id, properties: { ...extras.presets[id] } }));
    out = withKey(out, 'steps', extras.steps.map(normalizeStep), { after: [ 'properties' ] });
    out = withKey(out, 'presets', presets, { after: [ 'steps' ] });

    // The operation group first (after the hybrid task definition type): the panel opens on
    // what a step has just chosen.
    const pinsSomething = presets.some((p) => Object.keys(p.properties).length);
    const groups = out.groups || [];
    const at = groups.findIndex((g) => g.id === OPERATION_GROUP);
    const first = groups[0]?.id === HYBRID_GROUP ? 1 : 0;
    if (pinsSomething && at > first) {
      const reordered = [ ...groups ];
      const [ operation ] = reordered.splice(at, 1);
      reordered.splice(first, 0, operation);
      out.groups = reordered;
      notes.push(`moved group ${q(OPERATION_GROUP)} from position ${at + 1} to ${first + 1} ` +
        '(declare it first in @ElementTemplate(propertyGroups) to make this a no-op)');
    }
  }
  return { template: out, notes };
}

/**
 * Hover help for what the generator adds to every template (its descriptions become tooltips:
 * a description stays only for a warning). Applied to current templates, never to versioned/.
 */
export const GENERATOR_HINTS = {
  properties: {
    resultVariable: {
      tooltip: 'Stores the whole result in this process variable. Use Result expression to keep only parts of it.'
    },
    resultExpression: {
      tooltip: 'A FEEL expression that maps the result, available as response, to process variables, ' +
        'e.g. {recordSysId: response.sysId}.'
    },
    errorExpression: {
      tooltip: 'A FEEL expression that turns a failure into a BPMN error for an error boundary event, ' +
        'e.g. if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null. See the ' +
        '<a href="https://docs.camunda.io/docs/components/connectors/use-connectors/" target="_blank">documentation</a>.'
    },
    retryCount: {
      tooltip: 'How many times Zeebe runs the job again after a failure before it raises an incident.'
    },
    retryBackoff: {
      tooltip: 'How long Zeebe waits before each retry, as an ISO 8601 duration, e.g. PT30S or PT2M.',
      description: 'PT0S retries at once and hits a rate-limited or failing instance again immediately'
    },
    correlationRequired: {
      tooltip: 'Correlation not required for a plain message start event; an event subprocess\'s ' +
        'message start event needs Correlation required, with the keys below.'
    },
    taskDefinitionType: {
      tooltip: 'The job type of this task. Set your own (e.g. servicenow-onprem) and let only your ' +
        'connectors runtime work on it.'
    },
    // the generator's inbound properties (message events the runtime correlates)
    activationCondition: {
      tooltip: 'A FEEL condition over the received record; records that do not match are skipped, ' +
        'e.g. =priority = "1". Empty: every record.'
    },
    correlationRequired: {
      tooltip: 'Required for a message start event inside an event subprocess, or to allow only one ' +
        'active instance per correlation key (e.g. per sys_id).'
    },
    correlationKeyProcess: {
      tooltip: 'The value, from the process variables, that the message must carry to reach this ' +
        'instance, e.g. =changeRequest.sys_id.'
    },
    correlationKeyPayload: {
      tooltip: 'The same value taken from the received record, e.g. =sys_id.'
    },
    messageIdExpression: {
      tooltip: 'Leave empty to keep the connector\'s own message ID, which lets the engine drop ' +
        'duplicates from other runtime replicas. An expression here must be just as deterministic.'
    },
    messageTtl: {
      tooltip: 'How long the engine keeps the message and rejects a second one with the same ID, as ' +
        'an ISO 8601 duration, e.g. PT1H (the runtime default when empty).'
    }
  },
  groups: {
    output: 'Where the result goes',
    activation: 'Which incoming events are correlated; the others are dropped',
    error: 'Turning a failure into a BPMN error',
    retries: 'How often and how soon a failed job runs again',
    taskDefinitionType: 'The job type, for a connectors runtime of your own',
    activation: 'Which received records are passed on to the process'
  }
};

/** The template with GENERATOR_HINTS filled in where a property or group has no tooltip yet. */
export function withGeneratorHints(template) {
  let changed = false;
  const properties = (template.properties || []).map((p) => {
    const hint = GENERATOR_HINTS.properties[p.id];
    if (!hint || p.tooltip !== undefined || p.type === 'Hidden') return p;
    changed = true;
    const { description, ...rest } = p;
    let out = withKey(rest, 'tooltip', hint.tooltip, { before: [ 'placeholder', 'type' ] });
    if (hint.description) out = withKey(out, 'description', hint.description, { after: [ 'label' ] });
    return out;
  });
  const groups = (template.groups || []).map((g) => {
    const tooltip = GENERATOR_HINTS.groups[g.id];
    if (!tooltip || g.tooltip !== undefined) return g;
    changed = true;
    return { ...g, tooltip };
  });
  return changed ? { ...template, properties, groups } : template;
}

/**
 * The generator's inbound Message TTL is optional with the pattern ^(PT.*|)$; newer properties
 * panels test an empty field as "undefined" and show it red. The same pattern, also accepting that.
 */
export const MESSAGE_TTL_PATTERN = '^(PT.*|undefined|)$';

export function withEmptyMessageTtl(template) {
  let changed = false;
  const properties = (template.properties || []).map((p) => {
    const pattern = p.constraints?.pattern;
    if (p.id === 'messageTtl' && pattern?.value === '^(PT.*|)$') {
      changed = true;
      return { ...p, constraints: { ...p.constraints, pattern: { ...pattern, value: MESSAGE_TTL_PATTERN } } };
    }
    return p;
  });
  return changed ? { ...template, properties } : template;
}

/** The generator writes retryBackoff PT0S: Zeebe would retry a failed job at once, in a tight loop. */
export const RETRY_BACKOFF = 'PT30S';

export function withRetryBackoff(template) {
  let changed = false;
  const properties = (template.properties || []).map((p) => {
    if (p.id === 'retryBackoff' && p.value === 'PT0S') {
      changed = true;
      return { ...p, value: RETRY_BACKOFF };
    }
    return p;
  });
  return changed ? { ...template, properties } : template;
}
