package org.flashdeconv.engine.counts;

/**
 * The per-spot kernels of {@link PoissonSpot} over contiguous arrays: the profile gather and the dot products, each in a
 * fixed order of operations (the same bits on every machine and for any thread count). Scalar: the Vector API is not
 * loaded by the launcher.
 */
final class SpotKernels {
    /** Components gathered by the unrolled row copy; wider profiles fall back to a type-by-type loop. */
    static final int MAX_UNROLLED = 16;

    private SpotKernels() {
    }

    /**
     * q[k * nnz + j] = profiles[pos[j] * stride + k] for k < comps: the spot's profile rows gathered type-major. Row by
     * row, each row's components in one unrolled run of loads (a fall-through switch on {@code comps}, taken the same
     * way for every row): about half the time of a type-by-type gather, which reads every row {@code comps} times
     * (bench/README.md, count model cost).
     */
    @SuppressWarnings("fallthrough")
    static void gather(double[] profiles, int stride, int[] pos, int nnz, int comps, double[] q) {
        if (comps > MAX_UNROLLED) {
            for (int k = 0; k < comps; k++) {
                int o = k * nnz;
                for (int j = 0; j < nnz; j++) {
                    q[o + j] = profiles[pos[j] * stride + k];
                }
            }
            return;
        }
        for (int j = 0; j < nnz; j++) {
            int row = pos[j] * stride;
            switch (comps) { // falls through from the last component to the first
                case 16:
                    q[15 * nnz + j] = profiles[row + 15];
                case 15:
                    q[14 * nnz + j] = profiles[row + 14];
                case 14:
                    q[13 * nnz + j] = profiles[row + 13];
                case 13:
                    q[12 * nnz + j] = profiles[row + 12];
                case 12:
                    q[11 * nnz + j] = profiles[row + 11];
                case 11:
                    q[10 * nnz + j] = profiles[row + 10];
                case 10:
                    q[9 * nnz + j] = profiles[row + 9];
                case 9:
                    q[8 * nnz + j] = profiles[row + 8];
                case 8:
                    q[7 * nnz + j] = profiles[row + 7];
                case 7:
                    q[6 * nnz + j] = profiles[row + 6];
                case 6:
                    q[5 * nnz + j] = profiles[row + 5];
                case 5:
                    q[4 * nnz + j] = profiles[row + 4];
                case 4:
                    q[3 * nnz + j] = profiles[row + 3];
                case 3:
                    q[2 * nnz + j] = profiles[row + 2];
                case 2:
                    q[nnz + j] = profiles[row + 1];
                case 1:
                    q[j] = profiles[row];
                    break;
                default:
                    break;
            }
        }
    }

    /** Σ_j a_j b_{o+j} in four interleaved sums (a fixed order: the same bits on every machine and thread). */
    static double dot(double[] a, double[] b, int o, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j] * b[o + j];
            s1 += a[j + 1] * b[o + j + 1];
            s2 += a[j + 2] * b[o + j + 2];
            s3 += a[j + 3] * b[o + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[o + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@link #dot} of {@code a} with four blocks of {@code b} at once, into out[at..at+4): each sum has exactly the
     * bits of its {@link #dot} (the same four interleaved sums in the same order), but a_j is loaded once for the four
     * and the sixteen independent sums keep the floating-point units busy.
     */
    static void dots4(double[] a, double[] b, int o0, int o1, int o2, int o3, int n, double[] out, int at) {
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        double s20 = 0;
        double s21 = 0;
        double s22 = 0;
        double s23 = 0;
        double s30 = 0;
        double s31 = 0;
        double s32 = 0;
        double s33 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double a0 = a[j];
            double a1 = a[j + 1];
            double a2 = a[j + 2];
            double a3 = a[j + 3];
            s00 += a0 * b[o0 + j];
            s01 += a1 * b[o0 + j + 1];
            s02 += a2 * b[o0 + j + 2];
            s03 += a3 * b[o0 + j + 3];
            s10 += a0 * b[o1 + j];
            s11 += a1 * b[o1 + j + 1];
            s12 += a2 * b[o1 + j + 2];
            s13 += a3 * b[o1 + j + 3];
            s20 += a0 * b[o2 + j];
            s21 += a1 * b[o2 + j + 1];
            s22 += a2 * b[o2 + j + 2];
            s23 += a3 * b[o2 + j + 3];
            s30 += a0 * b[o3 + j];
            s31 += a1 * b[o3 + j + 1];
            s32 += a2 * b[o3 + j + 2];
            s33 += a3 * b[o3 + j + 3];
        }
        for (; j < n; j++) {
            s00 += a[j] * b[o0 + j];
            s10 += a[j] * b[o1 + j];
            s20 += a[j] * b[o2 + j];
            s30 += a[j] * b[o3 + j];
        }
        out[at] = (s00 + s01) + (s02 + s03);
        out[at + 1] = (s10 + s11) + (s12 + s13);
        out[at + 2] = (s20 + s21) + (s22 + s23);
        out[at + 3] = (s30 + s31) + (s32 + s33);
    }

    /** {@link #dot} of {@code a} with two blocks of {@code b} into out[0..2): the bits of two {@link #dot}s. */
    static void dots2(double[] a, double[] b, int o0, int o1, int n, double[] out) {
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double a0 = a[j];
            double a1 = a[j + 1];
            double a2 = a[j + 2];
            double a3 = a[j + 3];
            s00 += a0 * b[o0 + j];
            s01 += a1 * b[o0 + j + 1];
            s02 += a2 * b[o0 + j + 2];
            s03 += a3 * b[o0 + j + 3];
            s10 += a0 * b[o1 + j];
            s11 += a1 * b[o1 + j + 1];
            s12 += a2 * b[o1 + j + 2];
            s13 += a3 * b[o1 + j + 3];
        }
        for (; j < n; j++) {
            s00 += a[j] * b[o0 + j];
            s10 += a[j] * b[o1 + j];
        }
        out[0] = (s00 + s01) + (s02 + s03);
        out[1] = (s10 + s11) + (s12 + s13);
    }
}
