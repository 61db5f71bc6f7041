package io.glimmer.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * A sparse matrix of dense {@code qr × qc} blocks in compressed-column form at the level of blocks.
 * Z_i'Z_j of two crossed or nested random-effects terms has this shape: block (r, c) is non-zero
 * when some observation has level r of term i and level c of term j. The pattern is fixed once;
 * values are rewritten in place by each factorisation.
 */
public final class BlockSparse {
    private final int blockRows;
    private final int blockCols;
    private final int qr;
    private final int qc;
    private final int[] colStart;
    private final int[] rowIndex;
    private final double[] values;

    public BlockSparse(int blockRows, int blockCols, int qr, int qc, int[] colStart, int[] rowIndex, double[] values) {
        if (colStart.length != blockCols + 1 || values.length != rowIndex.length * qr * qc) {
            throw new IllegalArgumentException("inconsistent block-sparse structure");
        }
        this.blockRows = blockRows;
        this.blockCols = blockCols;
        this.qr = qr;
        this.qc = qc;
        this.colStart = colStart;
        this.rowIndex = rowIndex;
        this.values = values;
    }

    public int blockRows() {
        return blockRows;
    }

    public int blockCols() {
        return blockCols;
    }

    public int qr() {
        return qr;
    }

    public int qc() {
        return qc;
    }

    /** Index into {@link #rowIndex()} of the first stored block of block-column c. */
    public int[] colStart() {
        return colStart;
    }

    public int[] rowIndex() {
        return rowIndex;
    }

    /** Block k (k-th stored) starts at k·qr·qc, row-major. */
    public double[] values() {
        return values;
    }

    public int storedBlocks() {
        return rowIndex.length;
    }

    /** A copy sharing the (immutable) pattern, with its own values. */
    public BlockSparse copy() {
        return new BlockSparse(blockRows, blockCols, qr, qc, colStart, rowIndex, values.clone());
    }

    /** Fraction of blocks that are stored: near 1 means a dense representation would be as cheap. */
    public double density() {
        return rowIndex.length / Math.max(1.0, (double) blockRows * blockCols);
    }

    /** D ← D − S_i S_j' for two block-sparse matrices with the same block columns (dense D). */
    public static void subtractProduct(BlockSparse si, BlockSparse sj, DMatrixRMaj d) {
        subtract(si, sj, d, false);
    }

    /**
     * D ← D − S S' on the block lower triangle of a dense D (blocks on and below the diagonal; the
     * blocks above are left as they were): half the work of {@link #subtractProduct}, and all that a
     * Cholesky factorisation reads. Each entry gets the same sum, in the same order.
     */
    public static void subtractLowerProduct(BlockSparse s, DMatrixRMaj d) {
        subtract(s, s, d, true);
    }

    /** D ← D − S_i S_j', of every pair of stored blocks in a block column or (lower) of those with y ≤ x. */
    private static void subtract(BlockSparse si, BlockSparse sj, DMatrixRMaj d, boolean lower) {
        if (si.qr == 1 && sj.qr == 1 && si.qc == 1) {
            subtractScalars(si, sj, d, lower);
            return;
        }
        int qi = si.qr;
        int qj = sj.qr;
        int qc = si.qc;
        int stride = d.numCols;
        double[] dv = d.data;
        for (int c = 0; c < si.blockCols; c++) {
            for (int x = si.colStart[c]; x < si.colStart[c + 1]; x++) {
                int rowBase = si.rowIndex[x] * qi;
                int xo = x * qi * qc;
                int yEnd = lower ? x + 1 : sj.colStart[c + 1];
                for (int y = sj.colStart[c]; y < yEnd; y++) {
                    int colBase = sj.rowIndex[y] * qj;
                    int yo = y * qj * qc;
                    for (int a = 0; a < qi; a++) {
                        for (int b = 0; b < qj; b++) {
                            double s = 0;
                            for (int t = 0; t < qc; t++) {
                                s += si.values[xo + a * qc + t] * sj.values[yo + b * qc + t];
                            }
                            dv[(rowBase + a) * stride + colBase + b] -= s;
                        }
                    }
                }
            }
        }
    }

    /** {@link #subtract} for 1 × 1 blocks: the same sums without the block loops (rows are sorted within a column). */
    private static void subtractScalars(BlockSparse si, BlockSparse sj, DMatrixRMaj d, boolean lower) {
        int stride = d.numCols;
        double[] dv = d.data;
        for (int c = 0; c < si.blockCols; c++) {
            int yStart = sj.colStart[c];
            for (int x = si.colStart[c]; x < si.colStart[c + 1]; x++) {
                double vx = si.values[x];
                int base = si.rowIndex[x] * stride;
                int yEnd = lower ? x + 1 : sj.colStart[c + 1];
                for (int y = yStart; y < yEnd; y++) {
                    dv[base + sj.rowIndex[y]] -= vx * sj.values[y];
                }
            }
        }
    }

    /** M ← M − D S' for a dense D whose columns are S's block columns (M: D's rows × S's rows). */
    public static void subtractDenseProduct(DMatrixRMaj dense, BlockSparse s, DMatrixRMaj m) {
        if (s.qr == 1 && s.qc == 1) {
            // the same products without the block loops, a row of M at a time (long inner runs);
            // each entry still takes its terms in column order
            for (int r = 0; r < dense.numRows; r++) {
                int mo = r * m.numCols;
                int dOff = r * dense.numCols;
                for (int c = 0; c < s.blockCols; c++) {
                    double dc = dense.data[dOff + c];
                    for (int p = s.colStart[c]; p < s.colStart[c + 1]; p++) {
                        m.data[mo + s.rowIndex[p]] -= dc * s.values[p];
                    }
                }
            }
            return;
        }
        int qr = s.qr;
        int qc = s.qc;
        int dCols = dense.numCols;
        int mCols = m.numCols;
        for (int c = 0; c < s.blockCols; c++) {
            for (int p = s.colStart[c]; p < s.colStart[c + 1]; p++) {
                int rowBase = s.rowIndex[p] * qr;
                int po = p * qr * qc;
                for (int r = 0; r < dense.numRows; r++) {
                    int dOff = r * dCols + c * qc;
                    for (int a = 0; a < qr; a++) {
                        double v = 0;
                        for (int t = 0; t < qc; t++) {
                            v += dense.data[dOff + t] * s.values[po + a * qc + t];
                        }
                        m.data[r * mCols + rowBase + a] -= v;
                    }
                }
            }
        }
    }

    /** b ← b − S' x (x indexed by S's rows, b by its columns). */
    public static void subtractTransposeTimes(BlockSparse s, double[] x, double[] b) {
        if (s.qr == 1 && s.qc == 1) { // the same differences in the same order, without the block loops
            for (int c = 0; c < s.blockCols; c++) {
                double bc = b[c];
                for (int p = s.colStart[c]; p < s.colStart[c + 1]; p++) {
                    bc -= s.values[p] * x[s.rowIndex[p]];
                }
                b[c] = bc;
            }
            return;
        }
        int qr = s.qr;
        int qc = s.qc;
        for (int c = 0; c < s.blockCols; c++) {
            for (int p = s.colStart[c]; p < s.colStart[c + 1]; p++) {
                int rowBase = s.rowIndex[p] * qr;
                int po = p * qr * qc;
                for (int t = 0; t < qc; t++) {
                    double v = 0;
                    for (int a = 0; a < qr; a++) {
                        v += s.values[po + a * qc + t] * x[rowBase + a];
                    }
                    b[c * qc + t] -= v;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "BlockSparse[" + blockRows + "x" + blockCols + " blocks of " + qr + "x" + qc + ", stored " + rowIndex.length
                + ", cols " + Arrays.toString(Arrays.copyOf(colStart, Math.min(colStart.length, 6))) + "...]";
    }
}
