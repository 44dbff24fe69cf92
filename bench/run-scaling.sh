#!/usr/bin/env bash
# The scaling harness (see bench/README.md):
#   bench/run-scaling.sh [--sizes 10k,100k,1m,10m] [--cases defaults,reference] [--out DIR] [--data DIR]
#                        [--java-opts "-Xmx4g"]
# Slides are simulated once into --data (default /tmp/flashdeconv-scaling) and reused; results go to --out
# (default bench/target/scaling): scaling.csv, scaling.png, scaling.md. SKIP_BUILD=1 reuses the built jars.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
build cli,bench
cd "$root"
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-modules=jdk.incubator.vector \
    -cp "$root/bench/target/benchmarks.jar" org.flashdeconv.bench.scaling.ScalingHarness \
    --jar "$root/cli/target/flashdeconv.jar" "$@"
