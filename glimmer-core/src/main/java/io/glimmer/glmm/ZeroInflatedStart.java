package io.glimmer.glmm;

import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.glm.GlmFit;
import io.glimmer.glm.Irls;

import java.util.Optional;

/**
 * Starting values for a zero-inflated model, from the zero-inflated Poisson GLM without random
 * effects fitted by EM (Lambert 1992): the E-step gives each zero's probability z of being
 * structural, z = p₀ / (p₀ + (1 − p₀)e^−μ); the M-step fits the logit model of z on the
 * zero-inflation design and the Poisson GLM with prior weights w(1 − z). A few iterations put β and γ
 * near the optimum, where the joint optimiser (whose trust region starts small) would otherwise stop
 * far off along the ridge between the intercepts of the two models.
 *
 * @param beta  the count model's coefficients
 * @param gamma the zero-inflation coefficients
 * @param mu    the count model's means
 * @param countWeights the prior weights times 1 − z, for the count model's own start (θ, φ)
 */
record ZeroInflatedStart(double[] beta, double[] gamma, double[] mu, double[] countWeights) {
    private static final int MAX_ITERATIONS = 50;
    /** A start needs no more (the optimiser goes on from here). */
    private static final double SETTLED = 1e-5;

    static ZeroInflatedStart of(ModelMatrix x, double[] offset, double[] y, double[] w, ModelMatrix zi) {
        Family poisson = Family.canonical(Distribution.POISSON);
        Family logit = Family.canonical(Distribution.BINOMIAL);
        int n = y.length;
        GlmFit count = Irls.start(x, offset, y, w, poisson, "the start for the zero-inflated mixed model");
        double[] gamma = new double[zi.columns()];
        double[] p0 = new double[n];
        java.util.Arrays.fill(p0, 0.5);
        double[] z = new double[n];
        double[] countWeights = new double[n];
        double[] mu = mu(count.eta());
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int r = 0; r < n; r++) {
                z[r] = y[r] == 0 ? p0[r] / (p0[r] + (1 - p0[r]) * Math.exp(-mu[r])) : 0;
                countWeights[r] = w[r] * (1 - z[r]);
            }
            Optional<GlmFit> zeros = Irls.fit(zi.values(), zi.columns(), null, z, w, logit);
            Optional<GlmFit> counts = Irls.fit(x.values(), x.columns(), offset, y, countWeights, poisson);
            if (zeros.isEmpty() || !zeros.get().finite() || counts.isEmpty() || !counts.get().finite()) {
                break; // e.g. no zero can be structural: keep the last iteration's start
            }
            double change = Math.max(maxChange(gamma, zeros.get().beta()), maxChange(count.beta(), counts.get().beta()));
            gamma = zeros.get().beta();
            count = counts.get();
            mu = mu(count.eta());
            double[] etaZ = zeros.get().eta();
            for (int r = 0; r < n; r++) {
                p0[r] = logit.mu(etaZ[r]);
            }
            if (change < SETTLED) {
                break;
            }
        }
        return new ZeroInflatedStart(count.beta(), gamma, mu, countWeights);
    }

    private static double[] mu(double[] eta) {
        double[] mu = new double[eta.length];
        for (int r = 0; r < mu.length; r++) {
            mu[r] = Math.exp(eta[r]);
        }
        return mu;
    }

    private static double maxChange(double[] a, double[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) {
            m = Math.max(m, Math.abs(a[j] - b[j]) / (1 + Math.abs(a[j])));
        }
        return m;
    }
}
