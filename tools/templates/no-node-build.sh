#!/usr/bin/env bash
# Proves that the README's Run command and packaging need no Node.js and never write tracked
# files: with node, npm and npx taken off PATH it runs
#   ./mvnw -q -Pdemo                      (the demo, on the committed examples and templates)
#   ./mvnw -B -ntp -q -DskipTests package (the jar and the templates zip)
# then asserts that `git status --porcelain` is what it was before (empty on a fresh clone) and
# that every entry of target/*-element-templates.zip is byte for byte one committed file of
# element-templates/, each committed file in the zip exactly once. .ci/run calls it.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

shadows="$(mktemp -d)"
trap 'rm -rf "$shadows"' EXIT
# Every PATH directory that holds node/npm/npx is replaced by a copy made of symlinks to all its
# other entries, so the rest of the tools (java, git, bash...) stay where the build finds them.
nodeless=""
IFS=: read -r -a dirs <<< "$PATH"
for dir in "${dirs[@]}"; do
  [[ -n "$dir" ]] || continue
  if [[ -e "$dir/node" || -e "$dir/npm" || -e "$dir/npx" ]]; then
    shadow="$shadows/$(printf '%s' "$dir" | tr / _)"
    mkdir -p "$shadow"
    for entry in "$dir"/*; do
      case "$(basename "$entry")" in node | nodejs | npm | npx | corepack) continue ;; esac
      ln -s "$entry" "$shadow/"
    done
    dir="$shadow"
  fi
  nodeless="${nodeless:+$nodeless:}$dir"
done
if PATH="$nodeless" command -v node > /dev/null; then
  echo "FAIL: could not take node off PATH" >&2
  exit 1
fi

before="$(git status --porcelain)"
echo "== without node: ./mvnw -q -Pdemo"
PATH="$nodeless" ./mvnw -q -Pdemo
echo "== without node: ./mvnw -B -ntp -q -DskipTests package"
PATH="$nodeless" ./mvnw -B -ntp -q -DskipTests package

after="$(git status --porcelain)"
if [[ "$after" != "$before" ]]; then
  echo "FAIL: the build without node changed tracked files:" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
if [[ -z "$before" ]]; then
  echo "git status --porcelain: empty"
else
  echo "git status --porcelain: unchanged (the tree was not clean before the build)"
fi

zips=(target/*-element-templates.zip)
[[ ${#zips[@]} -eq 1 && -f "${zips[0]}" ]] || { echo "FAIL: no templates zip in target/" >&2; exit 1; }
zip="${zips[0]}"
committed="$(find element-templates -name '*.json' -print0 | xargs -0 sha256sum | cut -d' ' -f1 | sort)"
packaged="$(unzip -Z1 "$zip" | while read -r entry; do unzip -p "$zip" "$entry" | sha256sum | cut -d' ' -f1; done | sort)"
if [[ "$packaged" != "$committed" ]]; then
  echo "FAIL: $zip does not hold the committed element-templates/ byte for byte:" >&2
  diff <(echo "$committed") <(echo "$packaged") >&2 || true
  exit 1
fi
echo "$zip: $(unzip -Z1 "$zip" | wc -l) entries, each byte-identical to one committed template"
