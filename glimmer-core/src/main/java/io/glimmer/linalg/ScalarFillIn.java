package io.glimmer.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The fill-in D ← D − S S' (lower triangle) of a block-sparse S with 1 × 1 blocks, the dominant step
 * of the factorisation for two crossed random intercepts (S = L₂₁, D the second term's dense block).
 * <p>
 * Rows of D are cut into bands of about equal work, few enough rows each that the band stays in L2
 * cache; a band walks S column by column and, for each stored entry (i, c) with i in the band,
 * subtracts S[i, c] S[j, c] from D[i, j] for the entries j ≤ i of column c. Rows sorted within a
 * column make a band's entries of a column one contiguous run, found once when the pattern is
 * given. Bands are independent and run over {@link Parallel}; each entry of D still receives its
 * terms in column order with the same products, so the result equals the plain column-by-column loop
 * bit for bit, whatever the number of threads.
 */
public final class ScalarFillIn {
    /** Below this many multiply-adds the update runs on the calling thread alone. */
    private static final long PARALLEL_WORK = 200_000;
    /** Bands per thread at least: enough for dynamic claiming to even out a busy helper. */
    private static final int BANDS_PER_THREAD = 4;
    /** Bytes of D per band at most (a share of L2). */
    private static final long BAND_BYTES = 256 * 1024;

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
        int bands = 1;
        if (total >= PARALLEL_WORK) {
            long bytes = 8L * rows * rows;
            bands = (int) Math.min(rows, Math.max((long) Parallel.threads() * BANDS_PER_THREAD, (bytes + BAND_BYTES - 1) / BAND_BYTES));
        }
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
            for (int x = from[c]; x < to[c]; x++) {
                double vx = v[x];
                int base = rowIndex[x] * stride;
                for (int y = start; y <= x; y++) {
                    dv[base + rowIndex[y]] -= vx * v[y];
                }
            }
        }
    }
}
