#!/usr/bin/env bash
# Upgrades every diagram in a directory to the newest template versions, the way Modeler's
# "Update" does (dist/upgrade.mjs --strict: a user value the upgrade would drop fails), writes
# <name>.bpmn into the output directory and lints what it wrote as Modeler does (lint.mjs).
#
#   ./upgrade-all.sh <bpmn-dir> <templates-dir> <output-dir>
#
# Every diagram must have something to upgrade: the directory holds diagrams made with older
# template versions (src/test/resources/e2e/v1), and the end-to-end tests run what this writes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/with-node.sh"
diagrams="$(realpath "$1")"
templates="$(realpath "$2")"
out="$(realpath -m "$3")"
mkdir -p "$out"
[[ -f "$here/dist/upgrade.mjs" ]] || (cd "$here" && npm run --silent build)
shopt -s nullglob
files=("$diagrams"/*.bpmn)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "ERROR: no diagrams in $diagrams" >&2
  exit 1
fi
written=()
for diagram in "${files[@]}"; do
  name="$(basename "$diagram")"
  report="$(node "$here/dist/upgrade.mjs" "$diagram" -t "$templates" --strict -o "$out/$name" 2>&1)" || {
    echo "$report" >&2
    exit 1
  }
  echo "$report"
  if ! grep -q '^upgraded ' <<<"$report"; then
    echo "ERROR: $name: nothing to upgrade; $diagrams holds diagrams of older template versions" >&2
    exit 1
  fi
  written+=("$out/$name")
done
node "$here/lint.mjs" "${written[@]}"
