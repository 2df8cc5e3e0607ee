#!/usr/bin/env bash
# Tests of the release scripts (changelog.sh, dist.sh, CompareArtifacts.java) on files they make
# themselves in a temporary directory; no build needed. Prints "release tooling: N passed, M failed".
#
#   tools/release/test/run.sh
set -uo pipefail
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA_HOME:-/usr}/bin/java"
work="$(mktemp -d "${TMPDIR:-/tmp}/release-tooling-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; [[ -n "${2:-}" ]] && sed 's/^/     | /' <<< "$2"; }

# expect <name> <expected-exit> <text-the-output-must-contain> -- command...
expect() {
  local name="$1" code="$2" needle="$3"
  shift 4
  local out rc
  out="$("$@" 2>&1)"
  rc=$?
  if [[ $rc -ne $code ]]; then
    not_ok "$name (exit $rc, expected $code)" "$out"
  elif [[ -n "$needle" && "$out" != *"$needle"* ]]; then
    not_ok "$name (output lacks: $needle)" "$out"
  else
    ok "$name"
  fi
}

# ---------------------------------------------------------------- changelog.sh
cat > "$work/CHANGELOG.md" <<'EOF'
# Changelog

## [Unreleased]

### Fixed

- Something in progress.

## [1.1.0] - 2026-12-24

### Added

- A feature.

## [1.0.1]

- Forgot the date.

## [1.0.0] - 2026-12-01

## [0.9.0] - 2026-11-01

- Old.

[Unreleased]: https://example.invalid/compare/v1.1.0...HEAD
[1.1.0]: https://example.invalid/compare/v1.0.0...v1.1.0
EOF

out="$(bash "$tools/changelog.sh" Unreleased "$work/CHANGELOG.md" 2>&1)"
if [[ "$out" == $'### Fixed\n\n- Something in progress.' ]]; then ok "changelog: Unreleased body, trimmed"; else not_ok "changelog: Unreleased body, trimmed" "$out"; fi
out="$(bash "$tools/changelog.sh" 1.1.0 "$work/CHANGELOG.md" 2>&1)"
if [[ "$out" == $'### Added\n\n- A feature.' ]]; then ok "changelog: a dated version"; else not_ok "changelog: a dated version" "$out"; fi
out="$(bash "$tools/changelog.sh" 0.9.0 "$work/CHANGELOG.md" 2>&1)"
if [[ "$out" == "- Old." ]]; then ok "changelog: last section stops at the link references"; else not_ok "changelog: last section stops at the link references" "$out"; fi
expect "changelog: an undated release is refused" 1 "needs its release date" -- bash "$tools/changelog.sh" 1.0.1 "$work/CHANGELOG.md"
expect "changelog: an empty section is refused" 1 "is empty" -- bash "$tools/changelog.sh" 1.0.0 "$work/CHANGELOG.md"
expect "changelog: a missing version is refused" 1 'no section "## [2.0.0]"' -- bash "$tools/changelog.sh" 2.0.0 "$work/CHANGELOG.md"
printf '## [3.0.0] - 2027-01-01\n- a\n## [3.0.0] - 2027-01-02\n- b\n' > "$work/twice.md"
expect "changelog: a version listed twice is refused" 1 "more than one section" -- bash "$tools/changelog.sh" 3.0.0 "$work/twice.md"
expect "changelog: the project's own CHANGELOG.md has an Unreleased section" 0 "" -- bash "$tools/changelog.sh" Unreleased

# ---------------------------------------------------------------- dist.sh
# a fake build: what the Maven build leaves in target/, for version $1
fake_build() {
  local root="$1" version="$2"
  rm -rf "$root" && mkdir -p "$root/target/maven-archiver"
  cp "$work/CHANGELOG.md" "$root/CHANGELOG.md"
  printf 'artifactId=servicenow-connectors\ngroupId=io.github.sncamunda\nversion=%s\n' "$version" \
    > "$root/target/maven-archiver/pom.properties"
  echo "a jar" > "$root/target/servicenow-connectors-$version-with-dependencies.jar"
  mkdir -p "$root/zip" && echo '{"version": 1}' > "$root/zip/x-connector-1.json"
  (cd "$root/zip" && "${JAVA_HOME:-/usr}/bin/jar" --create --no-manifest \
    --file "$root/target/servicenow-connectors-$version-element-templates.zip" x-connector-1.json)
  cat > "$root/target/servicenow-connectors-$version-sbom.cdx.json" <<'JSON'
{"bomFormat": "CycloneDX", "specVersion": "1.6",
 "components": [{"group": "org.example", "name": "lib", "version": "2.0",
                 "licenses": [{"license": {"id": "Apache-2.0"}}]}]}
JSON
}

fake_build "$work/snapshot" 1.2.0-SNAPSHOT
expect "dist: a snapshot build gives a dry run with the Unreleased notes" 0 "from CHANGELOG.md [Unreleased]" \
  -- env RELEASE_ROOT="$work/snapshot" bash "$tools/dist.sh"
if (cd "$work/snapshot/target/dist" && sha256sum --quiet -c SHA256SUMS) \
  && [[ "$(wc -l < "$work/snapshot/target/dist/SHA256SUMS")" -eq 3 ]] \
  && [[ "$(ls "$work/snapshot/target/dist" | wc -l)" -eq 4 ]]; then
  ok "dist: target/dist holds the three files and a SHA256SUMS that verifies them"
else
  not_ok "dist: target/dist holds the three files and a SHA256SUMS that verifies them" "$(ls -la "$work/snapshot/target/dist"; cat "$work/snapshot/target/dist/SHA256SUMS")"
fi
if grep -q "Something in progress" "$work/snapshot/target/release-notes.md" \
  && grep -q "servicenow-connectors-1.2.0-SNAPSHOT-with-dependencies.jar" "$work/snapshot/target/release-notes.md"; then
  ok "dist: the notes hold the changelog section and the file list"
else
  not_ok "dist: the notes hold the changelog section and the file list" "$(cat "$work/snapshot/target/release-notes.md")"
fi
expect "dist: a tag on a snapshot build is refused" 1 "on a -SNAPSHOT build" \
  -- env RELEASE_ROOT="$work/snapshot" bash "$tools/dist.sh" --tag v1.2.0

fake_build "$work/release" 1.1.0
expect "dist: a tag naming the built version releases its changelog section" 0 "(tag v1.1.0)" \
  -- env RELEASE_ROOT="$work/release" bash "$tools/dist.sh" --tag v1.1.0
if grep -q "A feature." "$work/release/target/release-notes.md" && ! grep -q "Something in progress" "$work/release/target/release-notes.md"; then
  ok "dist: release notes are that version's section only"
else
  not_ok "dist: release notes are that version's section only" "$(cat "$work/release/target/release-notes.md")"
fi
expect "dist: a tag for another version is refused" 1 "does not match the built version 1.1.0" \
  -- env RELEASE_ROOT="$work/release" bash "$tools/dist.sh" --tag v1.1.1
expect "dist: a tag that is not v<semver> is refused" 1 "is not v<major>.<minor>.<patch>" \
  -- env RELEASE_ROOT="$work/release" bash "$tools/dist.sh" --tag release-1.1.0
fake_build "$work/undated" 1.0.1
expect "dist: a release whose changelog section has no date is refused" 1 "needs its release date" \
  -- env RELEASE_ROOT="$work/undated" bash "$tools/dist.sh" --tag v1.0.1
fake_build "$work/missing" 1.3.0
rm "$work/missing/target/servicenow-connectors-1.3.0-sbom.cdx.json"
printf '## [1.3.0] - 2027-02-01\n- x\n' > "$work/missing/CHANGELOG.md"
expect "dist: a missing release file fails" 1 "sbom.cdx.json is missing" \
  -- env RELEASE_ROOT="$work/missing" bash "$tools/dist.sh" --tag v1.3.0
fake_build "$work/listing" 1.4.0-SNAPSHOT
expect "dist: lists the zip's templates and the SBOM's components with licences" 0 "org.example:lib 2.0 (Apache-2.0)" \
  -- env RELEASE_ROOT="$work/listing" bash "$tools/dist.sh"
echo "not a zip" > "$work/listing/target/servicenow-connectors-1.4.0-SNAPSHOT-element-templates.zip"
expect "dist: a templates file that is not a zip fails" 1 "is not a readable zip" \
  -- env RELEASE_ROOT="$work/listing" bash "$tools/dist.sh"
fake_build "$work/listing" 1.4.0-SNAPSHOT
echo '{"bomFormat": "CycloneDX", "components": []}' > "$work/listing/target/servicenow-connectors-1.4.0-SNAPSHOT-sbom.cdx.json"
expect "dist: an SBOM without components fails" 1 "lists no components" \
  -- env RELEASE_ROOT="$work/listing" bash "$tools/dist.sh"
mkdir -p "$work/nothing"
expect "dist: without a build it says what to run" 1 "run ./mvnw" \
  -- env RELEASE_ROOT="$work/nothing" bash "$tools/dist.sh"

# ---------------------------------------------------------------- CompareArtifacts.java
# zips made with the JDK's jar tool: same entries, and then one entry with another time
mkdir -p "$work/zip/content" "$work/zip/a" "$work/zip/b" "$work/zip/c"
echo "hello" > "$work/zip/content/file.txt"
touch -d "2026-01-01 00:00:00" "$work/zip/content/file.txt"
(cd "$work/zip/content" && "${JAVA_HOME:-/usr}/bin/jar" --create --file "$work/zip/a/x.zip" --no-manifest file.txt)
cp "$work/zip/a/x.zip" "$work/zip/b/x.zip"
touch -d "2026-06-01 12:00:00" "$work/zip/content/file.txt"
(cd "$work/zip/content" && "${JAVA_HOME:-/usr}/bin/jar" --create --file "$work/zip/c/x.zip" --no-manifest file.txt)
expect "compare: identical files pass" 0 "identical x.zip" -- "$java" "$tools/CompareArtifacts.java" "$work/zip/a" "$work/zip/b" x.zip
expect "compare: an entry with another time fails and is named" 1 "time differs: file.txt" -- "$java" "$tools/CompareArtifacts.java" "$work/zip/a" "$work/zip/c" x.zip
expect "compare: a missing file fails" 1 "MISSING   y.jar" -- "$java" "$tools/CompareArtifacts.java" "$work/zip/a" "$work/zip/b" y.jar

echo "release tooling: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
