# Finds a JDK 21 or newer for ./mvnw and .ci/run (POSIX sh; sourced, not run). The build needs 21+
# (the template generator and the connectors runtime are Java 21 bytecode) while many machines
# have an older default java. Looks at, in order: $JAVA_HOME, the java on PATH, /usr/lib/jvm/*,
# and exports JAVA_HOME as the first that is 21+; prints one sentence and returns 1 when none is.

# The feature release of the JDK at $1 ("25"), from its release file or, without one, from java.
jdk_major() {
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

jdk_is_21_or_newer() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  jdk_major_found="$(jdk_major "$1")"
  [ "${jdk_major_found:-0}" -ge 21 ] 2> /dev/null
}

pick_jdk() {
  if jdk_is_21_or_newer "${JAVA_HOME:-}"; then
    return 0
  fi
  jdk_path_java="$(command -v java 2> /dev/null || true)"
  if [ -n "$jdk_path_java" ]; then
    jdk_path_home="$(cd "$(dirname "$(readlink -f "$jdk_path_java")")/.." && pwd)"
    if jdk_is_21_or_newer "$jdk_path_home"; then
      JAVA_HOME="$jdk_path_home"
      export JAVA_HOME
      return 0
    fi
  fi
  # mvnw runs with globbing off (set -f)
  case $- in *f*) jdk_noglob=1 ;; *) jdk_noglob=0 ;; esac
  set +f
  for jdk_candidate in /usr/lib/jvm/*; do
    if jdk_is_21_or_newer "$jdk_candidate"; then
      [ "$jdk_noglob" = 0 ] || set -f
      JAVA_HOME="$jdk_candidate"
      export JAVA_HOME
      return 0
    fi
  done
  [ "$jdk_noglob" = 0 ] || set -f
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME, java on PATH and /usr/lib/jvm/*): install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}

# pick_jdk, then the JDK's bin first on PATH (forked tools use it too); on JDK 24+ Maven's own
# libraries would print sun.misc.Unsafe warnings on every run, which the JDK allows to silence.
use_jdk() {
  pick_jdk || return 1
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
  if [ "${jdk_major_found:-0}" -ge 24 ] 2> /dev/null; then
    case "${MAVEN_OPTS:-}" in
      *sun-misc-unsafe-memory-access*) ;;
      *) MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow${MAVEN_OPTS:+ $MAVEN_OPTS}"; export MAVEN_OPTS ;;
    esac
  fi
}
