package io.glimmer.gee;

import io.glimmer.error.GlimmerException;

/**
 * geepack's moment equation for the correlation parameters α: over every pair j &lt; k of rows in a
 * cluster, Σ wⱼwₖ ∂ρⱼₖ/∂α (zⱼₖ − ρⱼₖ(α)) = 0 with zⱼₖ = rⱼrₖ/φ the product of standardised
 * Pearson residuals. For exchangeable and unstructured this is the (weighted) mean of z over the
 * pairs concerned, with no N − p correction; for AR(1) it uses all pairs, not only neighbours.
 * One Gauss–Newton step per iteration, interleaved with the β steps, exactly as geepack does.
 */
final class CorrelationEstimate {
    private CorrelationEstimate() {
    }

    /** α after one Gauss–Newton step from {@code alpha}. */
    static double[] step(Clusters clusters, double[] weights, double[] pearson, double phi,
                         WorkingCorrelation corr, double[] alpha) {
        // ρ depends on a pair only through its class, so the equation needs Σ wz and Σ w per class.
        int classes = corr.pairClasses(clusters.maxSize());
        double[] sumWz = new double[classes];
        double[] sumW = new double[classes];
        for (int c = 0; c < clusters.count(); c++) {
            int[] rows = clusters.rows(c);
            for (int j = 0; j < rows.length; j++) {
                double wj = weights[rows[j]];
                double wrj = wj * pearson[rows[j]];
                for (int k = j + 1; k < rows.length; k++) {
                    int cls = corr.pairClass(j, k);
                    sumWz[cls] += wrj * weights[rows[k]] * pearson[rows[k]];
                    sumW[cls] += wj * weights[rows[k]];
                }
            }
        }
        int q = corr.parameters();
        double[][] h = new double[q][q];
        double[] g = new double[q];
        double[] e = new double[q];
        for (int cls = 0; cls < classes; cls++) {
            if (sumW[cls] == 0) {
                continue;
            }
            double resid = sumWz[cls] / phi - sumW[cls] * corr.correlation(alpha, cls);
            corr.gradient(alpha, cls, e);
            for (int a = 0; a < q; a++) {
                if (e[a] == 0) {
                    continue;
                }
                g[a] += e[a] * resid;
                for (int b = 0; b < q; b++) {
                    h[a][b] += sumW[cls] * e[a] * e[b];
                }
            }
        }
        double[][] hinv = Dense.inverse(h);
        if (hinv == null) {
            throw new GlimmerException("the correlation parameters cannot be estimated: too few pairs of rows within clusters of '"
                    + clusters.column() + "'" + (q > 1 ? " (some pair of positions never occurs with positive weight)" : ""));
        }
        double[] delta = Dense.multiply(hinv, g);
        double[] next = alpha.clone();
        for (int a = 0; a < q; a++) {
            next[a] += delta[a];
        }
        return next;
    }
}
