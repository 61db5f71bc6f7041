package io.glimmer.spark;

import io.glimmer.lmm.SufficientStatistics;

import java.io.Serializable;
import java.util.Map;

/**
 * The second pass: the LMM's sufficient statistics of F = [X/s, y − offset − shift] and one term's
 * Z, in the layouts of {@link SufficientStatistics}, summed with compensation so that any
 * partitioning gives the same sums. Memory is levels × (q² + q(p+1) + (p+1)²) pairs of doubles,
 * whatever the number of rows.
 */
final class LmmSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int p;
    private final int q;
    private final int levels;
    private final int w;
    private final CompensatedSums sums;
    private final long[] counts;
    private long n;

    LmmSums(int p, int q, int levels) {
        this.p = p;
        this.q = q;
        this.levels = levels;
        this.w = p + 1;
        this.sums = new CompensatedSums(w * w + levels * (q * q + q * w + w * w));
        this.counts = new long[levels];
    }

    private int diagonalOffset() {
        return w * w;
    }

    private int termOffset() {
        return diagonalOffset() + levels * q * q;
    }

    private int levelDenseOffset() {
        return termOffset() + levels * q * w;
    }

    LmmSums add(RowBlock b, double[] scale, double shift, Map<String, Integer> index) {
        int[] codes = b.globalCodes(index);
        double[] f = new double[w];
        int d0 = diagonalOffset();
        int t0 = termOffset();
        int l0 = levelDenseOffset();
        for (int r = 0; r < b.rows; r++) {
            for (int a = 0; a < p; a++) {
                f[a] = b.x[r * p + a] / scale[a];
            }
            f[p] = b.response[r] - shift;
            int level = codes[r];
            counts[level]++;
            n++;
            int ld = l0 + level * w * w;
            for (int a = 0; a < w; a++) {
                for (int c = 0; c <= a; c++) {
                    double v = f[a] * f[c];
                    sums.add(a * w + c, v);
                    sums.add(ld + a * w + c, v);
                }
            }
            int zo = r * q;
            int dd = d0 + level * q * q;
            for (int a = 0; a < q; a++) {
                double za = b.z[zo + a];
                for (int c = 0; c < q; c++) {
                    sums.add(dd + a * q + c, za * b.z[zo + c]);
                }
                int to = t0 + (level * q + a) * w;
                for (int c = 0; c < w; c++) {
                    sums.add(to + c, f[c] * za);
                }
            }
        }
        return this;
    }

    LmmSums merge(LmmSums o) {
        sums.merge(o.sums);
        for (int l = 0; l < levels; l++) {
            counts[l] += o.counts[l];
        }
        n += o.n;
        return this;
    }

    SufficientStatistics statistics(double shift) {
        return new SufficientStatistics(n, p, shift, 0, sums.get(0, w * w), sums.get(termOffset(), levels * q * w),
                sums.get(diagonalOffset(), levels * q * q), sums.get(levelDenseOffset(), levels * w * w), counts.clone());
    }
}
