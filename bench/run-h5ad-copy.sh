#!/usr/bin/env bash
# Times --h5ad-out's copy of a large AnnData input (bench/README.md, "AnnData copy"):
#   bench/run-h5ad-copy.sh [SPOTS] [WORKDIR]      default 1000000 spots in /tmp/fd-h5ad-copy
# Makes WORKDIR/big_SPOTS.h5ad once with Debian's python3-anndata (bench/scripts/make_big_h5ad.py), then times
# the copy with 12 result columns added. SKIP_BUILD=1 reuses the built jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
spots=${1:-1000000}
work=${2:-/tmp/fd-h5ad-copy}
mkdir -p "$work"
if [ ! -f "$work/big_$spots.h5ad" ]; then
    /usr/bin/python3 "$root/bench/scripts/make_big_h5ad.py" "$spots" "$work/big_$spots.h5ad"
fi
build bench
rm -f "$work/out.h5ad"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$jdk/bin/java" @"$root/jvm.args" -cp "$root/bench/target/benchmarks.jar" org.flashdeconv.bench.h5ad.H5adCopyBench \
    "$work/big_$spots.h5ad" "$work/out.h5ad" 12
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
