package io.glimmer.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The lower Cholesky factor L of the penalised system
 * <pre>
 *   [ Λ'Z'WZΛ + I   Λ'Z'WF ]
 *   [ F'WZΛ         F'WF   ]   = L L'
 * </pre>
 * kept in blocks that follow the random-effects terms: the first term's diagonal block stays
 * block-diagonal (one small Cholesky per level), its column below is block-sparse with the pattern
 * of Z_i'Z_1, and only blocks that fill in are dense. The workspace is allocated once and refilled
 * by every {@link #factor}, so an evaluation of the objective never touches the rows.
 */
public final class BlockedCholesky {
    private final CrossProducts a;
    private final int k;
    private final int width;
    private final BlockDiagonal first;
    private final BlockSparse[] firstColumn;       // [i], i ≥ 1: L_i1
    private final ScalarFillIn[] fillIn;          // [i], i ≥ 1: L_i1 L_i1' when its blocks are 1 × 1, else null
    private final DMatrixRMaj[] diagonal;         // [j], j ≥ 1: L_jj (dense)
    private final DMatrixRMaj[][] between;        // [i][j], i > j ≥ 1: L_ij (dense)
    private final DMatrixRMaj[] lastRow;          // [j]: L_Fj (width × columns of term j)
    private final DMatrixRMaj last;               // L_FF (width × width)
    private final double[] tmp;
    private final double[] tmp2;
    private final DenseCholesky dense = new DenseCholesky();

    public BlockedCholesky(CrossProducts a) {
        this.a = a;
        this.k = a.termCount();
        this.width = a.width();
        first = k > 0 ? a.diagonal(0).copy() : null;
        firstColumn = new BlockSparse[k];
        fillIn = new ScalarFillIn[k];
        diagonal = new DMatrixRMaj[k];
        between = new DMatrixRMaj[k][];
        lastRow = new DMatrixRMaj[k];
        int maxQ = 1;
        for (int i = 0; i < k; i++) {
            maxQ = Math.max(maxQ, a.term(i).q());
            if (i >= 1) {
                firstColumn[i] = a.offDiagonal(i, 0).copy();
                if (firstColumn[i].qr() == 1 && firstColumn[i].qc() == 1) {
                    fillIn[i] = new ScalarFillIn(firstColumn[i]);
                }
                diagonal[i] = new DMatrixRMaj(a.term(i).columns(), a.term(i).columns());
                between[i] = new DMatrixRMaj[i];
                for (int j = 1; j < i; j++) {
                    between[i][j] = new DMatrixRMaj(a.term(i).columns(), a.term(j).columns());
                }
            }
            lastRow[i] = new DMatrixRMaj(width, a.term(i).columns());
        }
        last = new DMatrixRMaj(width, width);
        tmp = new double[maxQ * maxQ];
        tmp2 = new double[maxQ * maxQ];
    }

    public CrossProducts crossProducts() {
        return a;
    }

    /**
     * Factors the system for relative covariance factors λ_k (q_k × q_k lower triangular, row-major).
     *
     * @return false when a pivot is not positive (the system is numerically singular)
     */
    public boolean factor(double[][] lambda) {
        if (!factorRandom(lambda)) {
            return false;
        }
        last.setTo(a.denseDiagonal());
        for (int j = 0; j < k; j++) {
            subtractSquare(last, lastRow[j]);
        }
        int p = width - 1;
        if (!dense.factor(last.data, 0, p, width)) {
            return false;
        }
        factorResponseRow(p);
        return true;
    }

    /** The random-effects blocks and L_FZ; false when a pivot of the random-effects blocks is not positive. */
    private boolean factorRandom(double[][] lambda) {
        if (k > 0 && !factorFirstColumn(lambda)) {
            return false;
        }
        for (int j = 1; j < k; j++) {
            if (!factorColumn(j, lambda)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last row of L_FF, the response's: its entries solve against the leading p × p factor, and
     * its pivot is the penalised weighted residual, sqrt(r²). With the observed information as
     * weights (a GLMM's conditional density) some weights are negative and r² may be too, though
     * the random-effects and fixed-effects blocks are positive definite; r² then has no meaning and
     * nothing reads it (only the linear model's profiled deviance does, whose weights are positive),
     * so the pivot is left NaN rather than failing the factorisation.
     */
    private void factorResponseRow(int p) {
        double[] l = last.data;
        int row = p * width;
        for (int j = 0; j < p; j++) {
            double s = l[row + j];
            for (int c = 0; c < j; c++) {
                s -= l[row + c] * l[j * width + c];
            }
            l[row + j] = s / l[j * width + j];
            l[j * width + p] = 0;
        }
        double d = l[row + p];
        for (int c = 0; c < p; c++) {
            d -= l[row + c] * l[row + c];
        }
        l[row + p] = d > 0 ? Math.sqrt(d) : Double.NaN;
    }

    private boolean factorFirstColumn(double[][] lambda) {
        GroupedColumns t0 = a.term(0);
        int q0 = t0.q();
        double[] l0 = lambda[0];
        double[] src = a.diagonal(0).values();
        double[] dst = first.values();
        if (q0 == 1 && !factorScalarFirstColumn(lambda)) {
            return false;
        }
        for (int level = 0; q0 > 1 && level < t0.levels(); level++) {
            int off = level * q0 * q0;
            SmallBlocks.scale(l0, q0, src, off, l0, q0, dst, off, tmp);
            for (int d = 0; d < q0; d++) {
                dst[off + d * q0 + d] += 1;
            }
            if (!SmallBlocks.cholesky(dst, off, q0)) {
                return false;
            }
        }
        for (int i = 1; i < k; i++) {
            BlockSparse srcBlocks = a.offDiagonal(i, 0);
            BlockSparse out = firstColumn[i];
            int qi = out.qr();
            if (q0 == 1 && qi == 1) {
                continue; // done by factorScalarFirstColumn
            }
            int size = qi * q0;
            for (int c = 0; c < out.blockCols(); c++) {
                for (int s = out.colStart()[c]; s < out.colStart()[c + 1]; s++) {
                    SmallBlocks.scale(lambda[i], qi, srcBlocks.values(), s * size, l0, q0, out.values(), s * size, tmp);
                    SmallBlocks.solveRightLowerTranspose(out.values(), s * size, qi, q0, dst, c * q0 * q0, q0);
                }
            }
        }
        DMatrixRMaj row = lastRow[0];
        row.setTo(a.denseByTerm(0));
        rightMultiplyLambda(row, l0, q0);
        int cols = t0.columns();
        for (int level = 0; level < t0.levels(); level++) {
            SmallBlocks.solveRightLowerTranspose(row.data, level * q0, width, cols, dst, level * q0 * q0, q0);
        }
        return true;
    }

    /**
     * The first term's blocks when it is scalar (q = 1), and those of the scalar later terms below
     * it: the arithmetic of {@link SmallBlocks#scale}, {@link SmallBlocks#cholesky} and
     * {@link SmallBlocks#solveRightLowerTranspose} for 1 × 1 blocks, without their loops.
     */
    private boolean factorScalarFirstColumn(double[][] lambda) {
        double l0 = lambda[0][0];
        double[] src = a.diagonal(0).values();
        double[] dst = first.values();
        for (int level = 0; level < dst.length; level++) {
            double d = l0 * (src[level] * l0) + 1;
            if (!(d > 0)) {
                return false;
            }
            dst[level] = Math.sqrt(d);
        }
        for (int i = 1; i < k; i++) {
            BlockSparse out = firstColumn[i];
            if (out.qr() != 1) {
                continue;
            }
            double li = lambda[i][0];
            double[] sv = a.offDiagonal(i, 0).values();
            double[] ov = out.values();
            int[] colStart = out.colStart();
            for (int c = 0; c < out.blockCols(); c++) {
                double d = dst[c];
                for (int s = colStart[c]; s < colStart[c + 1]; s++) {
                    ov[s] = li * (sv[s] * l0) / d;
                }
            }
        }
        return true;
    }

    private boolean factorColumn(int j, double[][] lambda) {
        GroupedColumns tj = a.term(j);
        int qj = tj.q();
        DMatrixRMaj d = diagonal[j];
        d.zero();
        int n = tj.columns();
        double[] src = a.diagonal(j).values();
        for (int level = 0; level < tj.levels(); level++) {
            SmallBlocks.scale(lambda[j], qj, src, level * qj * qj, lambda[j], qj, tmp2, 0, tmp);
            int base = level * qj;
            for (int r = 0; r < qj; r++) {
                for (int c = 0; c < qj; c++) {
                    d.data[(base + r) * n + base + c] = tmp2[r * qj + c];
                }
                d.data[(base + r) * n + base + r] += 1;
            }
        }
        if (fillIn[j] != null) {
            fillIn[j].subtract(firstColumn[j], d);
        } else {
            BlockSparse.subtractLowerProduct(firstColumn[j], d);
        }
        for (int m = 1; m < j; m++) {
            subtractSquare(d, between[j][m]);
        }
        if (!dense.factor(d.data, 0, n, n)) {
            return false;
        }
        for (int i = j + 1; i < k; i++) {
            DMatrixRMaj out = between[i][j];
            scatterScaled(a.offDiagonal(i, j), lambda[i], lambda[j], out);
            BlockSparse.subtractProduct(firstColumn[i], firstColumn[j], out);
            for (int m = 1; m < j; m++) {
                CommonOps_DDRM.multAddTransB(-1, between[i][m], between[j][m], out);
            }
            solveRight(out, d);
        }
        DMatrixRMaj row = lastRow[j];
        row.setTo(a.denseByTerm(j));
        rightMultiplyLambda(row, lambda[j], qj);
        BlockSparse.subtractDenseProduct(lastRow[0], firstColumn[j], row);
        for (int m = 1; m < j; m++) {
            CommonOps_DDRM.multAddTransB(-1, lastRow[m], between[j][m], row);
        }
        solveRight(row, d);
        return true;
    }

    /** B ← B L⁻ᵀ for a dense lower-triangular L: the blocked kernel once L is large. */
    private void solveRight(DMatrixRMaj b, DMatrixRMaj l) {
        int n = l.numRows;
        if (n > DenseCholesky.BLOCK) {
            dense.solveRightLowerTranspose(b.data, 0, b.numRows, n, l.data, 0, n, n);
        } else {
            SmallBlocks.solveRightLowerTranspose(b.data, 0, b.numRows, n, l.data, 0, n);
        }
    }

    /** D ← D − B B' (lower triangle at least: all that the factorisation of D reads). */
    private void subtractSquare(DMatrixRMaj d, DMatrixRMaj b) {
        if (d.numRows > DenseCholesky.BLOCK) {
            dense.subtractLowerProduct(d.data, d.numRows, b.data, b.numCols);
        } else {
            CommonOps_DDRM.multAddTransB(-1, b, b, d);
        }
    }

    /** Writes λ_i' B λ_j for every stored block of a block-sparse matrix into a zeroed dense one. */
    private void scatterScaled(BlockSparse s, double[] li, double[] lj, DMatrixRMaj out) {
        out.zero();
        int qi = s.qr();
        int qj = s.qc();
        int size = qi * qj;
        double[] block = tmp2;
        for (int c = 0; c < s.blockCols(); c++) {
            for (int p = s.colStart()[c]; p < s.colStart()[c + 1]; p++) {
                SmallBlocks.scale(li, qi, s.values(), p * size, lj, qj, block, 0, tmp);
                int r = s.rowIndex()[p];
                for (int x = 0; x < qi; x++) {
                    for (int y = 0; y < qj; y++) {
                        out.data[(r * qi + x) * out.numCols + c * qj + y] = block[x * qj + y];
                    }
                }
            }
        }
    }

    /** M ← M · blockdiag(λ) for column groups of width q. */
    private static void rightMultiplyLambda(DMatrixRMaj m, double[] lambda, int q) {
        double[] row = new double[q];
        int groups = m.numCols / q;
        for (int r = 0; r < m.numRows; r++) {
            for (int g = 0; g < groups; g++) {
                int off = r * m.numCols + g * q;
                for (int c = 0; c < q; c++) {
                    double s = 0;
                    for (int t = c; t < q; t++) {
                        s += m.data[off + t] * lambda[t * q + c];
                    }
                    row[c] = s;
                }
                System.arraycopy(row, 0, m.data, off, q);
            }
        }
    }

    /** 2 Σ log diag over the random-effects blocks: log det(Λ'Z'WZΛ + I). */
    public double logDetRandom() {
        double s = 0;
        if (k > 0) {
            int q0 = first.q();
            double[] v = first.values();
            for (int level = 0; level < first.count(); level++) {
                for (int d = 0; d < q0; d++) {
                    s += Math.log(v[level * q0 * q0 + d * q0 + d]);
                }
            }
        }
        for (int j = 1; j < k; j++) {
            DMatrixRMaj d = diagonal[j];
            for (int i = 0; i < d.numRows; i++) {
                s += Math.log(d.data[i * d.numCols + i]);
            }
        }
        return 2 * s;
    }

    /** 2 Σ log diag of the first {@code p} rows of the dense block L_FF. */
    public double logDetDense(int p) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            s += Math.log(last.get(i, i));
        }
        return 2 * s;
    }

    /**
     * (L_X L_X')⁻¹ · scale for the leading p × p part L_X of the dense factor: the covariance of the
     * fixed-effect estimates (scale σ² for a linear model, the dispersion for a GLMM).
     */
    public double[][] fixedEffectsCovariance(int p, double scale) {
        return SmallBlocks.inverseCrossProduct(last.data, width, p, scale);
    }

    /** L_FF, the factor of the dense block (read-only view). */
    public DMatrixRMaj denseFactor() {
        return last;
    }

    /**
     * Back-substitution with the last dense column taken as the right-hand side: solves for the
     * first {@code width − 1} dense coefficients (β) and the spherical random effects of each term.
     *
     * @param beta      receives width − 1 coefficients
     * @param spherical receives, per term, its levels·q spherical effects
     */
    public void solve(double[] beta, double[][] spherical) {
        int p = width - 1;
        for (int i = 0; i < p; i++) {
            beta[i] = last.get(p, i);
        }
        solveUpperDense(last.data, width, p, beta);
        for (int j = 0; j < k; j++) {
            double[] b = spherical[j];
            DMatrixRMaj row = lastRow[j];
            int n = row.numCols;
            for (int c = 0; c < n; c++) {
                double s = row.data[p * n + c];
                for (int i = 0; i < p; i++) {
                    s -= row.data[i * n + c] * beta[i];
                }
                b[c] = s;
            }
        }
        solveRandomTranspose(spherical);
    }

    /**
     * Solves L_Z' x = x in place, L_Z the random-effects part of the factor (x per term, its
     * levels·q values): with x standard normal, L_Z'⁻¹ x is a draw from N(0, (Λ'Z'WZΛ + I)⁻¹),
     * the Laplace approximation's Gaussian around the modes.
     */
    public void solveRandomTranspose(double[][] x) {
        for (int j = k - 1; j >= 0; j--) {
            double[] b = x[j];
            int n = a.term(j).columns();
            for (int i = j + 1; i < k; i++) {
                if (j == 0) {
                    BlockSparse.subtractTransposeTimes(firstColumn[i], x[i], b);
                } else {
                    DMatrixRMaj m = between[i][j];
                    for (int r = 0; r < m.numRows; r++) {
                        double bi = x[i][r];
                        for (int c = 0; c < n; c++) {
                            b[c] -= m.data[r * n + c] * bi;
                        }
                    }
                }
            }
            if (j == 0) {
                int q0 = first.q();
                for (int level = 0; level < first.count(); level++) {
                    SmallBlocks.solveLowerTranspose(first.values(), level * q0 * q0, q0, b, level * q0);
                }
            } else {
                solveUpperDense(diagonal[j].data, n, n, b);
            }
        }
    }

    /** Solves L' x = x for the leading size × size part of a lower-triangular matrix with row stride. */
    private static void solveUpperDense(double[] l, int stride, int size, double[] x) {
        for (int j = size - 1; j >= 0; j--) {
            double s = x[j];
            for (int t = j + 1; t < size; t++) {
                s -= l[t * stride + j] * x[t];
            }
            x[j] = s / l[j * stride + j];
        }
    }

    /** The diagonal block of term j ≥ 1 (dense), or null for the first term. */
    DMatrixRMaj diagonalBlock(int j) {
        return diagonal[j];
    }

    /** L_i1, the block-sparse part of term i ≥ 1 in the first term's columns. */
    BlockSparse firstColumn(int i) {
        return firstColumn[i];
    }

    /** L_ij (dense) for i > j ≥ 1. */
    DMatrixRMaj betweenBlock(int i, int j) {
        return between[i][j];
    }

    /** The first term's block-diagonal factor. */
    public BlockDiagonal firstBlock() {
        return first;
    }

    @Override
    public String toString() {
        return "BlockedCholesky[terms=" + k + ", width=" + width + ", first=" + (first == null ? "-" : first.count() + "x" + first.q())
                + ", dense=" + Arrays.toString(Arrays.stream(diagonal).mapToInt(m -> m == null ? 0 : m.numRows).toArray()) + "]";
    }
}
