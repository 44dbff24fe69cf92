#!/usr/bin/env bash
# The scaling harness (see bench/README.md):
#   bench/run-scaling.sh [--sizes 10k,100k,1m,10m] [--cases defaults,reference,counts,flashdeconv] [--out DIR] [--data DIR]
#                        [--java-opts "-Xmx4g"]
# Slides are simulated once into --data (default /tmp/flashdeconv-scaling) and reused; results go to --out
# (default bench/target/scaling): scaling.csv, scaling.png, scaling.md. SKIP_BUILD=1 reuses the built jars.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
build cli,bench
cd "$root"
# the children get the flags of jvm.args, as this JVM
exec "$jdk/bin/java" @"$root/jvm.args" \
    -cp "$root/bench/target/benchmarks.jar" org.flashdeconv.bench.scaling.ScalingHarness \
    --jar "$root/cli/target/flashdeconv.jar" "$@"
