#!/usr/bin/env bash
# Reproducibility check: builds the same sources a second time, in a fresh copy of the work tree
# (another directory, an empty target/), and compares every archive byte for byte with the build
# already in target/.
#
#   tools/release/reproducible.sh          (after ./mvnw -B -ntp verify or package)
#
# The copy holds what git would commit: tracked files plus untracked files that are not ignored,
# as they are in the work tree now. The second build is `package` without tests; tests do not
# change what is packaged. Needs JAVA_HOME set as for the first build.
set -euo pipefail
# shellcheck source=tools/release/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$release_root"

version="$(built_version)"
mapfile -t files < <(reproducible_files "$version")
for f in "${files[@]}"; do
  [[ -f "target/$f" ]] || die "target/$f is missing: the first build did not produce it"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/servicenow-connectors-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== copying the sources to $work/src"
mkdir "$work/src"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf - | tar -xf - -C "$work/src"

echo "== second build: package $version without tests"
start=$SECONDS
(cd "$work/src" && ./mvnw -B -ntp -q package -DskipTests -Dmaven.test.skip=true) \
  > "$work/build.log" 2>&1 || { tail -50 "$work/build.log"; die "the second build failed"; }
echo "   took $((SECONDS - start)) s"

echo "== comparing"
"${JAVA_HOME:-/usr}/bin/java" "$release_tools/CompareArtifacts.java" \
  target "$work/src/target" "${files[@]}"
echo "reproducible: ${#files[@]} archives byte-identical across two builds"
