package org.flashdeconv.engine.simd;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;

/** Plain loops, each exactly the formula in the {@link Kernels} javadoc. */
final class ScalarKernels implements Kernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double sumOfSquares(double[] a, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = a[off + i];
            s += v * v;
        }
        return s;
    }

    @Override
    public double gatherDot(double[] x, int[] index, double[] values, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += values[j] * x[index[j]];
        }
        return s;
    }

    @Override
    public void scatterAxpy(double alpha, double[] values, int[] index, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[index[j]] += alpha * values[j];
        }
    }

    @Override
    public void addSegment(MemorySegment src, long first, double[] acc, int n) {
        for (int i = 0; i < n; i++) {
            acc[i] += src.getAtIndex(Layouts.F64, first + i);
        }
    }

    @Override
    public void matVec(double[] columns, int k, double[] x, double[] out) {
        for (int i = 0; i < k; i++) {
            out[i] = 0;
        }
        for (int l = 0; l < k; l++) {
            double xl = x[l];
            int column = l * k;
            for (int i = 0; i < k; i++) {
                out[i] += columns[column + i] * xl;
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
