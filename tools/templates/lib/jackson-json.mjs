// JSON text in the layout the element-template generator writes (Jackson's default pretty
// printer), so that a post-processed template differs from the generator's file only where
// it was changed:
//
//   {                         objects: one member per line, `"key" : value`, two-space indent
//     "a" : [ "x", "y" ],     arrays: on one line, `[ a, b ]`; `[ ]` and `{ }` when empty
//     "b" : [ {               objects in arrays open on the array's line; only objects indent
//       "c" : 1
//     } ]
//   }                         no newline at the end of the file
//
// Strings are escaped as Jackson does: `"` and `\`, \b \t \n \f \r, other control characters
// as \u00XX (upper-case hex); everything else, `/` and non-ASCII included, is written as is.

const SHORT_ESCAPES = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function quote(s) {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\\u0000-\u001f]/g, (c) =>
    SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)}"`;
}

function write(value, level) {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON`);
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.length ? `[ ${value.map((v) => write(v, level)).join(', ')} ]` : '[ ]';
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (!keys.length) return '{ }';
  const inner = '  '.repeat(level + 1);
  const members = keys.map((k) => `${inner}${quote(k)} : ${write(value[k], level + 1)}`);
  return `{\n${members.join(',\n')}\n${'  '.repeat(level)}}`;
}

/** The generator's text for a parsed template (or any JSON value). */
export function stringifyLikeGenerator(value) {
  return write(value, 0);
}
