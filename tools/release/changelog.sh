#!/usr/bin/env bash
# Prints the body of one version's section of a Keep-a-Changelog file (without its heading).
#
#   tools/release/changelog.sh <version|Unreleased> [CHANGELOG.md]
#
# A released version needs a dated heading, `## [1.2.3] - 2026-12-01`; `Unreleased` needs
# `## [Unreleased]`. Fails when the section is missing, undated, listed twice or empty.
set -euo pipefail

version="${1:?usage: changelog.sh <version|Unreleased> [CHANGELOG.md]}"
file="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/CHANGELOG.md}"
[[ -f "$file" ]] || { echo "ERROR: $file not found" >&2; exit 1; }

awk -v version="$version" '
  function fail(msg) { print "ERROR: " FILENAME ": " msg > "/dev/stderr"; failed = 1; exit 1 }
  /^## \[/ {
    heading = $0
    name = heading; sub(/^## \[/, "", name); sub(/\].*$/, "", name)
    if (inside) inside = 0
    if (name == version) {
      if (++found > 1) fail("more than one section for [" version "]")
      if (version != "Unreleased" && heading !~ /^## \[[^]]+\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ \t]*$/)
        fail("the heading of [" version "] needs its release date: \"## [" version "] - YYYY-MM-DD\"")
      inside = 1
    }
    next
  }
  /^\[[^]]+\]: / { inside = 0; next }   # link references at the end of the file
  inside { lines[++n] = $0; if ($0 ~ /[^ \t]/) content = 1 }
  END {
    if (failed) exit 1
    if (!found) fail("no section \"## [" version "]\"")
    if (!content) fail("the section [" version "] is empty")
    first = 1; while (first <= n && lines[first] !~ /[^ \t]/) first++
    last = n;  while (last >= first && lines[last] !~ /[^ \t]/) last--
    for (i = first; i <= last; i++) print lines[i]
  }
' "$file"
