#!/usr/bin/env bash
# Writes one supported line's SDK signature list to compat/signatures/<line>.txt (member signatures
# only, no Camunda code; the header names where it came from). Two sources:
#
#   tools/compat/signatures.sh central 8.8.7
#       the connector-core and element-template-generator-core jars of that version on Maven Central
#   CONNECTORS_GIT=/path/to/camunda/connectors.git tools/compat/signatures.sh tag 8.9.7 8.9.x
#       a tag of camunda/connectors whose artifacts Central does not serve: connector-sdk/core and
#       element-template-generator/annotations are compiled with javac outside this repository
#       (in ${COMPAT_SCRATCH:-/tmp/camunda-sdk}/<tag>) and their class files read
#
# The SdkCompatibilityTest in `./mvnw verify` then checks our classes against every list.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:?central VERSION | tag TAG LINE}
scratch=${COMPAT_SCRATCH:-/tmp/camunda-sdk}
repo=$(./mvnw -q -B help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null)

jar_of() { # groupId artifactId version -> path in the local repository (fetched when absent)
  local path="$repo/${1//.//}/$2/$3/$2-$3.jar"
  [ -f "$path" ] || ./mvnw -q -B -ntp dependency:get -Dartifact="$1:$2:$3" -Dtransitive=false >&2
  echo "$path"
}

# the tool itself lives in the test sources (it shares the reader with the check)
if [ ! -f target/test-classes/io/github/sncamunda/servicenow/compat/SignatureListTool.class ]; then
  ./mvnw -q -B -ntp test-compile -Dtemplates.generatePhase=none -DskipTemplateChecks=true
fi
asm=$(jar_of org.ow2.asm asm "$(./mvnw -q -B help:evaluate -Dexpression=version.asm -DforceStdout)")
tool=(java -cp "target/test-classes:$asm" io.github.sncamunda.servicenow.compat.SignatureListTool)
today=$(date -u +%F)

case "$mode" in
  central)
    version=${2:?version}
    "${tool[@]}" "compat/signatures/$version.txt" \
      --header "Camunda connector SDK signatures, line ${version%.*}.x: $version" \
      --header "source: Maven Central io.camunda.connector:connector-core:$version and element-template-generator-core:$version (jars)" \
      --header "made by tools/compat/signatures.sh central $version on $today; public/protected signatures only, no code" \
      "connector-core=$(jar_of io.camunda.connector connector-core "$version")" \
      "generator=$(jar_of io.camunda.connector element-template-generator-core "$version")"
    ;;
  tag)
    tag=${2:?tag} line=${3:?line name, e.g. 8.9.x}
    git=${CONNECTORS_GIT:?set CONNECTORS_GIT to a clone (or bare mirror) of camunda/connectors}
    commit=$(git --git-dir="$git" rev-parse "$tag^{commit}" 2>/dev/null || git -C "$git" rev-parse "$tag^{commit}")
    dated=$(git --git-dir="$git" log -1 --format=%cs "$commit" 2>/dev/null || git -C "$git" log -1 --format=%cs "$commit")
    src="$scratch/$tag/src" out="$scratch/$tag/classes"
    rm -rf "$scratch/$tag" && mkdir -p "$src" "$out/core" "$out/annotations"
    (git --git-dir="$git" archive "$commit" connector-sdk/core element-template-generator/annotations 2>/dev/null \
      || git -C "$git" archive "$commit" connector-sdk/core element-template-generator/annotations) | tar -x -C "$src"
    # what the two modules compile against (their poms: Jackson provided, jspecify from 8.10)
    cp="$(jar_of com.fasterxml.jackson.core jackson-databind 2.21.0):$(jar_of com.fasterxml.jackson.core jackson-core 2.21.0)"
    cp="$cp:$(jar_of com.fasterxml.jackson.core jackson-annotations 2.21):$(jar_of org.jspecify jspecify 1.0.0)"
    cp="$cp:$(jar_of jakarta.validation jakarta.validation-api 3.1.1)"
    javac --release 17 -nowarn -proc:none -d "$out/core" -cp "$cp" \
      $(find "$src/connector-sdk/core/src/main/java" -name '*.java')
    javac --release 17 -nowarn -proc:none -d "$out/annotations" -cp "$cp:$out/core" \
      $(find "$src/element-template-generator/annotations/src/main/java" -name '*.java')
    "${tool[@]}" "compat/signatures/$line.txt" \
      --header "Camunda connector SDK signatures, line $line: tag $tag" \
      --header "source: camunda/connectors tag $tag, commit $commit ($dated); connector-sdk/core and element-template-generator/annotations" \
      --header "made by tools/compat/signatures.sh tag $tag $line on $today: sources compiled with javac --release 17 outside the repository, class files read; public/protected signatures only, no code" \
      "connector-core=$out/core" "generator=$out/annotations"
    ;;
  *) echo "unknown mode $mode (central | tag)" >&2; exit 2 ;;
esac
