package io.glimmer.linalg;

import java.util.Arrays;

/**
 * Dense lower Cholesky factorisation and triangular solves for the large dense blocks of
 * {@link BlockedCholesky} (the diagonal blocks of the second and later terms of crossed designs),
 * on row-major arrays. Right-looking by panels of {@link #BLOCK} columns: each panel is copied
 * transposed into separate row arrays so that the bulk of the work, the update of the trailing
 * lower triangle, is an axpy along rows that the JIT vectorises (see {@link LowerUpdate}).
 * Blocks of at most {@link #BLOCK} columns are factored exactly as {@link SmallBlocks#cholesky}.
 * Work on zero entries is skipped, so a block that stays (block-)diagonal, as for nested terms,
 * costs O(n²) rather than O(n³). An instance holds the workspace; it is not thread-safe.
 */
public final class DenseCholesky {
    /** Panel width: 64 columns kept the panel in L2 and measured fastest (48–128 tried, n = 1,100). */
    static final int BLOCK = 64;
    /** Rows of a right-hand side transposed at a time in {@link #solveRightLowerTranspose}. */
    private static final int SOLVE_ROWS = 64;

    private double[][] panel = new double[BLOCK][0];

    /** The workspace rows, each of length at least {@code length}. */
    private double[][] panel(int length) {
        if (panel[0].length < length) {
            panel = new double[BLOCK][Math.max(length, 2 * panel[0].length)];
        }
        return panel;
    }

    /**
     * In-place lower Cholesky of the n × n block at {@code off} (row stride {@code stride}), reading
     * only the lower triangle and zeroing the upper one.
     *
     * @return false if the block is not (numerically) positive definite
     */
    public boolean factor(double[] a, int off, int n, int stride) {
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int w = Math.min(BLOCK, n - j0);
            int diag = off + j0 * stride + j0;
            if (!SmallBlocks.cholesky(a, diag, w, stride)) {
                return false;
            }
            int m = n - j0 - w;
            if (m == 0) {
                break;
            }
            for (int r = 0; r < w; r++) { // the upper triangle right of the diagonal block
                Arrays.fill(a, diag + r * stride + w, diag + r * stride + w + m, 0);
            }
            double[][] p = panel(m);
            int below = diag + w * stride; // first row under the diagonal block, column j0
            transposeIn(a, below, m, w, stride, p);
            solveTransposed(p, m, a, diag, w, stride);
            transposeOut(p, m, w, a, below, stride);
            LowerUpdate.subtract(a, below + w, stride, m, p, w);
        }
        return true;
    }

    /**
     * B ← B · L⁻ᵀ for a rows × n block B (row stride {@code bStride}) and an n × n lower-triangular L
     * (row stride {@code lStride}): each row x of the result solves L x' = b'.
     */
    public void solveRightLowerTranspose(double[] b, int bOff, int rows, int bStride, double[] l, int lOff, int n, int lStride) {
        if (rows == 0 || n == 0) {
            return;
        }
        // The transposed rows are n arrays of SOLVE_ROWS values: axpys along them vectorise.
        double[][] t = new double[n][];
        for (int r0 = 0; r0 < rows; r0 += SOLVE_ROWS) {
            int len = Math.min(SOLVE_ROWS, rows - r0);
            for (int j = 0; j < n; j++) {
                t[j] = t[j] == null || t[j].length < len ? new double[len] : t[j];
            }
            transposeIn(b, bOff + r0 * bStride, len, n, bStride, t);
            solveTransposed(t, len, l, lOff, n, lStride);
            transposeOut(t, len, n, b, bOff + r0 * bStride, bStride);
        }
    }

    /** C ← C − A A' on the lower triangle of the n × n matrix C (stride n), for an n × k matrix A (stride k). */
    public void subtractLowerProduct(double[] c, int n, double[] a, int k) {
        double[][] p = panel(n);
        for (int t0 = 0; t0 < k; t0 += BLOCK) {
            int w = Math.min(BLOCK, k - t0);
            transposeIn(a, t0, n, w, k, p);
            LowerUpdate.subtract(c, 0, n, n, p, w);
        }
    }

    /** p[t][r] = a[off + r·stride + t] for r < rows, t < cols. */
    private static void transposeIn(double[] a, int off, int rows, int cols, int stride, double[][] p) {
        for (int r = 0; r < rows; r++) {
            int ro = off + r * stride;
            for (int t = 0; t < cols; t++) {
                p[t][r] = a[ro + t];
            }
        }
    }

    private static void transposeOut(double[][] p, int rows, int cols, double[] a, int off, int stride) {
        for (int r = 0; r < rows; r++) {
            int ro = off + r * stride;
            for (int t = 0; t < cols; t++) {
                a[ro + t] = p[t][r];
            }
        }
    }

    /**
     * Forward substitution on transposed rows: x_t ← (x_t − Σ_{s<t} L_ts x_s) / L_tt for the
     * w × w lower L at {@code lOff}, each x_t a vector of {@code len} values.
     */
    private static void solveTransposed(double[][] x, int len, double[] l, int lOff, int w, int stride) {
        for (int t = 0; t < w; t++) {
            double[] xt = x[t];
            int lr = lOff + t * stride;
            int s = 0;
            for (; s + 3 < t; s += 4) {
                double l0 = l[lr + s];
                double l1 = l[lr + s + 1];
                double l2 = l[lr + s + 2];
                double l3 = l[lr + s + 3];
                if (l0 != 0 || l1 != 0 || l2 != 0 || l3 != 0) { // L of nested terms is mostly zero
                    LowerUpdate.axpy4(xt, x[s], x[s + 1], x[s + 2], x[s + 3], 0, len, l0, l1, l2, l3);
                }
            }
            for (; s < t; s++) {
                if (l[lr + s] != 0) {
                    LowerUpdate.axpy1(xt, x[s], 0, len, l[lr + s]);
                }
            }
            double d = l[lr + t];
            for (int r = 0; r < len; r++) {
                xt[r] /= d;
            }
        }
    }
}
