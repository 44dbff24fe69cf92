/**
 * JMH benchmarks of the engine's hot passes (gene statistics, representation, one BCD sweep, the kNN graph) and
 * of the {@link org.flashdeconv.engine.simd.Kernels}, each kernel-based pass in a scalar and a Vector API variant.
 * Run through {@code bench/run-jmh.sh} (see bench/README.md).
 */
package org.flashdeconv.bench.jmh;
