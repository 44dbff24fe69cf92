package org.flashdeconv.engine.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import org.flashdeconv.engine.matrix.Layouts;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the Vector API ({@code DoubleVector}, the preferred species), with scalar tails. The only class
 * that imports {@code jdk.incubator.vector}; {@link KernelChoice} loads it reflectively, and only when the module
 * is present. Element-wise kernels use a multiply then an add (never an FMA), so they give the scalar loop's bits.
 */
final class VectorKernels implements Kernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /**
     * A 4-lane species for one step of the tail when the preferred one is wider (K = 12 is 8 + 4 lanes), or null.
     */
    private static final VectorSpecies<Double> QUARTER = LANES > 4 ? DoubleVector.SPECIES_256 : null;

    /** Loaded reflectively by {@link KernelChoice}. */
    VectorKernels() {
        if (LANES < 2) {
            throw new UnsupportedOperationException("the preferred double vector has " + LANES
                    + " lane (no SIMD on this CPU)");
        }
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int bound = SPECIES.loopBound(n);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += LANES) {
            acc = DoubleVector.fromArray(SPECIES, a, aOff + i).fma(DoubleVector.fromArray(SPECIES, b, bOff + i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector yv = DoubleVector.fromArray(SPECIES, y, yOff + i);
            yv.add(DoubleVector.fromArray(SPECIES, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
        }
        if (QUARTER != null && n - i >= 4) {
            DoubleVector yv = DoubleVector.fromArray(QUARTER, y, yOff + i);
            yv.add(DoubleVector.fromArray(QUARTER, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
            i += 4;
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double sumOfSquares(double[] a, int off, int n) {
        int bound = SPECIES.loopBound(n);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, a, off + i);
            acc = v.fma(v, acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double v = a[off + i];
            s += v * v;
        }
        return s;
    }

    @Override
    public double gatherDot(double[] x, int[] index, double[] values, int n) {
        int bound = SPECIES.loopBound(n);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector xv = DoubleVector.fromArray(SPECIES, x, 0, index, j);
            acc = DoubleVector.fromArray(SPECIES, values, j).fma(xv, acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s += values[j] * x[index[j]];
        }
        return s;
    }

    @Override
    public void scatterAxpy(double alpha, double[] values, int[] index, double[] y, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector yv = DoubleVector.fromArray(SPECIES, y, 0, index, j);
            yv.add(DoubleVector.fromArray(SPECIES, values, j).mul(alpha)).intoArray(y, 0, index, j);
        }
        for (; j < n; j++) {
            y[index[j]] += alpha * values[j];
        }
    }

    @Override
    public void addSegment(MemorySegment src, long first, double[] acc, int n) {
        int bound = SPECIES.loopBound(n);
        long byteOff = first * Double.BYTES;
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector s = DoubleVector.fromMemorySegment(SPECIES, src, byteOff + (long) i * Double.BYTES,
                    ByteOrder.LITTLE_ENDIAN);
            DoubleVector.fromArray(SPECIES, acc, i).add(s).intoArray(acc, i);
        }
        if (QUARTER != null && n - i >= 4) {
            DoubleVector s = DoubleVector.fromMemorySegment(QUARTER, src, byteOff + (long) i * Double.BYTES,
                    ByteOrder.LITTLE_ENDIAN);
            DoubleVector.fromArray(QUARTER, acc, i).add(s).intoArray(acc, i);
            i += 4;
        }
        for (; i < n; i++) {
            acc[i] += src.getAtIndex(Layouts.F64, first + i);
        }
    }

    @Override
    public void matVec(double[] columns, int k, double[] x, double[] out) {
        int bound = SPECIES.loopBound(k);
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector acc = DoubleVector.zero(SPECIES);
            for (int l = 0; l < k; l++) {
                acc = acc.add(DoubleVector.fromArray(SPECIES, columns, l * k + i).mul(x[l]));
            }
            acc.intoArray(out, i);
        }
        if (QUARTER != null && k - i >= 4) {
            DoubleVector acc = DoubleVector.zero(QUARTER);
            for (int l = 0; l < k; l++) {
                acc = acc.add(DoubleVector.fromArray(QUARTER, columns, l * k + i).mul(x[l]));
            }
            acc.intoArray(out, i);
            i += 4;
        }
        for (; i < k; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) {
                s += columns[l * k + i] * x[l];
            }
            out[i] = s;
        }
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
