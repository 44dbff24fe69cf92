package org.flashdeconv.engine.genes;

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi eigenvalue algorithm: A = V·diag(μ)·Vᵀ
 * with orthonormal V. Accurate to rounding for every eigenvalue, including the (near) zero ones of a
 * rank-deficient matrix, which is what the ridge leverage of a centred reference needs.
 *
 * @param values  the eigenvalues μ_j (in no particular order)
 * @param vectors V, K x K; column j is the eigenvector of μ_j
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    /**
     * Decomposes the symmetric matrix {@code a} (only its upper triangle is read; {@code a} is not modified).
     *
     * @throws IllegalArgumentException if a is not square or holds a non-finite value
     * @throws IllegalStateException    if the rotations do not converge (not seen for finite input)
     */
    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("eigen-decomposition needs a square matrix, found row " + i
                        + " of length " + a[i].length + " in a matrix of " + n + " rows");
            }
            for (int j = i; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("eigen-decomposition needs finite values, found " + a[i][j]
                            + " at (" + i + ", " + j + ")");
                }
                m[i][j] = a[i][j];
                m[j][i] = a[i][j];
            }
        }
        double[][] v = new double[n][n];
        double[] d = new double[n];
        double[] b = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
            d[i] = m[i][i];
            b[i] = d[i];
        }
        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += Math.abs(m[p][q]);
                }
            }
            if (off == 0) {
                return new SymmetricEigen(d, v);
            }
            // early sweeps rotate only large elements; later ones every non-negligible one
            double threshold = sweep < 4 ? 0.2 * off / ((double) n * n) : 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double g = 100 * Math.abs(m[p][q]);
                    if (sweep > 4 && Math.abs(d[p]) + g == Math.abs(d[p]) && Math.abs(d[q]) + g == Math.abs(d[q])) {
                        m[p][q] = 0; // below the rounding of both diagonal entries
                    } else if (Math.abs(m[p][q]) > threshold) {
                        rotate(m, v, d, z, p, q, g);
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                b[p] += z[p];
                d[p] = b[p];
                z[p] = 0;
            }
        }
        throw new IllegalStateException("Jacobi eigenvalue iteration did not converge in " + MAX_SWEEPS
                + " sweeps");
    }

    /** One Jacobi rotation that zeroes m[p][q] (upper triangle kept; d and z track the diagonal). */
    private static void rotate(double[][] m, double[][] v, double[] d, double[] z, int p, int q, double g) {
        int n = d.length;
        double h = d[q] - d[p];
        double t;
        if (Math.abs(h) + g == Math.abs(h)) {
            t = m[p][q] / h;
        } else {
            double theta = 0.5 * h / m[p][q];
            t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
            if (theta < 0) {
                t = -t;
            }
        }
        double c = 1 / Math.sqrt(1 + t * t);
        double s = t * c;
        double tau = s / (1 + c);
        double shift = t * m[p][q];
        z[p] -= shift;
        z[q] += shift;
        d[p] -= shift;
        d[q] += shift;
        m[p][q] = 0;
        for (int j = 0; j < p; j++) {
            turn(m, j, p, j, q, s, tau);
        }
        for (int j = p + 1; j < q; j++) {
            turn(m, p, j, j, q, s, tau);
        }
        for (int j = q + 1; j < n; j++) {
            turn(m, p, j, q, j, s, tau);
        }
        for (int j = 0; j < n; j++) {
            turn(v, j, p, j, q, s, tau);
        }
    }

    private static void turn(double[][] a, int i, int j, int k, int l, double s, double tau) {
        double g = a[i][j];
        double h = a[k][l];
        a[i][j] = g - s * (h + g * tau);
        a[k][l] = h + s * (g - h * tau);
    }
}
