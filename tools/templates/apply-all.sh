#!/usr/bin/env bash
# Applies every recipe in a directory, writes <recipe-name>.bpmn into the output directory and
# lints what it wrote as Modeler does (lint.mjs); a lint error fails.
#
#   ./apply-all.sh <recipes-dir> <output-dir>
#
# The end-to-end tests deploy what this writes, so what they run is what Modeler would produce.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/with-node.sh"
recipes="$(realpath "$1")"
out="$(realpath -m "$2")"
mkdir -p "$out"
[[ -f "$here/dist/apply.mjs" ]] || (cd "$here" && npm run --silent build)
shopt -s nullglob
files=("$recipes"/*.json)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "ERROR: no recipes in $recipes" >&2
  exit 1
fi
written=()
for recipe in "${files[@]}"; do
  name="$(basename "$recipe" .json)"
  node "$here/dist/apply.mjs" "$recipe" -o "$out/$name.bpmn"
  echo "applied $name -> $out/$name.bpmn"
  written+=("$out/$name.bpmn")
done
node "$here/lint.mjs" "${written[@]}"

