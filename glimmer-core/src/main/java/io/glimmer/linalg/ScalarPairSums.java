package io.glimmer.linalg;

/**
 * Z_i'WZ_j for two scalar terms (q = 1), summed stored block by stored block instead of row by row.
 * The row-by-row pass adds each row into a random slot of an array of one value per observed pair of
 * levels (about as many as rows for crossed factors), in every row chunk's own copy, which are then
 * merged: cache misses and a merge. Here the rows are listed once grouped by slot (rows ascending
 * within a slot), and each slot's value is built in a register, reading rows in the same order and
 * grouping them by the same fixed row chunks: the chunk's sum from 0 in row order, the chunks' sums
 * added in chunk order. That is the arithmetic of the chunked pass exactly, so the sums are equal bit
 * for bit. Slots are independent and are spread over {@link Parallel} in fixed ranges.
 */
final class ScalarPairSums {
    /** Slots per parallel range (of the order below). */
    private static final int SLICE = 8192;

    private final double[] zi;
    private final double[] zj;
    /** Both terms' z are all 1: the term (w z_i) z_j is w exactly. */
    private final boolean unit;
    /**
     * Slots in order of their first row: slot[k]'s rows are rows[start[k] .. start[k + 1]), ascending.
     * Most slots of crossed factors hold one or two rows, so in this order the rows' weights are read
     * nearly in sequence (the writes, one per slot, land apart instead).
     */
    private final int[] slot;
    private final int[] start;
    private final int[] rows;

    ScalarPairSums(GroupedColumns ti, GroupedColumns tj, int[] slotOfRow, int slots) {
        if (ti.q() != 1 || tj.q() != 1) {
            throw new IllegalArgumentException("scalar terms only");
        }
        zi = ti.z();
        zj = tj.z();
        unit = allOnes(zi) && allOnes(zj);
        int n = slotOfRow.length;
        int[] count = new int[slots];
        for (int s : slotOfRow) {
            count[s]++;
        }
        int[] position = new int[slots]; // slot → its place in the order, by first row; unused slots last
        java.util.Arrays.fill(position, -1);
        slot = new int[slots];
        int k = 0;
        for (int r = 0; r < n; r++) {
            int s = slotOfRow[r];
            if (position[s] < 0) {
                position[s] = k;
                slot[k++] = s;
            }
        }
        for (int s = 0; s < slots; s++) {
            if (position[s] < 0) {
                position[s] = k;
                slot[k++] = s;
            }
        }
        start = new int[slots + 1];
        for (int i = 0; i < slots; i++) {
            start[i + 1] = start[i] + count[slot[i]];
        }
        rows = new int[n];
        int[] next = java.util.Arrays.copyOf(start, slots);
        for (int r = 0; r < n; r++) {
            rows[next[position[slotOfRow[r]]]++] = r;
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
        int slots = slot.length;
        int slices = (slots + SLICE - 1) / SLICE;
        Parallel.forEach(slices, j -> sum(weights, bounds, out, j * SLICE, Math.min(slots, (j + 1) * SLICE)));
    }

    private void sum(double[] weights, int[] bounds, double[] out, int k0, int k1) {
        for (int i = k0; i < k1; i++) {
            double total = 0;
            double chunk = 0;
            int c = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
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
            out[slot[i]] = total + chunk;
        }
    }
}
