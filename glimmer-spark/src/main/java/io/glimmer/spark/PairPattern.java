package io.glimmer.spark;

import io.glimmer.linalg.BlockSparse;

import java.io.Serializable;

/**
 * The level pairs that occur for every pair of random-effects terms (m, j &lt; m), each as sorted keys
 * (j's level · m's levels + m's level, so {@link BlockSparse}'s order: by column level, then row level).
 * Fixed once from the cached blocks; a pair's place in it is its global slot, so a PIRLS pass's pair
 * sums are merged and copied into Z_m'WZ_j by index, with no look-up or sort per pass.
 */
final class PairPattern implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] levels;
    /** [m][j &lt; m]: sorted distinct keys. */
    private final long[][][] keys;

    private PairPattern(int[] levels, long[][][] keys) {
        this.levels = levels;
        this.keys = keys;
    }

    /** No pairs yet: the start of a union over blocks. */
    static PairPattern empty(int[] levels) {
        long[][][] keys = new long[levels.length][][];
        for (int m = 0; m < levels.length; m++) {
            keys[m] = new long[m][];
            for (int j = 0; j < m; j++) {
                keys[m][j] = new long[0];
            }
        }
        return new PairPattern(levels.clone(), keys);
    }

    /** This pattern joined with a block's pairs (each sorted, as {@link GlmmBlock#pairKeys} are). */
    PairPattern with(long[][][] blockKeys) {
        long[][][] joined = new long[keys.length][][];
        for (int m = 0; m < keys.length; m++) {
            joined[m] = new long[m][];
            for (int j = 0; j < m; j++) {
                joined[m][j] = union(keys[m][j], blockKeys[m][j]);
            }
        }
        return new PairPattern(levels, joined);
    }

    PairPattern with(PairPattern other) {
        return with(other.keys);
    }

    private static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int k = 0;
        int n = 0;
        while (i < a.length || k < b.length) {
            long next = k == b.length || (i < a.length && a[i] <= b[k]) ? a[i] : b[k];
            if (i < a.length && a[i] == next) {
                i++;
            }
            if (k < b.length && b[k] == next) {
                k++;
            }
            out[n++] = next;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Level pairs of terms m and j that occur. */
    int pairs(int m, int j) {
        return keys[m][j].length;
    }

    /**
     * The global slots of a block's pairs of terms m and j, given sorted (a walk along both lists).
     *
     * @throws IllegalStateException if the block has a pair this pattern lacks (blocks changed since)
     */
    int[] slotsOf(int m, int j, long[] blockKeys) {
        long[] all = keys[m][j];
        int[] slots = new int[blockKeys.length];
        int at = 0;
        for (int s = 0; s < blockKeys.length; s++) {
            while (at < all.length && all[at] < blockKeys[s]) {
                at++;
            }
            if (at == all.length || all[at] != blockKeys[s]) {
                throw new IllegalStateException("level pair " + blockKeys[s] + " of terms " + m + ", " + j + " is not in the pattern");
            }
            slots[s] = at;
        }
        return slots;
    }

    /** Z_m'WZ_j's pattern (qm × qj blocks), values zero. */
    BlockSparse structure(int m, int j, int qm, int qj) {
        long[] all = keys[m][j];
        long rowLevels = levels[m];
        int[] colStart = new int[levels[j] + 1];
        int[] rowIndex = new int[all.length];
        for (int s = 0; s < all.length; s++) {
            colStart[(int) (all[s] / rowLevels) + 1]++;
            rowIndex[s] = (int) (all[s] % rowLevels);
        }
        for (int c = 0; c < levels[j]; c++) {
            colStart[c + 1] += colStart[c];
        }
        return new BlockSparse(levels[m], levels[j], qm, qj, colStart, rowIndex, new double[all.length * qm * qj]);
    }
}
