#!/usr/bin/env bash
# The accuracy benchmark (see bench/README.md):
#   bench/run-accuracy.sh [--quick] [--sets sim,merfish,pseudo] [--profiles visium,hd16,hd8,hd2]
#                         [--scenarios clean,realistic] [--spots 20000] [--genes 18000] [--pseudo-spots 2000]
#                         [--seeds 1,2,3] [--methods flashdeconv,nnls,nnls-weighted,CLASS] [--out FILE]
#   bench/run-accuracy.sh --lambda-sweep [SPOTS [PROFILES [MULTIPLES [SEEDS]]]]   # the README's platform table
#   bench/run-accuracy.sh --gates [--spots 20000] [--seeds 1,2,3] [--out FILE]   # the count model's gates (issue #10)
# Markdown tables go to stdout, progress to stderr. SKIP_BUILD=1 reuses the built jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
build bench
main=org.flashdeconv.bench.accuracy.AccuracyBench
if [ "${1:-}" = "--lambda-sweep" ]; then
    main=org.flashdeconv.bench.accuracy.LambdaSweep
    shift
elif [ "${1:-}" = "--gates" ]; then
    main=org.flashdeconv.bench.accuracy.Gates
    shift
fi
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
    -cp "$root/bench/target/benchmarks.jar" "$main" "$@"
