/**
 * Accuracy against known truth: {@link org.flashdeconv.bench.accuracy.AccuracyBench} scores deconvolution
 * {@link org.flashdeconv.bench.accuracy.Method}s on simulated slides, the FlexiDeconv MERFISH set and pseudo-spots
 * pooled from real single cells; {@link org.flashdeconv.bench.accuracy.LambdaSweep} gives the README's λ guidance
 * per platform.
 */
package org.flashdeconv.bench.accuracy;
