// Browser globals for running bpmn-js headlessly in Node.
//
// Must be imported before any bpmn-js / diagram-js module: ESM evaluates imports in
// order, and esbuild keeps that order in the bundle.
//
// jsdom has no layout engine and only a partial SVG DOM. bpmn-js needs a few SVG
// geometry APIs to render shapes; since we only care about the resulting XML, these
// stubs return plausible values (identity matrices, empty boxes) rather than real
// geometry.

import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });

// Expose the browser API as globals without overriding what Node already provides.
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis) continue;
  try {
    globalThis[key] = window[key];
  } catch {
    // some window properties are read-only accessors; not needed
  }
}
globalThis.window = window;
globalThis.document = window.document;
if (!('navigator' in globalThis)) globalThis.navigator = window.navigator;

// diagram-js escapes ids for querySelector via CSS.escape, which jsdom lacks.
window.CSS ??= {};
window.CSS.escape ??= (value) => String(value).replace(/[^a-zA-Z0-9_\u00A0-\uFFFF-]/g, (c) => `\\${c}`);
globalThis.CSS = window.CSS;

// diagram-js measures label text on a 2D canvas and falls back when there is none;
// jsdom returns null too but logs "Not implemented" for every label.
window.HTMLCanvasElement.prototype.getContext = () => null;

/** 2D affine matrix [a c e; b d f; 0 0 1], enough of SVGMatrix for diagram-js. */
class SVGMatrix {
  constructor(a = 1, b = 0, c = 0, d = 1, e = 0, f = 0) {
    Object.assign(this, { a, b, c, d, e, f });
  }

  multiply(m) {
    return new SVGMatrix(
      this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f);
  }

  inverse() {
    const det = this.a * this.d - this.b * this.c || 1;
    return new SVGMatrix(
      this.d / det, -this.b / det, -this.c / det, this.a / det,
      (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }

  translate(x = 0, y = 0) { return this.multiply(new SVGMatrix(1, 0, 0, 1, x, y)); }

  scale(s = 1) { return this.multiply(new SVGMatrix(s, 0, 0, s, 0, 0)); }

  scaleNonUniform(sx = 1, sy = 1) { return this.multiply(new SVGMatrix(sx, 0, 0, sy, 0, 0)); }

  rotate(deg = 0) {
    const r = deg * Math.PI / 180, cos = Math.cos(r), sin = Math.sin(r);
    return this.multiply(new SVGMatrix(cos, sin, -sin, cos, 0, 0));
  }
}

function createTransform(matrix = new SVGMatrix()) {
  return {
    type: 1, angle: 0, matrix,
    setMatrix(m) { this.matrix = new SVGMatrix(m.a, m.b, m.c, m.d, m.e, m.f); },
    setTranslate(x, y) { this.matrix = new SVGMatrix(1, 0, 0, 1, x, y); },
    setScale(sx, sy) { this.matrix = new SVGMatrix(sx, 0, 0, sy, 0, 0); },
    setRotate(angle, cx = 0, cy = 0) {
      this.angle = angle;
      this.matrix = new SVGMatrix().translate(cx, cy).rotate(angle).translate(-cx, -cy);
    }
  };
}

/** SVGTransformList as used by tiny-svg's transform(): clear/append/consolidate. */
function createTransformList() {
  const items = [];
  return {
    get numberOfItems() { return items.length; },
    clear() { items.length = 0; },
    initialize(t) { items.length = 0; items.push(t); return t; },
    appendItem(t) { items.push(t); return t; },
    getItem(i) { return items[i]; },
    createSVGTransformFromMatrix: (m) => createTransform(m),
    consolidate() {
      if (!items.length) return null;
      const matrix = items.reduce((acc, t) => acc.multiply(t.matrix), new SVGMatrix());
      items.splice(0, items.length, createTransform(matrix));
      return items[0];
    }
  };
}

globalThis.SVGMatrix = window.SVGMatrix = SVGMatrix;

const transformLists = new WeakMap();
const proto = window.SVGElement.prototype;

Object.defineProperty(proto, 'transform', {
  configurable: true,
  get() {
    if (!transformLists.has(this)) transformLists.set(this, { baseVal: createTransformList() });
    return transformLists.get(this);
  }
});

Object.assign(proto, {
  getBBox() { return { x: 0, y: 0, width: 0, height: 0 }; },
  getScreenCTM() { return new SVGMatrix(); },
  getCTM() { return new SVGMatrix(); },
  createSVGMatrix() { return new SVGMatrix(); },
  createSVGTransform() { return createTransform(); },
  createSVGTransformFromMatrix(m) { return createTransform(new SVGMatrix(m.a, m.b, m.c, m.d, m.e, m.f)); },
  createSVGPoint() {
    return {
      x: 0, y: 0,
      matrixTransform(m) {
        return { x: m.a * this.x + m.c * this.y + m.e, y: m.b * this.x + m.d * this.y + m.f };
      }
    };
  }
});

export { window };
