package io.glimmer.linalg;

/**
 * Z_i'WZ_j for two scalar terms (q = 1), summed stored block by stored block instead of row by row.
 * The row-by-row pass adds each row into a random slot of an array of one value per observed pair of
 * levels (about as many as rows for crossed factors), in every row chunk's own copy, which are then
 * merged: cache misses and a merge. Here the rows are listed once sorted by slot (rows ascending
 * within a slot), and each slot's value is built in a register, reading rows in the same order and
 * grouping them by the same fixed row chunks: the chunk's sum from 0 in row order, the chunks' sums
 * added in chunk order. That is the arithmetic of the chunked pass exactly, so the sums are equal bit
 * for bit. Slots are independent and are spread over {@link Parallel} in fixed ranges.
 */
final class ScalarPairSums {
    /** Slots per parallel range. */
    private static final int SLICE = 8192;

    private final double[] zi;
    private final double[] zj;
    /** Both terms' z are all 1: the term (w z_i) z_j is w exactly. */
    private final boolean unit;
    /** rows[slotStart[s] .. slotStart[s + 1]) are the rows of slot s, ascending. */
    private final int[] slotStart;
    private final int[] rows;

    ScalarPairSums(GroupedColumns ti, GroupedColumns tj, int[] slotOfRow, int slots) {
        if (ti.q() != 1 || tj.q() != 1) {
            throw new IllegalArgumentException("scalar terms only");
        }
        zi = ti.z();
        zj = tj.z();
        unit = allOnes(zi) && allOnes(zj);
        slotStart = new int[slots + 1];
        for (int s : slotOfRow) {
            slotStart[s + 1]++;
        }
        for (int s = 0; s < slots; s++) {
            slotStart[s + 1] += slotStart[s];
        }
        rows = new int[slotOfRow.length];
        int[] next = slotStart.clone();
        for (int r = 0; r < slotOfRow.length; r++) {
            rows[next[slotOfRow[r]]++] = r;
        }
    }

    private static boolean allOnes(double[] z) {
        for (double v : z) {
            if (v != 1.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * out[s] = Σ over chunks c in order of (Σ over the rows of slot s in chunk c, in row order, of
     * (w z_i) z_j), rows of weight 0 skipped; chunk c holds rows [bounds[c], bounds[c + 1]).
     */
    void sum(double[] weights, int[] bounds, double[] out) {
        int slots = slotStart.length - 1;
        int slices = (slots + SLICE - 1) / SLICE;
        Parallel.forEach(slices, i -> sum(weights, bounds, out, i * SLICE, Math.min(slots, (i + 1) * SLICE)));
    }

    private void sum(double[] weights, int[] bounds, double[] out, int s0, int s1) {
        for (int s = s0; s < s1; s++) {
            double total = 0;
            double chunk = 0;
            int c = 0;
            for (int k = slotStart[s]; k < slotStart[s + 1]; k++) {
                int r = rows[k];
                double w = weights == null ? 1.0 : weights[r];
                if (w == 0) {
                    continue;
                }
                if (r >= bounds[c + 1]) { // a later chunk: close this one's sum
                    total += chunk;
                    chunk = 0;
                    while (r >= bounds[c + 1]) {
                        c++;
                    }
                }
                chunk += unit ? w : w * zi[r] * zj[r];
            }
            out[s] = total + chunk;
        }
    }
}
