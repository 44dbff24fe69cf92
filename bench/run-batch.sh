#!/usr/bin/env bash
# Many slides (see bench/README.md, "Batch and Spark"):
#   bench/run-batch.sh [--slides 50] [--spots 100000] [--runs batch,spark2,spark1] [--data DIR] [--out DIR]
# Simulates --slides hd8 slides of --spots bins once into --data (default /tmp/flashdeconv-batch; seeds 1..N, the
# reference is seed 1's signatures.csv) and runs the same manifest through
#   batch   flashdeconv batch (one JVM, one slide after the other, each with both cores)
#   spark2  BatchApp through SparkSubmit, --master local[2], spark.task.cpus=1 (two slides at a time, one thread each)
#   spark1  the same with local[1] (one task slot: the throughput of one executor core)
# Spark runs from the jars in ~/.m2 (the provided spark-sql dependency), as spark-submit runs it: SparkSubmit in a
# JVM with jvm.args and spark-jvm.args. Each run's wall time and peak RSS come from /usr/bin/time; the load
# average is read before and after. Results: --out (default bench/target/batch)/batch.md and one log per run.
# SKIP_BUILD=1 reuses the built jars.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
slides=50
spots=100000
runs="batch,spark2,spark1"
data=/tmp/flashdeconv-batch
out="$root/bench/target/batch"
while [ $# -gt 0 ]; do
    case "$1" in
        --slides) slides="$2"; shift 2 ;;
        --spots) spots="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --data) data="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "run-batch.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
build cli,spark
mkdir -p "$data" "$out"
# copies, so that a build during the runs cannot change the jars under them
cp "$root/cli/target/flashdeconv.jar" "$root/spark/target/flashdeconv-spark.jar" "$out/"
cli="$out/flashdeconv.jar"
app="$out/flashdeconv-spark.jar"
# Spark's jars (the provided dependency, from ~/.m2, with the libraries the module shares with it); the project's
# own classes come from the application jar only (one class loader per package)
rm -f "$out/spark.classpath"
(cd "$root" && JAVA_HOME="$jdk" ./mvnw -q -B -o -pl spark -am dependency:build-classpath \
    -DincludeScope=test -DexcludeGroupIds=org.flashdeconv,org.junit,org.opentest4j,org.apiguardian \
    -Dmdep.outputFile="$out/spark.classpath")

manifest="$data/slides-$slides-$spots.csv"
echo "slide_id,spatial" >"$manifest"
for s in $(seq 1 "$slides"); do
    dir="$data/$spots/s$s"
    if [ ! -f "$dir/slide.fdstore" ]; then
        "$jdk/bin/java" @"$root/jvm.args" -jar "$cli" simulate -o "$dir" --spots "$spots" --profile hd8 \
            --seed "$s" -q >/dev/null
    fi
    echo "s$s,$spots/s$s/slide.fdstore" >>"$manifest"
done
reference="$data/$spots/s1/signatures.csv"

load() { cut -d' ' -f1 /proc/loadavg; }
report="$out/batch.md"
{
    echo "| run | slides | bins | wall s | slides/min | bins/s | peak RSS GB | load avg before / after |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
} >"$report"

run() { # name, then the command
    local name="$1"; shift
    rm -rf "${out:?}/$name"
    local before; before="$(load)"
    /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || true
    local after; after="$(load)"
    read -r wall rss <"$out/$name.time"
    local bins=$((slides * spots))
    awk -v n="$name" -v s="$slides" -v b="$bins" -v w="$wall" -v r="$rss" -v l0="$before" -v l1="$after" \
        'BEGIN { printf "| %s | %d | %d | %.1f | %.2f | %.0f | %.2f | %s / %s |\n", n, s, b, w, s / w * 60, b / w,
                 r / 1048576, l0, l1 }' | tee -a "$report"
}

spark() { # name, master: what spark-submit --master MASTER --class ... runs
    run "$1" "$jdk/bin/java" @"$root/jvm.args" @"$root/spark-jvm.args" \
        -cp "$(cat "$out/spark.classpath")" org.apache.spark.deploy.SparkSubmit --master "$2" \
        --conf spark.task.cpus=1 --conf spark.ui.enabled=false --class org.flashdeconv.spark.BatchApp "$app" \
        --manifest "$manifest" --reference "$reference" -o "$out/$1"
}

IFS=, read -r -a which <<<"$runs"
for r in "${which[@]}"; do
    case "$r" in
        batch) run batch "$jdk/bin/java" @"$root/jvm.args" -jar "$cli" batch \
                   --manifest "$manifest" --reference "$reference" -o "$out/batch" --quiet ;;
        spark2) spark spark2 'local[2]' ;;
        spark1) spark spark1 'local[1]' ;;
        *) echo "run-batch.sh: unknown run $r" >&2; exit 2 ;;
    esac
done

# the same bits whichever way the slides ran
for r in "${which[@]}"; do
    [ "$r" = batch ] || [ ! -d "$out/batch" ] || [ ! -d "$out/$r" ] || {
        same=yes
        for s in $(seq 1 "$slides"); do
            cmp -s "$out/batch/s$s/proportions.csv" "$out/$r/s$s/proportions.csv" || same=no
        done
        echo "proportions.csv of $r identical to batch for all $slides slides: $same" | tee -a "$report"
    }
done
echo "written: $report"
