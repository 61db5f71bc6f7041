package io.glimmer.gee;

import io.glimmer.GlimmerException;

/**
 * The first step of R's glm.fit: weighted least squares of the working response at R's
 * starting means (family {@code mustart}). The independence GEE iterated from here is the
 * ordinary GLM fit, which is where geeglm starts (it calls glm first).
 */
final class GlmStart {
    private GlmStart() {
    }

    static double[] beta(MarginalModel m) {
        int p = m.p();
        double[] x = m.x().values();
        double[][] xtwx = new double[p][p];
        double[] xtwz = new double[p];
        for (int r = 0; r < m.n(); r++) {
            double w = m.weights()[r];
            if (w == 0) {
                continue;
            }
            double mu = m.family().distribution().initialMu(m.y()[r], w);
            double eta = m.family().eta(mu);
            double dmu = m.family().muEta(eta);
            double z = eta - m.offset()[r] + (m.y()[r] - mu) / dmu;
            double iw = w * dmu * dmu / m.family().variance(mu);
            for (int j = 0; j < p; j++) {
                double xj = x[r * p + j] * iw;
                xtwz[j] += xj * z;
                for (int k = 0; k < p; k++) {
                    xtwx[j][k] += xj * x[r * p + k];
                }
            }
        }
        double[][] inverse = Dense.inverse(xtwx);
        if (inverse == null) {
            throw new GlimmerException("the fixed-effect model matrix is singular at the starting values");
        }
        return Dense.multiply(inverse, xtwz);
    }
}
