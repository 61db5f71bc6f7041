package io.glimmer.ordinal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.Glimmer;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ParametricBootstrap;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Simulation and the parametric bootstrap of a cumulative-link mixed model (wine, clmm's logit model
 * with a random intercept per judge). Simulated categories are checked against an exact computation:
 * each category's expected count Σ_rows ∫ P(Y = j | η_r + σz) φ(z) dz (the integral on a fine grid),
 * within 4 standard errors of the replicates' mean count. The bootstrap's standard deviations are
 * checked against clmm's standard errors (reference wine_clmm_laplace.json).
 */
class OrdinalSimulationTest {
    private static final String WINE = "rating ~ temp + contact + (1 | judge)";

    private static MixedModelFit wine() {
        return Glimmer.fit(Reference.data("wine.csv"), WINE, FitOptions.builder().family("ordinal").factor("judge").build());
    }

    @Test
    void categoriesHaveTheMarginalProbabilitiesOfTheFit() {
        MixedModelFit fit = wine();
        PreparedModel model = PreparedModel.of(fit);
        int nsim = 4000;
        double[][] y = fit.simulate(nsim, 99);
        assertArrayEquals(y[17], fit.simulate(nsim, 99)[17], "the same seed, the same draws");
        double[] alpha = fit.thresholds().stream().mapToDouble(FixedEffect::estimate).toArray();
        double sigma = fit.randomEffects().get(0).stdDev();
        double[] x = model.design().x().values();
        int p = model.design().p();
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        int n = model.design().rows();
        for (int j = 1; j <= 5; j++) {
            double expected = 0;
            for (int r = 0; r < n; r++) {
                double eta = 0;
                for (int c = 0; c < p; c++) {
                    eta += x[r * p + c] * beta[c];
                }
                expected += marginal(j, eta, alpha, sigma);
            }
            double[] counts = new double[nsim];
            for (int i = 0; i < nsim; i++) {
                for (double v : y[i]) {
                    counts[i] += v == j ? 1 : 0;
                }
            }
            double mean = 0;
            for (double c : counts) {
                mean += c / nsim;
            }
            double ss = 0;
            for (double c : counts) {
                ss += (c - mean) * (c - mean);
            }
            double se = Math.sqrt(ss / (nsim - 1) / nsim);
            assertEquals(expected, mean, 4 * se, "category " + j + " (s.e. " + se + ")");
        }
    }

    /** ∫ [F(α_j − η − σz) − F(α_{j−1} − η − σz)] φ(z) dz by the trapezoid rule on [−9, 9] (exact to ~1e-12 here). */
    private static double marginal(int j, double eta, double[] alpha, double sigma) {
        int steps = 4000;
        double h = 18.0 / steps;
        double s = 0;
        for (int i = 0; i <= steps; i++) {
            double z = -9 + i * h;
            double e = eta + sigma * z;
            double upper = j == 5 ? 1 : 1 / (1 + Math.exp(-(alpha[j - 1] - e)));
            double lower = j == 1 ? 0 : 1 / (1 + Math.exp(-(alpha[j - 2] - e)));
            double weight = (i == 0 || i == steps ? 0.5 : 1) * h * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            s += weight * (upper - lower);
        }
        return s;
    }

    @Test
    void bootstrapSpreadIsNearClmmsStandardErrors() {
        MixedModelFit fit = wine();
        BootstrapDistribution boot = ParametricBootstrap.run(PreparedModel.of(fit).refittable(fit), 100, 2026, 2, null);
        assertEquals(List.of("sd_(Intercept)|judge", "tempwarm", "contactyes", "1|2", "2|3", "3|4", "4|5"), boot.parameters());
        assertTrue(boot.failed() <= 5, boot.failed() + " failed: " + boot.failures());
        Reference ref = Reference.load("wine_clmm_laplace");
        for (String key : new String[]{"fixed_effects", "thresholds"}) {
            for (var t : ref.json().get(key)) {
                double[] column = boot.column(boot.parameters().indexOf(t.get("term").asText()));
                double mean = 0;
                int k = 0;
                for (double v : column) {
                    if (!Double.isNaN(v)) {
                        mean += v;
                        k++;
                    }
                }
                mean /= k;
                double ss = 0;
                for (double v : column) {
                    if (!Double.isNaN(v)) {
                        ss += (v - mean) * (v - mean);
                    }
                }
                double sd = Math.sqrt(ss / (k - 1));
                // 100 replicates estimate a standard deviation to ±7% (one s.e.); small-sample bias adds a little
                assertEquals(t.get("std_error").asDouble(), sd, 0.3 * t.get("std_error").asDouble(), t.get("term").asText());
            }
        }
    }
}
