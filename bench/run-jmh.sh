#!/usr/bin/env bash
# JMH benchmarks of the engine's passes and kernels (see bench/README.md). Arguments go to JMH, e.g.
#   bench/run-jmh.sh -f 1 -wi 2 -i 3 -w 1s -r 1s             # every benchmark, briefly
#   bench/run-jmh.sh EnginePassBench -p threads=1            # one class, one parameter value
# SKIP_BUILD=1 reuses bench/target/benchmarks.jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
build bench
# the forks inherit this JVM's flags: jvm.args, and quiet sun.misc.Unsafe use (JMH's own, which JDK 24+ warns about)
exec "$jdk/bin/java" @"$root/jvm.args" --sun-misc-unsafe-memory-access=allow -jar "$root/bench/target/benchmarks.jar" "$@"
