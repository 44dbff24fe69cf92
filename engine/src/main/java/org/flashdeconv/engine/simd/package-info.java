/**
 * Small numeric kernels (dot, axpy, sparse gather-dot and scatter-axpy, K x K matrix-vector, sums of squares)
 * with a plain scalar implementation and a Vector API one. {@link org.flashdeconv.engine.simd.Kernels#best()}
 * picks the Vector API implementation once, when the module {@code jdk.incubator.vector} is present, and the
 * scalar one otherwise. Only {@code VectorKernels} imports the incubator module; nothing else needs it to build,
 * test or run.
 */
package org.flashdeconv.engine.simd;
