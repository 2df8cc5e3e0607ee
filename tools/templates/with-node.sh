#!/usr/bin/env bash
# Runs node with the given arguments after checking that a Node.js the tooling supports is on PATH
# (package.json "engines"), so a missing Node is one sentence instead of an exec stack trace.
#
#   with-node.sh                 only the check
#   with-node.sh script.mjs ...  the check, then node script.mjs ...
set -euo pipefail
if ! command -v node > /dev/null 2>&1; then
  echo "ERROR: the element-template steps need Node.js 20.19 or newer on PATH and there is none: install it, or build without them (./mvnw -q -Pdemo or ./mvnw -B -ntp -DskipTests package need no Node)." >&2
  exit 1
fi
version="$(node -p 'process.versions.node')"
IFS=. read -r major minor _ <<< "$version"
if (( major < 20 || (major == 20 && minor < 19) )); then
  echo "ERROR: the element-template checks need Node.js 20.19 or newer; node on PATH is $version" >&2
  exit 1
fi
[[ $# -eq 0 ]] || exec node "$@"
