package io.glimmer.linalg;

/**
 * Kernels on the small dense blocks (q × q, with q the number of random effects per level) that
 * the blocked factorisation is made of. Blocks are row-major slices of larger arrays.
 */
public final class SmallBlocks {
    private SmallBlocks() {
    }

    /**
     * out = λr' · B · λc for a qr × qc block B; λr (qr × qr) and λc (qc × qc) are lower triangular.
     * {@code tmp} needs qr·qc entries.
     */
    public static void scale(double[] lr, int qr, double[] b, int bOff, double[] lc, int qc, double[] out, int outOff, double[] tmp) {
        // tmp = B λc (λc lower: column k of the product uses rows k.. of λc)
        for (int i = 0; i < qr; i++) {
            for (int k = 0; k < qc; k++) {
                double s = 0;
                for (int m = k; m < qc; m++) {
                    s += b[bOff + i * qc + m] * lc[m * qc + k];
                }
                tmp[i * qc + k] = s;
            }
        }
        // out = λr' tmp (λr' upper: row i of the product uses rows i.. of tmp)
        for (int i = 0; i < qr; i++) {
            for (int k = 0; k < qc; k++) {
                double s = 0;
                for (int m = i; m < qr; m++) {
                    s += lr[m * qr + i] * tmp[m * qc + k];
                }
                out[outOff + i * qc + k] = s;
            }
        }
    }

    /** The lower Cholesky factor L of a symmetric matrix (a new array), or null if it is not positive definite. */
    public static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, flat, i * n, n);
        }
        if (!cholesky(flat, 0, n)) {
            return null;
        }
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        }
        return l;
    }

    /**
     * scale · (L L')⁻¹ for the leading p × p part L of a lower-triangular factor stored row-major with
     * row stride {@code stride}: the covariance of estimates whose information matrix L L' is.
     */
    public static double[][] inverseCrossProduct(double[] l, int stride, int p, double scale) {
        double[][] inv = new double[p][p]; // L⁻¹, lower triangular
        for (int c = 0; c < p; c++) {
            inv[c][c] = 1 / l[c * stride + c];
            for (int r = c + 1; r < p; r++) {
                double s = 0;
                for (int t = c; t < r; t++) {
                    s -= l[r * stride + t] * inv[t][c];
                }
                inv[r][c] = s / l[r * stride + r];
            }
        }
        double[][] v = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int t = Math.max(a, b); t < p; t++) {
                    s += inv[t][a] * inv[t][b];
                }
                v[a][b] = scale * s;
            }
        }
        return v;
    }

    /** In-place lower Cholesky of the q × q block at off (upper part zeroed); false if not positive definite. */
    public static boolean cholesky(double[] a, int off, int q) {
        return cholesky(a, off, q, q);
    }

    /** As {@link #cholesky(double[], int, int)} for a block inside a larger row-major array (row stride {@code stride}). */
    public static boolean cholesky(double[] a, int off, int q, int stride) {
        return cholesky(a, off, q, stride, 0);
    }

    /**
     * As {@link #cholesky(double[], int, int, int)}, a pivot at or below {@code relativeTolerance} × its
     * original diagonal entry also counting as singular (for a rank check, not only positive definiteness).
     */
    public static boolean cholesky(double[] a, int off, int q, int stride, double relativeTolerance) {
        for (int j = 0; j < q; j++) {
            int rj = off + j * stride;
            double original = a[rj + j];
            double d = original;
            for (int k = 0; k < j; k++) {
                double v = a[rj + k];
                d -= v * v;
            }
            if (!(d > 0) || (relativeTolerance > 0 && d <= relativeTolerance * original)) {
                return false;
            }
            d = Math.sqrt(d);
            a[rj + j] = d;
            for (int i = j + 1; i < q; i++) {
                int ri = off + i * stride;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s / d;
            }
            for (int i = 0; i < j; i++) {
                a[off + i * stride + j] = 0;
            }
        }
        return true;
    }

    /**
     * B ← B · L⁻ᵀ for a rows × q block B (row stride {@code stride}) and a q × q lower-triangular L:
     * each row x of the result solves L x' = b'.
     */
    public static void solveRightLowerTranspose(double[] b, int bOff, int rows, int stride, double[] l, int lOff, int q) {
        for (int r = 0; r < rows; r++) {
            int row = bOff + r * stride;
            for (int j = 0; j < q; j++) {
                double s = b[row + j];
                for (int k = 0; k < j; k++) {
                    s -= l[lOff + j * q + k] * b[row + k];
                }
                b[row + j] = s / l[lOff + j * q + j];
            }
        }
    }

    /**
     * out ← B · Lᵀ for a rows × q block B (row-major, stride q) and a q × q lower-triangular L: each
     * row of out is L x for the row x of B (u = Λb level by level). out must not be b.
     */
    public static void multiplyRightLowerTranspose(double[] b, int rows, double[] l, int q, double[] out) {
        for (int r = 0; r < rows; r++) {
            int base = r * q;
            for (int a = 0; a < q; a++) {
                double s = 0;
                for (int t = 0; t <= a; t++) {
                    s += l[a * q + t] * b[base + t];
                }
                out[base + a] = s;
            }
        }
    }

    /** Solves L x = b in place for a q × q lower-triangular L (forward substitution). */
    public static void solveLower(double[] l, int lOff, int q, double[] x, int xOff) {
        solveRightLowerTranspose(x, xOff, 1, q, l, lOff, q); // a single row x' solving L x = b
    }

    /** Solves L' x = b in place for a q × q lower-triangular L (back substitution). */
    public static void solveLowerTranspose(double[] l, int lOff, int q, double[] x, int xOff) {
        for (int j = q - 1; j >= 0; j--) {
            double s = x[xOff + j];
            for (int k = j + 1; k < q; k++) {
                s -= l[lOff + k * q + j] * x[xOff + k];
            }
            x[xOff + j] = s / l[lOff + j * q + j];
        }
    }
}
