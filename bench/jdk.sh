# Sourced by run-jmh.sh and run-scaling.sh: sets $jdk to a JDK >= 25 found as ../flashdeconv finds it
# (JAVA_HOME, java on PATH, the usual install folders), and $root to the repository root.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

find_jdk() {
    local cand v
    local -a cands=()
    [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
    command -v java >/dev/null 2>&1 && cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* \
                "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$cand" ] && cands+=("$cand")
    done
    for cand in "${cands[@]}"; do
        if [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ]; then
            v="$(java_major "$cand/bin/java")"
            if [ -n "$v" ] && [ "$v" -ge 25 ]; then
                echo "$cand"
                return 0
            fi
        fi
    done
    return 1
}

if ! jdk="$(find_jdk)"; then
    echo "$(basename "$0"): needs a JDK 25 or newer and none was found (JAVA_HOME, PATH, /usr/lib/jvm, /opt," \
         "~/.sdkman, ~/.jdks)" >&2
    exit 1
fi

# Builds the modules given (with their dependencies) unless SKIP_BUILD=1.
build() {
    [ "${SKIP_BUILD:-0}" = 1 ] && return 0
    (cd "$root" && JAVA_HOME="$jdk" ./mvnw -q -B -o -DskipTests -pl "$1" -am package)
}
