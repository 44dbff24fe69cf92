/**
 * JMH benchmarks of the engine's hot passes (gene statistics, representation, one BCD sweep, the kNN graph), the count
 * model's per-spot kernel and the CSV readers.
 * Run through {@code bench/run-jmh.sh} (see bench/README.md).
 */
package org.flashdeconv.bench.jmh;
