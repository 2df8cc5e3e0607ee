// Bundle apply.mjs and upgrade.mjs into dist/apply.mjs and dist/upgrade.mjs.
//
// Why a bundle: bpmn-js and diagram-js ship ESM with extension-less imports that
// Node's resolver rejects; esbuild resolves them like the browser bundlers do.
// jsdom stays external (it is CommonJS with native-ish deps and runs fine in Node).
//
// Why a plugin: bpmn-js-element-templates evaluates template conditions and writes
// property values with internal functions (`applyConditions`, `getPropertyValue`,
// `setPropertyValue` - the very ones the properties panel calls) but only exports
// the modules. We re-export those functions from its core bundle so apply.mjs
// behaves exactly like Modeler instead of re-implementing bindings. Versions are
// pinned in package-lock.json; if a name disappears on upgrade, the build fails.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const INTERNALS = [ 'applyConditions', 'getPropertyValue', 'setPropertyValue' ];

const exposeElementTemplatesInternals = {
  name: 'expose-element-templates-internals',
  setup(build) {
    build.onLoad({ filter: /bpmn-js-element-templates[\\/]dist[\\/]core\.esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: `${source}\nexport { ${INTERNALS.join(', ')} };\n`, loader: 'js' };
    });
  }
};

await esbuild.build({
  entryPoints: [ 'apply.mjs', 'upgrade.mjs' ],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: [ 'jsdom' ],
  plugins: [ exposeElementTemplatesInternals ],
  logLevel: 'warning'
});
