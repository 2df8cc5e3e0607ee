#!/usr/bin/env bash
# Moves the build to a newer Camunda line's SDK: the "one place" of the template-generator moves.
#
#   tools/compat/move-to-line.sh VERSION [ROOT]      e.g. 8.9.7, 8.10.0 (ROOT: this repository)
#
# Annotations cannot be aliased in Java, so no wrapper can hold them; instead this script is the
# single list of what changes. From 8.9 on:
#   - pom.xml: version.connectors (and the template generator plugin) -> VERSION, and the
#     annotations come from element-template-generator-annotations instead of
#     element-template-generator-core
#   - FeelMode (was generator.dsl.Property.FeelMode) and BpmnType (was generator.dsl.BpmnType)
#     are imported from io.camunda.connector.generator.java.annotation; the files are found by
#     their imports, not listed by hand
# 8.10 needs nothing more at source level: `inputDataClass = X.class` and `version = 2` still
# compile against Class<?>[] and long. docs/upgrading-camunda.md shows the resulting diff.
# It refuses to run when an import of the old generator DSL remains that it does not know.
set -euo pipefail
version=${1:?VERSION, e.g. 8.9.7}
root=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
minor=$(echo "$version" | cut -d. -f2)
if [ "${version%%.*}" -ne 8 ] || [ "$minor" -lt 9 ]; then
  echo "nothing to move for $version: the sources are written for 8.8" >&2
  exit 0
fi

old_dsl='io\.camunda\.connector\.generator\.dsl'
new_pkg='io.camunda.connector.generator.java.annotation'
files=$(grep -rl --include='*.java' "^import $old_dsl\." "$root/src/main/java" "$root/src/test/java" || true)
for f in $files; do
  sed -i -E \
    -e "s/^import $old_dsl\.Property\.FeelMode;/import $new_pkg.FeelMode;/" \
    -e "s/^import $old_dsl\.BpmnType;/import $new_pkg.BpmnType;/" \
    "$f"
done
left=$(grep -rn --include='*.java' "^import $old_dsl\." "$root/src/main/java" "$root/src/test/java" || true)
if [ -n "$left" ]; then
  echo "imports of the generator DSL this script does not know how to move:" >&2
  echo "$left" >&2
  exit 1
fi

pom="$root/pom.xml"
sed -i -E \
  -e "s|<version.connectors>[^<]*</version.connectors>|<version.connectors>$version</version.connectors>|" \
  -e "s|<version.connector-runtime-test>[^<]*</version.connector-runtime-test>|<version.connector-runtime-test>$version</version.connector-runtime-test>|" \
  -e "s|<version.template-generator-plugin>[^<]*</version.template-generator-plugin>|<version.template-generator-plugin>$version</version.template-generator-plugin>|" \
  -e "s|<artifactId>element-template-generator-core</artifactId>|<artifactId>element-template-generator-annotations</artifactId>|" \
  "$pom"
echo "moved to $version: $(echo "$files" | grep -c . || true) source files and pom.xml"
