package io.glimmer.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The fill-in D ← D − S S' (lower triangle) of a block-sparse S with 1 × 1 blocks, the dominant step
 * of the factorisation for two crossed random intercepts (S = L₂₁, D the second term's dense block).
 * <p>
 * Rows of D are cut into one band of about equal work per thread; a band walks S column by column
 * and, for each stored entry (i, c) with i in the band, subtracts S[i, c] S[j, c] from D[i, j] for
 * the entries j ≤ i of column c. (Narrower bands, to keep D's rows in L2, measured slower: they cut
 * the runs of a column that {@link #band} takes four at a time.) Rows sorted within a
 * column make a band's entries of a column one contiguous run, found once when the pattern is
 * given. Bands are independent and run over {@link Parallel}; each entry of D still receives its
 * terms in column order with the same products, so the result equals the plain column-by-column loop
 * bit for bit, whatever the number of threads.
 */
public final class ScalarFillIn {
    /** Below this many multiply-adds the update runs on the calling thread alone. */
    private static final long PARALLEL_WORK = 200_000;

    private final int columns;
    /** bandFirst[b][c]: the first stored index of column c with a row in band b or later (b = bands: the column end). */
    private final int[][] bandFirst;

    public ScalarFillIn(BlockSparse s) {
        if (s.qr() != 1 || s.qc() != 1) {
            throw new IllegalArgumentException("scalar blocks only");
        }
        int rows = s.blockRows();
        columns = s.blockCols();
        int[] colStart = s.colStart();
        int[] rowIndex = s.rowIndex();
        long[] work = new long[rows];
        long total = 0;
        for (int c = 0; c < columns; c++) {
            for (int x = colStart[c]; x < colStart[c + 1]; x++) {
                work[rowIndex[x]] += x - colStart[c] + 1;
                total += x - colStart[c] + 1;
            }
        }
        int bands = total < PARALLEL_WORK ? 1 : Math.max(1, Math.min(rows, Parallel.threads()));
        int[] bandStart = new int[bands + 1]; // row boundaries
        long acc = 0;
        int b = 1;
        for (int i = 0; i < rows && b < bands; i++) {
            acc += work[i];
            if (acc * bands >= total * b) {
                bandStart[b++] = i + 1;
            }
        }
        while (b <= bands) {
            bandStart[b++] = rows;
        }
        bandFirst = new int[bands + 1][columns];
        for (int c = 0; c < columns; c++) {
            int x = colStart[c];
            for (b = 0; b <= bands; b++) {
                while (x < colStart[c + 1] && rowIndex[x] < bandStart[b]) {
                    x++;
                }
                bandFirst[b][c] = x;
            }
        }
    }

    /** D ← D − S S' on and below the diagonal of D (rows × rows of S); S must have the pattern given when built. */
    public void subtract(BlockSparse s, DMatrixRMaj d) {
        int bands = bandFirst.length - 1;
        if (bands == 1) {
            band(s, d, 0);
            return;
        }
        // last bands first: their rows are longest, so dynamic claiming balances well
        Parallel.forEach(bands, i -> band(s, d, bands - 1 - i));
    }

    /**
     * Band b, four rows of a column at a time: each (row, value) of S read for the shared part of
     * their updates serves four rows of D (measured about a third less CPU than one at a time).
     * Within a column each entry of D gets one term, so the grouping leaves every sum as it was.
     */
    private void band(BlockSparse s, DMatrixRMaj d, int b) {
        double[] v = s.values();
        int[] rowIndex = s.rowIndex();
        int[] colStart = s.colStart();
        int[] from = bandFirst[b];
        int[] to = bandFirst[b + 1];
        double[] dv = d.data;
        int stride = d.numCols;
        for (int c = 0; c < columns; c++) {
            int start = colStart[c];
            int end = to[c];
            int x = from[c];
            for (; x + 3 < end; x += 4) {
                double v0 = v[x];
                double v1 = v[x + 1];
                double v2 = v[x + 2];
                double v3 = v[x + 3];
                int b0 = rowIndex[x] * stride;
                int b1 = rowIndex[x + 1] * stride;
                int b2 = rowIndex[x + 2] * stride;
                int b3 = rowIndex[x + 3] * stride;
                for (int y = start; y <= x; y++) {
                    int r = rowIndex[y];
                    double vy = v[y];
                    dv[b0 + r] -= v0 * vy;
                    dv[b1 + r] -= v1 * vy;
                    dv[b2 + r] -= v2 * vy;
                    dv[b3 + r] -= v3 * vy;
                }
                int r1 = rowIndex[x + 1]; // the triangle left over: rows x + 1 .. x + 3 against each other
                int r2 = rowIndex[x + 2];
                int r3 = rowIndex[x + 3];
                dv[b1 + r1] -= v1 * v1;
                dv[b2 + r1] -= v2 * v1;
                dv[b3 + r1] -= v3 * v1;
                dv[b2 + r2] -= v2 * v2;
                dv[b3 + r2] -= v3 * v2;
                dv[b3 + r3] -= v3 * v3;
            }
            for (; x < end; x++) {
                double vx = v[x];
                int base = rowIndex[x] * stride;
                for (int y = start; y <= x; y++) {
                    dv[base + rowIndex[y]] -= vx * v[y];
                }
            }
        }
    }
}
