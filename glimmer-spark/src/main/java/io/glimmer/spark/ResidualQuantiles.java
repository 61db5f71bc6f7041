package io.glimmer.spark;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The scaled residuals' minimum, quartiles (R's type 7) and maximum, exactly, without bringing the
 * residuals to the driver: each order statistic needed is found by narrowing: a pass counts the
 * residuals in 4096 bins of the current bracket, the bin holding the wanted rank becomes the next
 * bracket, and once that bin holds few enough residuals a last pass brings those only and picks the
 * one. Bin membership is decided by the same arithmetic at every level, so no residual is counted twice.
 */
final class ResidualQuantiles {
    private static final int BINS = 4096;
    /** A bin with at most this many residuals is brought to the driver and sorted. */
    private static final int SMALL = 50_000;
    private static final double[] PROBABILITIES = {0, 0.25, 0.5, 0.75, 1};

    private ResidualQuantiles() {
    }

    /** What a task needs to compute a row's scaled residual: (y − offset − Xβ − Σ Z_k u_k)/σ; u per model term. */
    record Residuals(double[] beta, double[][] u, double sigma, Broadcast<TermLayout> layout) implements Serializable {
        /** @param shapes the model's terms in its order (the fit's modes join the terms of one grouping factor, in that order) */
        static Residuals of(MixedModelFit fit, List<RandomEffectsTerm> shapes, Broadcast<TermLayout> layout) {
            double[] beta = fit.fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray();
            double[][] u = new double[shapes.size()][];
            for (int m = 0; m < shapes.size(); m++) {
                RandomEffectsTerm term = shapes.get(m);
                int column = 0; // where this term's columns start among its grouping factor's
                for (int j = 0; j < m; j++) {
                    column += shapes.get(j).group().equals(term.group()) ? shapes.get(j).q() : 0;
                }
                ConditionalModes modes = fit.conditionalModes().stream().filter(c -> c.group().equals(term.group())).findFirst().orElseThrow();
                int q = term.q();
                u[m] = new double[modes.levels().size() * q];
                for (int l = 0; l < modes.levels().size(); l++) {
                    for (int a = 0; a < q; a++) {
                        u[m][l * q + a] = modes.value(l, column + a);
                    }
                }
            }
            return new Residuals(beta, u, fit.residualStdDev(), layout);
        }

        double[] of(RowBlock b) {
            TermLayout t = layout.value();
            double[] r = new double[b.rows];
            for (int i = 0; i < b.rows; i++) {
                double s = b.response[i];
                for (int j = 0; j < b.p; j++) {
                    s -= b.x[i * b.p + j] * beta[j];
                }
                r[i] = s;
            }
            for (int m = 0; m < u.length; m++) {
                int[] codes = t.codes(b, m);
                double[] z = t.z(b, m);
                int q = t.q()[m];
                for (int i = 0; i < b.rows; i++) {
                    double s = 0;
                    for (int a = 0; a < q; a++) {
                        s += z[i * q + a] * u[m][codes[i] * q + a];
                    }
                    r[i] -= s;
                }
            }
            for (int i = 0; i < b.rows; i++) {
                r[i] /= sigma;
            }
            return r;
        }
    }

    /** The narrowing so far of one wanted rank: brackets (lo, hi) and the bin chosen in each. */
    record Bracket(double[] lo, double[] hi, int[] chosen) implements Serializable {
        static int bin(double v, double lo, double hi) {
            if (!(hi > lo)) {
                return 0;
            }
            return (int) Math.max(0, Math.min(BINS - 1, Math.floor((v - lo) / (hi - lo) * BINS)));
        }

        /** −1 below the bracket, 1 above, 0 inside. */
        int side(double v) {
            for (int i = 0; i < chosen.length; i++) {
                int b = bin(v, lo[i], hi[i]);
                if (b != chosen[i]) {
                    return b < chosen[i] ? -1 : 1;
                }
            }
            return 0;
        }

        int depth() {
            return chosen.length;
        }

        Bracket narrowed(int bin) {
            int d = depth();
            double l = lo[d];
            double w = (hi[d] - l) / BINS;
            double[] nl = Arrays.copyOf(lo, d + 2);
            double[] nh = Arrays.copyOf(hi, d + 2);
            nl[d + 1] = l + bin * w;
            nh[d + 1] = l + (bin + 1) * w;
            int[] c = Arrays.copyOf(chosen, d + 1);
            c[d] = bin;
            return new Bracket(nl, nh, c);
        }
    }

    static double[] of(JavaRDD<RowBlock> blocks, Residuals residuals, long n) {
        double[] range = blocks.treeAggregate(new double[]{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, (m, b) -> {
            for (double v : residuals.of(b)) {
                m[0] = Math.min(m[0], v);
                m[1] = Math.max(m[1], v);
            }
            return m;
        }, (x, y) -> new double[]{Math.min(x[0], y[0]), Math.max(x[1], y[1])});
        double min = range[0];
        double max = range[1];
        double[] out = new double[PROBABILITIES.length];
        for (int k = 0; k < PROBABILITIES.length; k++) {
            double h = (n - 1) * PROBABILITIES[k];
            long lo = (long) Math.floor(h);
            long hi = Math.min(lo + 1, n - 1);
            double frac = h - lo;
            double a = orderStatistic(blocks, residuals, lo, n, min, max);
            out[k] = frac == 0 ? a : a + frac * (orderStatistic(blocks, residuals, hi, n, min, max) - a);
        }
        return out;
    }

    /** The residual of 0-based rank {@code rank} in ascending order. */
    static double orderStatistic(JavaRDD<RowBlock> blocks, Residuals residuals, long rank, long n, double min, double max) {
        if (rank == 0) {
            return min;
        }
        if (rank == n - 1) {
            return max;
        }
        Bracket bracket = new Bracket(new double[]{min}, new double[]{max}, new int[0]);
        long below = 0;
        while (true) {
            Bracket current = bracket;
            int d = current.depth();
            long[] counts = blocks.treeAggregate(new long[BINS + 1], (c, b) -> {
                for (double v : residuals.of(b)) {
                    int side = current.side(v);
                    if (side < 0) {
                        c[BINS]++;
                    } else if (side == 0) {
                        c[Bracket.bin(v, current.lo()[d], current.hi()[d])]++;
                    }
                }
                return c;
            }, ResidualQuantiles::sum);
            below = counts[BINS];
            long within = rank - below;
            int bin = 0;
            long before = 0;
            while (before + counts[bin] <= within) {
                before += counts[bin++];
            }
            Bracket next = current.narrowed(bin);
            if (counts[bin] <= SMALL || !(next.hi()[d + 1] > next.lo()[d + 1])) {
                double[] values = blocks.map(b -> Arrays.stream(residuals.of(b)).filter(v -> next.side(v) == 0).toArray())
                        .reduce(ResidualQuantiles::concat);
                Arrays.sort(values);
                return values[(int) (within - before)];
            }
            bracket = next;
        }
    }

    private static long[] sum(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
