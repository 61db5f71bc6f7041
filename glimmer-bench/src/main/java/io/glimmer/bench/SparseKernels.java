package io.glimmer.bench;

import io.glimmer.linalg.BlockSparse;

import org.ejml.data.DMatrixRMaj;

/**
 * A candidate for core's {@code BlockSparse.subtractProduct(s, s, d)} when the blocks are scalars
 * (q = 1, every random intercept): D ← D − S S', writing the lower triangle only (all that the
 * Cholesky factorisation that follows reads), with no inner loops over q.
 */
public final class SparseKernels {
    private SparseKernels() {
    }

    /** Lower triangle of D ← D − S S' for a block-sparse S of 1 × 1 blocks whose row indices are sorted within each column. */
    public static void subtractSelfProductScalarLower(BlockSparse s, DMatrixRMaj d) {
        if (s.qr() != 1 || s.qc() != 1) {
            throw new IllegalArgumentException("scalar blocks only");
        }
        int[] colStart = s.colStart();
        int[] rowIndex = s.rowIndex();
        double[] v = s.values();
        double[] dv = d.data;
        int stride = d.numCols;
        for (int c = 0; c < s.blockCols(); c++) {
            int end = colStart[c + 1];
            for (int x = colStart[c]; x < end; x++) {
                double vx = v[x];
                int row = rowIndex[x] * stride;
                for (int y = colStart[c]; y <= x; y++) {
                    dv[row + rowIndex[y]] -= vx * v[y];
                }
            }
        }
    }
}
