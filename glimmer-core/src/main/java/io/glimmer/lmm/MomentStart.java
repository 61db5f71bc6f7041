package io.glimmer.lmm;

import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;

import java.util.List;

/**
 * A method-of-moments (ANOVA-type) starting value for θ, from one pass over the rows: ordinary
 * least-squares residuals e, then for each term a least-squares fit of e on the term's columns
 * within each level. The spread of those per-level coefficients, less the part their sampling
 * error explains, estimates the term's variances; the pooled within-level residual variance
 * estimates σ². θ is diagonal (each standard deviation over σ, correlations zero), clamped to
 * [lower, upper]. Only a start: the optimiser goes on to the exact optimum, it just has less far to go.
 */
final class MomentStart {
    /** Relative size of a Cholesky pivot below which a level's cross-product is treated as singular. */
    private static final double PIVOT_TOLERANCE = 1e-10;

    private MomentStart() {
    }

    /**
     * @param y       response less any offset
     * @param weights prior weights, or null
     * @return θ in {@link CovarianceStructure}'s layout, or the identity start where the moments say nothing
     */
    static double[] theta(Design design, double[] y, double[] weights, CovarianceStructure covariance, double lower, double upper) {
        double[] start = covariance.start();
        int n = design.rows();
        int p = design.p();
        double[] e = residuals(design.x().values(), n, p, y, weights);
        if (e == null || n <= p) {
            return start;
        }
        double rss = 0;
        for (int r = 0; r < n; r++) {
            rss += weight(weights, r) * e[r] * e[r];
        }
        List<RandomEffectsTerm> terms = design.randomTerms();
        LevelMoments[] moments = new LevelMoments[terms.size()];
        for (int k = 0; k < terms.size(); k++) {
            moments[k] = LevelMoments.of(terms.get(k).columns(), e, weights);
        }
        return fromMoments(rss / (n - p), terms, moments, covariance, lower, upper);
    }

    /**
     * The same start from sums over the rows made elsewhere (a distributed pass): the least-squares
     * fit from X'WX and X'Wy, each term's levels' Z'WZ, Z'We and e'We from their own sums.
     */
    static double[] theta(SufficientStatistics sums, List<RandomEffectsTerm> terms, CovarianceStructure covariance, double lower, double upper) {
        double[] start = covariance.start();
        int p = sums.p();
        int w = p + 1;
        if (terms.size() != sums.terms().size() || sums.n() <= p) {
            return start;
        }
        double[] xtx = new double[p * p];
        double[] xty = new double[p];
        for (int a = 0; a < p; a++) {
            xty[a] = sums.denseLower()[p * w + a];
            for (int b = 0; b <= a; b++) {
                xtx[a * p + b] = sums.denseLower()[a * w + b];
            }
        }
        if (!SmallCholesky.factor(xtx, p, PIVOT_TOLERANCE)) {
            return start;
        }
        double[] beta = SmallCholesky.solve(xtx, p, xty);
        double rss = quadratic(sums.denseLower(), 0, w, beta);
        LevelMoments[] moments = new LevelMoments[terms.size()];
        for (int k = 0; k < terms.size(); k++) {
            moments[k] = termMoments(sums.terms().get(k), terms.get(k).columns(), w, beta);
        }
        return fromMoments(rss / (sums.n() - p), terms, moments, covariance, lower, upper);
    }

    /** One term's level moments of the least-squares residuals e = y − Xβ, from its sums. */
    private static LevelMoments termMoments(SufficientStatistics.TermSums t, GroupedColumns g, int w, double[] beta) {
        int p = w - 1;
        int q = g.q();
        int levels = g.levels();
        double[] zte = new double[levels * q];
        double[] ete = new double[levels];
        for (int l = 0; l < levels; l++) {
            for (int b = 0; b < q; b++) {
                int o = (l * q + b) * w; // Σ w f_a z_b, a over [X, y]
                double s = t.termByDense()[o + p];
                for (int a = 0; a < p; a++) {
                    s -= t.termByDense()[o + a] * beta[a];
                }
                zte[l * q + b] = s;
            }
            ete[l] = quadratic(t.levelDense(), l * w * w, w, beta);
        }
        return LevelMoments.fromSums(q, levels, t.diagonal(), zte, ete, t.levelCounts());
    }

    /** e'We for e = y − Xβ, from the lower triangle of [X y]'W[X y] at offset o (width w, y last). */
    private static double quadratic(double[] lower, int o, int w, double[] beta) {
        int p = w - 1;
        double s = lower[o + p * w + p];
        for (int a = 0; a < p; a++) {
            s -= 2 * beta[a] * lower[o + p * w + a];
            for (int b = 0; b < p; b++) {
                s += beta[a] * beta[b] * lower[o + Math.max(a, b) * w + Math.min(a, b)];
            }
        }
        return Math.max(s, 0);
    }

    private static double[] fromMoments(double rssVariance, List<RandomEffectsTerm> terms, LevelMoments[] moments,
                                        CovarianceStructure covariance, double lower, double upper) {
        double[] start = covariance.start();
        double sigma2 = rssVariance;
        for (LevelMoments m : moments) {
            if (m.withinVariance() > 0) {
                sigma2 = Math.min(sigma2, m.withinVariance());
            }
        }
        if (!(sigma2 > 0)) {
            return start;
        }
        int i = 0;
        for (int k = 0; k < terms.size(); k++) {
            int q = terms.get(k).q();
            for (int col = 0; col < q; col++) {
                double between = moments[k].effectVariance(col, sigma2);
                if (!Double.isNaN(between)) {
                    start[i] = Math.min(upper, Math.max(lower, Math.sqrt(Math.max(between, 0) / sigma2)));
                }
                i += q - col; // skip this column's off-diagonal elements: they start at zero
            }
        }
        return start;
    }

    /**
     * A first trust-region radius for a start from {@link #theta}: the rough standard error of the
     * moment estimates, largest over the terms — θ_k / √(2(G_k − 1)) for G_k levels (a variance
     * estimated from G levels has relative standard error about √(2/(G − 1)), its square root half
     * that) — within [lower, upper]. Many levels give a close start and a small first step.
     */
    static double radius(List<RandomEffectsTerm> terms, double[] theta, double lower, double upper) {
        double r = lower;
        int i = 0;
        for (RandomEffectsTerm t : terms) {
            double se = 1 / Math.sqrt(2.0 * Math.max(1, t.levelCount() - 1));
            for (int j = 0; j < t.thetaCount(); j++) {
                r = Math.max(r, Math.max(Math.abs(theta[i + j]), lower) * se);
            }
            i += t.thetaCount();
        }
        return Math.min(upper, r);
    }

    static double weight(double[] weights, int r) {
        return weights == null ? 1 : weights[r];
    }

    /** Weighted least-squares residuals of y on X (n × p row-major), or null when X'WX is not positive definite. */
    private static double[] residuals(double[] x, int n, int p, double[] y, double[] weights) {
        double[] xtx = new double[p * p];
        double[] xty = new double[p];
        for (int r = 0; r < n; r++) {
            double w = weight(weights, r);
            int row = r * p;
            for (int a = 0; a < p; a++) {
                double wx = w * x[row + a];
                xty[a] += wx * y[r];
                for (int b = 0; b <= a; b++) {
                    xtx[a * p + b] += wx * x[row + b];
                }
            }
        }
        if (!SmallCholesky.factor(xtx, p, PIVOT_TOLERANCE)) {
            return null;
        }
        double[] beta = SmallCholesky.solve(xtx, p, xty);
        double[] e = new double[n];
        for (int r = 0; r < n; r++) {
            e[r] = y[r] - LinearPredictor.row(x, p, r, beta, 0);
        }
        return e;
    }

    /**
     * One term's per-level least-squares fits of the residuals: the coefficients' sample variance,
     * the mean of their sampling variances (per unit σ²), and the pooled within-level residual variance.
     */
    private record LevelMoments(double[] coefficientVariance, double[] meanSamplingVariance, double withinVariance) {

        static LevelMoments of(GroupedColumns g, double[] e, double[] weights) {
            int q = g.q();
            int levels = g.levels();
            int[] codes = g.codes();
            double[] z = g.z();
            double[] ztz = new double[levels * q * q];
            double[] zte = new double[levels * q];
            double[] ete = new double[levels];
            long[] count = new long[levels];
            for (int r = 0; r < codes.length; r++) {
                int l = codes[r];
                double w = weight(weights, r);
                double we = w * e[r];
                ete[l] += we * e[r];
                count[l]++;
                for (int a = 0; a < q; a++) {
                    double za = z[r * q + a];
                    zte[l * q + a] += za * we;
                    for (int b = 0; b <= a; b++) {
                        ztz[l * q * q + a * q + b] += w * za * z[r * q + b];
                    }
                }
            }
            return fromSums(q, levels, ztz, zte, ete, count);
        }

        /**
         * @param ztz   per level Z'WZ (q² values, lower triangle read)
         * @param zte   per level Z'We
         * @param ete   per level e'We
         * @param count rows per level
         */
        static LevelMoments fromSums(int q, int levels, double[] ztz, double[] zte, double[] ete, long[] count) {
            double[] sum = new double[q];
            double[] sumSq = new double[q];
            double[] sampling = new double[q];
            double within = 0;
            long dof = 0;
            int used = 0;
            double[] a = new double[q * q];
            double[] c = new double[q];
            for (int l = 0; l < levels; l++) {
                if (count[l] <= q) {
                    continue; // an exact fit says nothing about either variance
                }
                System.arraycopy(ztz, l * q * q, a, 0, q * q);
                System.arraycopy(zte, l * q, c, 0, q);
                if (!SmallCholesky.factor(a, q, PIVOT_TOLERANCE)) {
                    continue;
                }
                double[] b = SmallCholesky.solve(a, q, c);
                double fitted = 0;
                for (int j = 0; j < q; j++) {
                    fitted += b[j] * zte[l * q + j];
                    sum[j] += b[j];
                    sumSq[j] += b[j] * b[j];
                }
                double[] inverseDiagonal = SmallCholesky.inverseDiagonal(a, q);
                for (int j = 0; j < q; j++) {
                    sampling[j] += inverseDiagonal[j];
                }
                within += Math.max(ete[l] - fitted, 0);
                dof += count[l] - q;
                used++;
            }
            double[] variance = new double[q];
            double[] meanSampling = new double[q];
            for (int j = 0; j < q; j++) {
                if (used < 2) {
                    variance[j] = Double.NaN;
                    continue;
                }
                double mean = sum[j] / used;
                variance[j] = (sumSq[j] - used * mean * mean) / (used - 1);
                meanSampling[j] = sampling[j] / used;
            }
            return new LevelMoments(variance, meanSampling, dof > 0 ? within / dof : Double.NaN);
        }

        /** The moment estimate of column j's effect variance, NaN when too few levels could be fitted. */
        double effectVariance(int j, double sigma2) {
            return coefficientVariance[j] - sigma2 * meanSamplingVariance[j];
        }
    }
}
