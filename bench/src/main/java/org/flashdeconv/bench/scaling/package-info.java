/**
 * The scaling harness: simulates slides of 10k to 10M bins into stores, runs the full deconvolution in a child
 * JVM per case while sampling its {@code /proc} memory and CPU, and reports per-stage wall time, CPU time and peak
 * memory as a CSV, a log-log PNG with fitted slopes and a Markdown table. Entry point: {@link
 * org.flashdeconv.bench.scaling.ScalingHarness}, run through {@code bench/run-scaling.sh}.
 */
package org.flashdeconv.bench.scaling;
