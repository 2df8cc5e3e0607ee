# Shared by the release scripts (sourced, not run).
# shellcheck shell=bash

# The release scripts' own directory, and the repository root whatever the caller's working
# directory (RELEASE_ROOT overrides the root, for the tooling's tests).
release_tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
release_root="${RELEASE_ROOT:-$(cd "$release_tools/../.." && pwd)}"

die() {
  echo "ERROR: $*" >&2
  exit 1
}

# The version of the last build in target/ (maven-jar-plugin writes pom.properties at package).
built_version() {
  local props="$release_root/target/maven-archiver/pom.properties"
  [[ -f "$props" ]] || die "no build in target/: run ./mvnw -B -ntp verify (or package) first"
  sed -n 's/^version=//p' "$props"
}

# The files a release ships, for a version: the jar for the runtime, the templates download and
# the SBOM (SHA256SUMS is added by dist.sh).
release_files() {
  local v="$1"
  echo "servicenow-connectors-$v-with-dependencies.jar"
  echo "servicenow-connectors-$v-element-templates.zip"
  echo "servicenow-connectors-$v-sbom.cdx.json"
}

# Every archive a build writes into target/, compared by the reproducibility check.
reproducible_files() {
  local v="$1"
  echo "servicenow-connectors-$v.jar"
  echo "servicenow-connectors-$v-with-dependencies.jar"
  echo "servicenow-connectors-$v-sources.jar"
  echo "servicenow-connectors-$v-javadoc.jar"
  echo "servicenow-connectors-$v-element-templates.zip"
  echo "servicenow-connectors-$v-sbom.cdx.json"
}
