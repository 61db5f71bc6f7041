package io.glimmer.spark;

import io.glimmer.linalg.BlockSparse;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Z_i'Z_j of two random-effects terms summed over rows: one compensated qᵢ × q_j block per pair of
 * levels that some row has (crossed factors meet in only some pairs), found as the rows go by. The
 * blocks come out in {@link BlockSparse}'s order, sorted by level pair, so neither the pattern nor
 * the sums depend on the order rows and partitions arrive in.
 */
final class PairSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int rowLevels;
    private final int block;
    /** Pair key (column level · rowLevels + row level) → its block's slot. */
    private final Map<Long, Integer> slots = new HashMap<>();
    private CompensatedSums sums = new CompensatedSums(0);

    /**
     * @param rowLevels levels of term i (block rows)
     * @param block     qᵢ · q_j
     */
    PairSums(int rowLevels, int block) {
        this.rowLevels = rowLevels;
        this.block = block;
    }

    private int slot(int rowLevel, int colLevel) {
        long key = (long) colLevel * rowLevels + rowLevel;
        Integer s = slots.get(key);
        if (s == null) {
            s = slots.size();
            slots.put(key, s);
            if ((s + 1) * block > sums.size()) {
                sums = sums.resized(Math.max(2 * sums.size(), 64 * block));
            }
        }
        return s * block;
    }

    /** Adds z_i z_j' of one row (z_i of the row level, z_j of the column level), block row-major. */
    void add(int rowLevel, int colLevel, double[] zi, int io, int qi, double[] zj, int jo, int qj) {
        int at = slot(rowLevel, colLevel);
        for (int a = 0; a < qi; a++) {
            for (int b = 0; b < qj; b++) {
                sums.add(at + a * qj + b, zi[io + a] * zj[jo + b]);
            }
        }
    }

    /** Adds sums made elsewhere by slot: slot s (its block of values from s · block) holds pair keys[s]. */
    void addSlots(long[] keys, CompensatedSums from) {
        for (int s = 0; s < keys.length; s++) {
            int at = slot((int) (keys[s] % rowLevels), (int) (keys[s] / rowLevels));
            for (int k = 0; k < block; k++) {
                sums.add(at + k, from, s * block + k);
            }
        }
    }

    PairSums merge(PairSums o) {
        for (Map.Entry<Long, Integer> e : o.slots.entrySet()) {
            long key = e.getKey();
            int at = slot((int) (key % rowLevels), (int) (key / rowLevels));
            for (int k = 0; k < block; k++) {
                sums.add(at + k, o.sums, e.getValue() * block + k);
            }
        }
        return this;
    }

    /** The sums as Z_i'Z_j, blocks sorted by column level, then row level. */
    BlockSparse matrix(int colLevels, int qi, int qj) {
        long[] keys = slots.keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(keys);
        int[] colStart = new int[colLevels + 1];
        int[] rowIndex = new int[keys.length];
        double[] values = new double[keys.length * block];
        for (int s = 0; s < keys.length; s++) {
            colStart[(int) (keys[s] / rowLevels) + 1]++;
            rowIndex[s] = (int) (keys[s] % rowLevels);
            int from = slots.get(keys[s]) * block;
            for (int k = 0; k < block; k++) {
                values[s * block + k] = sums.get(from + k);
            }
        }
        for (int c = 0; c < colLevels; c++) {
            colStart[c + 1] += colStart[c];
        }
        return new BlockSparse(rowLevels, colLevels, qi, qj, colStart, rowIndex, values);
    }
}
