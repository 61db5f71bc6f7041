package io.glimmer.glmm;

import io.glimmer.family.Family;
import io.glimmer.linalg.GroupedColumns;

/**
 * A moment start for the θ of random-intercept terms, from the GLM fit: per level, the weighted
 * mean m_j of the working residuals (y − μ)/μ'(η) with working weights W estimates that level's
 * effect with sampling variance about 1/ΣW; the spread of the m_j less the mean sampling variance
 * estimates the intercept variance. Families without a dispersion only (θ is then the standard
 * deviation itself). Other terms, and terms the moments say nothing about, keep the given start.
 * Only a start: stage one goes on to the optimum, from nearer.
 */
final class InterceptMoments {
    private InterceptMoments() {
    }

    /**
     * @param beta  the GLM's coefficients
     * @param start θ to fill in (CovarianceStructure's layout: one entry per intercept-only term)
     * @return the number of entries replaced
     */
    static int fill(GlmmData data, Family family, double[] beta, double[] start) {
        if (family.distribution().hasDispersion()) {
            return 0;
        }
        int n = data.rows();
        double[] eta = new double[n];
        double[] mu = new double[n];
        double[] muEta = new double[n];
        double[] fixed = new double[n];
        data.fixedParts(beta, eta, fixed, 0, n);
        family.link().inverseAndDerivative(eta, mu, muEta, 0, n);
        double[] y = data.y();
        double[] prior = data.weights();
        double[] w = new double[n];
        double[] e = new double[n];
        for (int r = 0; r < n; r++) {
            double d = muEta[r];
            w[r] = prior[r] * d * d / family.distribution().variance(mu[r]);
            e[r] = (y[r] - mu[r]) / d;
        }
        GroupedColumns[] terms = data.terms();
        int replaced = 0;
        int i = 0;
        for (GroupedColumns g : terms) {
            int q = g.q();
            if (q == 1 && interceptOnly(g)) {
                double variance = interceptVariance(g, w, e);
                if (variance > 0 && Double.isFinite(variance)) {
                    start[i] = Math.sqrt(variance);
                    replaced++;
                }
            }
            i += q * (q + 1) / 2;
        }
        return replaced;
    }

    private static boolean interceptOnly(GroupedColumns g) {
        for (double z : g.z()) {
            if (z != 1) {
                return false;
            }
        }
        return true;
    }

    /** Variance of the levels' weighted mean residuals less their mean sampling variance; NaN if too few levels. */
    static double interceptVariance(GroupedColumns g, double[] w, double[] e) {
        int levels = g.levels();
        double[] sw = new double[levels];
        double[] swe = new double[levels];
        int[] codes = g.codes();
        for (int r = 0; r < codes.length; r++) {
            if (Double.isFinite(e[r]) && w[r] > 0) {
                sw[codes[r]] += w[r];
                swe[codes[r]] += w[r] * e[r];
            }
        }
        return interceptVariance(sw, swe);
    }

    /** As {@link #interceptVariance(GroupedColumns, double[], double[])} from each level's Σw and Σw·e. */
    static double interceptVariance(double[] sw, double[] swe) {
        int levels = sw.length;
        int m = 0;
        double sum = 0;
        double sumSquares = 0;
        double sampling = 0;
        for (int j = 0; j < levels; j++) {
            if (sw[j] > 0) {
                double mean = swe[j] / sw[j];
                m++;
                sum += mean;
                sumSquares += mean * mean;
                sampling += 1 / sw[j];
            }
        }
        if (m < 3) {
            return Double.NaN;
        }
        double spread = (sumSquares - sum * sum / m) / (m - 1);
        return spread - sampling / m;
    }
}
