#!/usr/bin/env bash
# Collects the release files of the build in target/ into target/dist/, writes their SHA-256
# checksums and the release notes. CI runs it on every build as a dry run; the release workflow
# runs it with the tag and uploads target/dist/* with target/release-notes.md.
#
#   tools/release/dist.sh                 dry run: notes from "## [Unreleased]" for a -SNAPSHOT
#   tools/release/dist.sh --tag v1.2.3    release: the tag must name the built version, and
#                                         CHANGELOG.md must have a dated "## [1.2.3]" section
#
# Run after ./mvnw -B -ntp verify (the build writes the jar, the templates zip and the SBOM).
set -euo pipefail
# shellcheck source=tools/release/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$release_root"

tag=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tag) tag="${2:?--tag needs a value such as v1.2.3}"; shift 2 ;;
    *) die "unknown argument $1 (usage: dist.sh [--tag vX.Y.Z])" ;;
  esac
done

version="$(built_version)"
if [[ -n "$tag" ]]; then
  [[ "$tag" =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]] \
    || die "tag $tag is not v<major>.<minor>.<patch>[-<pre-release>]"
  [[ "$version" != *-SNAPSHOT ]] \
    || die "tag $tag is on a -SNAPSHOT build ($version): set the release version first (docs/releasing.md)"
  [[ "${tag#v}" == "$version" ]] || die "tag $tag does not match the built version $version"
  section="$version"
elif [[ "$version" == *-SNAPSHOT ]]; then
  section="Unreleased"
else
  section="$version"
fi

notes="$(bash "$release_tools/changelog.sh" "$section" CHANGELOG.md)"

rm -rf target/dist
mkdir -p target/dist
mapfile -t files < <(release_files "$version")
for f in "${files[@]}"; do
  [[ -s "target/$f" ]] || die "target/$f is missing or empty: did the build run to package?"
  cp "target/$f" target/dist/
done
(cd target/dist && sha256sum "${files[@]}" > SHA256SUMS && sha256sum --quiet -c SHA256SUMS)

# What the templates zip and the SBOM hold (the build's ITs check them in depth; this shows them
# and fails on a file that is not what its name says)
templates="$("${JAVA_HOME:-/usr}/bin/jar" --list --file "target/dist/${files[1]}")" \
  || die "${files[1]} is not a readable zip"
[[ -n "$templates" ]] || die "${files[1]} holds no templates"
sbom_components="$(node -e '
  const bom = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (bom.bomFormat !== "CycloneDX") throw new Error("not a CycloneDX SBOM");
  for (const c of bom.components ?? []) {
    const licences = (c.licenses ?? []).map((l) => l.license?.id ?? l.license?.name ?? l.expression);
    console.log(`${c.group}:${c.name} ${c.version} (${licences.join(", ") || "no licence"})`);
  }' "target/dist/${files[2]}")" || die "${files[2]} is not a CycloneDX SBOM"
[[ -n "$sbom_components" ]] || die "${files[2]} lists no components"

{
  printf '%s\n\n' "$notes"
  printf -- '---\n\n'
  printf 'Files (check them with `sha256sum -c SHA256SUMS`):\n\n'
  printf -- '- `%s`: every connector of the bundle, for the connectors runtime; copy it into `/opt/custom/` of the `camunda/connectors` image\n' "${files[0]}"
  printf -- '- `%s`: every element template in every version, named `<template>-<version>.json` (hybrid ones in `hybrid/`)\n' "${files[1]}"
  printf -- '- `%s`: CycloneDX SBOM of the jar (our classes and the relocated Apache HttpClient 5)\n' "${files[2]}"
  printf -- '- `SHA256SUMS`: SHA-256 checksums of the three files\n\n'
  printf 'Supported runtimes and ServiceNow releases: see docs/compatibility.md.\n'
} > target/release-notes.md

echo "Release files for $version${tag:+ (tag $tag)} in target/dist/:"
(cd target/dist && for f in "${files[@]}" SHA256SUMS; do printf '  %-64s %9d bytes\n' "$f" "$(stat -c %s "$f")"; done)
echo "SHA256SUMS:"
sed 's/^/  /' target/dist/SHA256SUMS
echo "Templates in ${files[1]}:"
sed 's/^/  /' <<< "$templates"
echo "Components in ${files[2]} (besides the bundle itself):"
sed 's/^/  /' <<< "$sbom_components"
echo "Release notes (from CHANGELOG.md [$section]) in target/release-notes.md"
