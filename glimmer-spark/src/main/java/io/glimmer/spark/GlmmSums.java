package io.glimmer.spark;

import java.io.Serializable;

/**
 * One PIRLS iteration's weighted cross products of [Z₁ … Z_K F] summed over rows, F = [X, z] or
 * [z − Xβ] ({@code width} columns), in the layouts of {@code CrossProducts.ofSums}: per model term
 * Z'WZ (levels·q²) and F'WZ transposed (levels·q·width), F'WF's lower triangle, and per pair of
 * terms {@link SlotSums} by the level pairs' global slots in the fixed {@link PairPattern}.
 * Compensated, so any partitioning gives the same sums; memory grows with levels and observed pairs, not rows.
 */
final class GlmmSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int width;
    private final int[] q;
    private final int[] levels;
    private final int[] diagonalAt;
    private final int[] byDenseAt;
    private final CompensatedSums sums;
    /** [i][j &lt; i]: Z_i'WZ_j by global slot. */
    private final SlotSums[][] pairs;
    /** [m][j]: the current block's pair sums by its own slots ({@link #begin} to {@link #end}); not shipped. */
    private transient CompensatedSums[][] blockPairs;

    GlmmSums(int width, int[] q, int[] levels) {
        this.width = width;
        this.q = q.clone();
        this.levels = levels.clone();
        int k = q.length;
        this.diagonalAt = new int[k];
        this.byDenseAt = new int[k];
        this.pairs = new SlotSums[k][];
        int at = width * width;
        for (int m = 0; m < k; m++) {
            diagonalAt[m] = at;
            at += levels[m] * q[m] * q[m];
            byDenseAt[m] = at;
            at += levels[m] * q[m] * width;
            pairs[m] = new SlotSums[m];
            for (int j = 0; j < m; j++) {
                pairs[m][j] = SlotSums.none(q[m] * q[j]);
            }
        }
        this.sums = new CompensatedSums(at);
    }

    /** Starts a block's rows: its level pairs are summed by its own slots, found once when it was prepared. */
    void begin(GlmmBlock b) {
        blockPairs = new CompensatedSums[q.length][];
        for (int m = 0; m < q.length; m++) {
            blockPairs[m] = new CompensatedSums[m];
            for (int j = 0; j < m; j++) {
                blockPairs[m][j] = new CompensatedSums(b.pairKeys[m][j].length * q[m] * q[j]);
            }
        }
    }

    /** Ends a block's rows: its pair sums join the totals by their global slots in the pattern. */
    void end(GlmmBlock b, PairPattern pattern) {
        for (int m = 0; m < q.length; m++) {
            for (int j = 0; j < m; j++) {
                int[] slots = pattern.slotsOf(m, j, b.pairKeys[m][j]);
                pairs[m][j] = pairs[m][j].plus(new SlotSums(q[m] * q[j], slots, blockPairs[m][j]));
            }
        }
        blockPairs = null;
    }

    /** Adds row r of a block (between {@link #begin} and {@link #end}) with weight w and dense values f (width of them). */
    void add(GlmmBlock b, int r, double w, double[] f) {
        for (int a = 0; a < width; a++) {
            double wf = w * f[a];
            for (int c = 0; c <= a; c++) {
                sums.add(a * width + c, wf * f[c]);
            }
        }
        for (int m = 0; m < q.length; m++) {
            int qm = q[m];
            int level = b.codes[m][r];
            double[] z = b.z[m];
            int zo = r * qm;
            int dd = diagonalAt[m] + level * qm * qm;
            for (int a = 0; a < qm; a++) {
                double wz = w * z[zo + a];
                for (int c = 0; c < qm; c++) {
                    sums.add(dd + a * qm + c, wz * z[zo + c]);
                }
                int to = byDenseAt[m] + (level * qm + a) * width;
                for (int c = 0; c < width; c++) {
                    sums.add(to + c, f[c] * wz);
                }
            }
            for (int j = 0; j < m; j++) {
                int qj = q[j];
                int at = b.pairSlots[m][j][r] * qm * qj;
                double[] zj = b.z[j];
                for (int a = 0; a < qm; a++) {
                    double wz = w * z[zo + a];
                    for (int c = 0; c < qj; c++) {
                        blockPairs[m][j].add(at + a * qj + c, wz * zj[r * qj + c]);
                    }
                }
            }
        }
    }

    GlmmSums merge(GlmmSums o) {
        sums.merge(o.sums);
        for (int m = 0; m < q.length; m++) {
            for (int j = 0; j < m; j++) {
                pairs[m][j] = pairs[m][j].plus(o.pairs[m][j]);
            }
        }
        return this;
    }

    double[] diagonal(int m) {
        return sums.get(diagonalAt[m], levels[m] * q[m] * q[m]);
    }

    double[] termByDense(int m) {
        return sums.get(byDenseAt[m], levels[m] * q[m] * width);
    }

    double[] denseLower() {
        return sums.get(0, width * width);
    }

    /** Z_m'WZ_j's (j &lt; m) block values in the pattern's order (that of its {@link PairPattern#structure}). */
    double[] pairValues(int m, int j, PairPattern pattern) {
        return pairs[m][j].values(pattern.pairs(m, j));
    }
}
