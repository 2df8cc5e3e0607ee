#!/usr/bin/env bash
# The one command that rewrites tracked files generated from the connectors' input records:
#   1. element-templates/   what the build generates and post-processes into target/element-templates
#   2. docs/templates.md    the generated field and step references (docs.mjs)
#   3. examples/*.bpmn      examples/recipes applied with the new templates (apply-all.sh)
# The build itself never writes them; its drift checks (TemplatesUpToDateTest, docs.test.mjs,
# ExamplesUpToDateTest) name this script. Needs Node.js 20.19+ and a JDK 21+ (mvnw finds one).
#
#   tools/templates/refresh.sh      then review `git diff` and commit
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
"$here/with-node.sh"

echo "== generate and post-process into target/element-templates"
./mvnw -B -ntp -q process-classes -Dtemplates.generatePhase=process-classes
generated="$repo/target/element-templates"
[[ -n "$(find "$generated" -name '*.json' -print -quit 2> /dev/null)" ]] \
  || { echo "ERROR: the build wrote no templates to $generated" >&2; exit 1; }

echo "== element-templates/"
find element-templates -name '*.json' -delete
cp -R "$generated/." element-templates/

(cd "$here" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --silent; } && npm run --silent build)
echo "== docs/templates.md"
node "$here/docs.mjs" element-templates docs/templates.md
echo "== examples/"
bash "$here/apply-all.sh" examples/recipes examples

git status --short -- element-templates docs/templates.md examples
