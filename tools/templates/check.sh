#!/usr/bin/env bash
# Element-template checks for CI and local use.
#
#   ./check.sh [templates-dir]     (default: ../../element-templates, the repo root's)
#
# 1. npm ci when node_modules is missing or package-lock.json changed since the last install
# 2. build dist/apply.mjs   3. node --test   4. lint the repository's examples/ (and examples/source/)
#    and the end-to-end diagrams committed as such (src/test/resources/e2e/source, e2e/v1)
# 5. validate the templates directory
# 6. render every template, preset and authentication in the properties panel (headless
#    Chromium, panel/check.mjs): no error text while the optional fields are empty
#
# A default directory that does not exist yet is skipped with a notice (the Maven
# generator may not be wired); a directory given explicitly must exist. Either way a
# directory without any *.json template fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -gt 0 ]]; then
  templates="$(realpath -m "$1")"
  explicit=1
else
  templates="$(cd "$here/../.." && pwd)/element-templates"
  explicit=0
fi
cd "$here"
./with-node.sh

# npm ci in a directory when its node_modules is missing or its package-lock.json changed since the last install
npm_ci() {
  local stamp="$1/node_modules/.package-lock.sha256" lock_hash
  lock_hash="$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)"
  if [[ ! -d "$1/node_modules" ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]]; then
    echo "== npm ci ($1)"
    (cd "$1" && npm ci --no-audit --no-fund)
    echo "$lock_hash" > "$stamp"
  fi
}
npm_ci .
npm_ci panel

echo "== build dist/apply.mjs"
npm run --silent build

echo "== node --test"
node --test

repo="$(cd "$here/../.." && pwd)"
lint_dirs=()
for dir in examples examples/source src/test/resources/e2e/source src/test/resources/e2e/v1; do
  [[ -d "$repo/$dir" ]] && lint_dirs+=("$repo/$dir")
done
if [[ ${#lint_dirs[@]} -gt 0 ]]; then
  echo "== lint ${lint_dirs[*]}"
  node lint.mjs "${lint_dirs[@]}"
fi

echo "== validate $templates"
if [[ ! -d "$templates" ]]; then
  if [[ $explicit -eq 1 ]]; then
    echo "ERROR: templates directory $templates does not exist" >&2
    exit 1
  fi
  echo "NOTE: no element-templates directory at $templates yet; skipping template validation"
  exit 0
fi
if [[ -z "$(find "$templates" -name '*.json' -print -quit)" ]]; then
  echo "ERROR: no element templates (*.json) in $templates - did the Maven generator run?" >&2
  exit 1
fi
node validate.mjs "$templates"

echo "== properties panel: no error text with optional fields left empty"
node panel/check.mjs "$templates"
