package io.glimmer.ordinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.family.CumulativeLink;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.inference.ConfidenceInterval;
import io.glimmer.inference.ConfidenceIntervals;
import io.glimmer.model.PreparedModel;
import io.glimmer.optim.BoundedMinimizer;
import io.glimmer.options.FitOptions;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Profile intervals of a cumulative-link mixed model (wine, logit, random intercept per judge). The
 * coefficients' limits against clmm refits with the coefficient held by an offset, solved by uniroot
 * (reference/r/ordinal_after_fit.R; ordinal has no profile for clmm). The thresholds' and the sd's
 * limits by a direct constrained maximisation here: with the parameter held at a limit, the deviance
 * minimised over every other parameter (thresholds free in their own order, from the estimates, by
 * BOBYQA) must exceed the minimum by 1.96², and by less just inside the interval.
 */
class OrdinalProfilesTest {
    private static final double Z = 1.959963984540054;
    private static MixedModelFit fit;
    private static ConfidenceIntervals ci;

    @BeforeAll
    static void profile() {
        fit = Glimmer.fit(Reference.data("wine.csv"), "rating ~ temp + contact + (1 | judge)",
                FitOptions.builder().family("ordinal").factor("judge").build());
        ci = Glimmer.profiles(fit).intervals(0.95);
    }

    @Test
    void coefficientsAreThoseOfClmmRefitsWithAnOffset() {
        assertEquals(List.of("sd_(Intercept)|judge", "tempwarm", "contactyes", "1|2", "2|3", "3|4", "4|5"),
                ci.intervals().stream().map(ConfidenceInterval::parameter).toList());
        for (JsonNode r : Reference.load("wine_clmm_after_fit").json().get("profile_intervals")) {
            ConfidenceInterval got = ci.get(r.get("parameter").asText());
            double width = r.get("upper").asDouble() - r.get("lower").asDouble();
            assertEquals(r.get("lower").asDouble(), got.lower(), 1e-4 * width, got.parameter()); // worst 3.2e-5, ~1.4e-5 of the width (METHODS)
            assertEquals(r.get("upper").asDouble(), got.upper(), 1e-4 * width, got.parameter());
        }
    }

    @Test
    void thresholdAndSdLimitsAreWhereTheConstrainedDevianceRisesBy1point96Squared() {
        PreparedModel m = PreparedModel.of(fit);
        CumulativeLink link = CumulativeLink.of(m.family().link(), m.response().categories());
        GeneralizedLinearMixedModel glmm = new GeneralizedLinearMixedModel(m.design(), m.response(), m.family(), 1, link);
        double[] alpha = fit.thresholds().stream().mapToDouble(FixedEffect::estimate).toArray();
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        double sd = fit.theta()[0];
        // every parameter free: (sd, α₁ … α₄, β₁, β₂); a held one is taken out
        double[] all = new double[7];
        all[0] = sd;
        System.arraycopy(alpha, 0, all, 1, 4);
        System.arraycopy(beta, 0, all, 5, 2);
        ToDoubleFunction<double[]> deviance = v -> {
            double[] a = Arrays.copyOfRange(v, 1, 5);
            for (int j = 1; j < 4; j++) {
                if (!(a[j] > a[j - 1])) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            double[] outer = new double[5];
            outer[0] = v[0];
            System.arraycopy(link.psi(a), 0, outer, 1, 4);
            return v[0] < 0 ? Double.POSITIVE_INFINITY : glmm.deviance(outer, Arrays.copyOfRange(v, 5, 7));
        };
        double base = deviance.applyAsDouble(all);
        assertEquals(-2 * fit.logLikelihood(), base, 1e-6);
        String[] names = {"sd_(Intercept)|judge", null, "2|3", null, "4|5"};
        for (int k : new int[]{0, 2, 4}) {
            ConfidenceInterval interval = ci.get(names[k]);
            for (double limit : new double[]{interval.lower(), interval.upper()}) {
                double rise = held(deviance, all, k, limit) - base;
                assertEquals(Z * Z, rise, 0.02, names[k] + " at " + limit);
                double inside = limit + 0.05 * (all[k] - limit);
                assertTrue(held(deviance, all, k, inside) - base < Z * Z - 0.02, names[k] + " just inside " + limit);
            }
        }
    }

    /** The deviance minimised over every coordinate but k, held at x, from the estimates. */
    private static double held(ToDoubleFunction<double[]> deviance, double[] all, int k, double x) {
        double[] start = new double[all.length - 1];
        for (int i = 0, o = 0; i < all.length; i++) {
            if (i != k) {
                start[o++] = all[i];
            }
        }
        if (k != 0) { // thresholds after the held one move with it, keeping the start inside their order
            for (int j = k; j < 4; j++) {
                start[j] += x - all[k];
            }
        }
        double[] lower = new double[start.length];
        double[] upper = new double[start.length];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        if (k != 0) {
            lower[0] = 0;
        }
        ToDoubleFunction<double[]> f = u -> {
            double[] v = new double[all.length];
            for (int i = 0, o = 0; i < all.length; i++) {
                v[i] = i == k ? x : u[o++];
            }
            return deviance.applyAsDouble(v);
        };
        return BoundedMinimizer.minimize(f, start, lower, upper, 0.1, 1e-8).value();
    }
}
