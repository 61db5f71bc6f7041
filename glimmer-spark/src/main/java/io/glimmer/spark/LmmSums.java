package io.glimmer.spark;

import io.glimmer.linalg.BlockSparse;
import io.glimmer.lmm.SufficientStatistics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The second pass: the LMM's sufficient statistics of F = [X/s, y − offset − shift] and every
 * random-effects term's Z (in the model's term order), in the layouts of {@link SufficientStatistics},
 * summed with compensation so that any partitioning gives the same sums. Memory is, per term,
 * levels × (q² + q(p+1) + (p+1)²) pairs of doubles, and per pair of terms one q_i·q_j block per pair
 * of levels that meet in some row, whatever the number of rows.
 */
final class LmmSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int p;
    private final int w;
    private final int[] q;
    private final int[] levels;
    /** Per model term: where its Z'Z blocks, F'Z (transposed) and per-level F'F start in {@link #sums}. */
    private final int[] diagonalAt;
    private final int[] byDenseAt;
    private final int[] levelDenseAt;
    private final CompensatedSums sums;
    private final long[][] counts;
    /** [i][j &lt; i]: Z_i'Z_j. */
    private final PairSums[][] pairs;
    private long n;

    LmmSums(int p, TermLayout layout) {
        this.p = p;
        this.w = p + 1;
        int k = layout.terms();
        this.q = layout.q().clone();
        this.levels = new int[k];
        this.diagonalAt = new int[k];
        this.byDenseAt = new int[k];
        this.levelDenseAt = new int[k];
        this.counts = new long[k][];
        this.pairs = new PairSums[k][];
        int at = w * w;
        for (int m = 0; m < k; m++) {
            levels[m] = layout.levels(m);
            diagonalAt[m] = at;
            at += levels[m] * q[m] * q[m];
            byDenseAt[m] = at;
            at += levels[m] * q[m] * w;
            levelDenseAt[m] = at;
            at += levels[m] * w * w;
            counts[m] = new long[levels[m]];
            pairs[m] = new PairSums[m];
            for (int j = 0; j < m; j++) {
                pairs[m][j] = new PairSums(levels[m], q[m] * q[j]);
            }
        }
        this.sums = new CompensatedSums(at);
    }

    LmmSums add(RowBlock b, double[] scale, double shift, TermLayout layout) {
        int k = q.length;
        int[][] codes = new int[k][];
        double[][] z = new double[k][];
        for (int m = 0; m < k; m++) {
            codes[m] = layout.codes(b, m);
            z[m] = layout.z(b, m);
        }
        double[] f = new double[w];
        for (int r = 0; r < b.rows; r++) {
            for (int a = 0; a < p; a++) {
                f[a] = b.x[r * p + a] / scale[a];
            }
            f[p] = b.response[r] - shift;
            n++;
            for (int a = 0; a < w; a++) {
                for (int c = 0; c <= a; c++) {
                    sums.add(a * w + c, f[a] * f[c]);
                }
            }
            for (int m = 0; m < k; m++) {
                addTerm(m, codes[m][r], z[m], r * q[m], f);
                for (int j = 0; j < m; j++) {
                    pairs[m][j].add(codes[m][r], codes[j][r], z[m], r * q[m], q[m], z[j], r * q[j], q[j]);
                }
            }
        }
        return this;
    }

    /** One row's sums for model term m at its level. */
    private void addTerm(int m, int level, double[] z, int zo, double[] f) {
        int qm = q[m];
        counts[m][level]++;
        int ld = levelDenseAt[m] + level * w * w;
        for (int a = 0; a < w; a++) {
            for (int c = 0; c <= a; c++) {
                sums.add(ld + a * w + c, f[a] * f[c]);
            }
        }
        int dd = diagonalAt[m] + level * qm * qm;
        for (int a = 0; a < qm; a++) {
            double za = z[zo + a];
            for (int c = 0; c < qm; c++) {
                sums.add(dd + a * qm + c, za * z[zo + c]);
            }
            int to = byDenseAt[m] + (level * qm + a) * w;
            for (int c = 0; c < w; c++) {
                sums.add(to + c, f[c] * za);
            }
        }
    }

    LmmSums merge(LmmSums o) {
        sums.merge(o.sums);
        for (int m = 0; m < q.length; m++) {
            for (int l = 0; l < levels[m]; l++) {
                counts[m][l] += o.counts[m][l];
            }
            for (int j = 0; j < m; j++) {
                pairs[m][j].merge(o.pairs[m][j]);
            }
        }
        n += o.n;
        return this;
    }

    SufficientStatistics statistics(double shift) {
        int k = q.length;
        List<SufficientStatistics.TermSums> terms = new ArrayList<>();
        BlockSparse[][] zz = new BlockSparse[k][];
        for (int m = 0; m < k; m++) {
            terms.add(new SufficientStatistics.TermSums(sums.get(byDenseAt[m], levels[m] * q[m] * w),
                    sums.get(diagonalAt[m], levels[m] * q[m] * q[m]), sums.get(levelDenseAt[m], levels[m] * w * w), counts[m].clone()));
            zz[m] = new BlockSparse[m];
            for (int j = 0; j < m; j++) {
                zz[m][j] = pairs[m][j].matrix(levels[j], q[m], q[j]);
            }
        }
        return new SufficientStatistics(n, p, shift, 0, sums.get(0, w * w), terms, zz);
    }
}
