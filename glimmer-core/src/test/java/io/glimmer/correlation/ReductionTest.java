package io.glimmer.correlation;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.lmm.LinearMixedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a correlated model is an ordinary one, the likelihoods must agree with the plain LMM's. */
class ReductionTest {
    private static final SimulatedData DATA = new SimulatedData(7, false, 0.3);
    private static final String FORMULA = "y ~ x + (1 + x | subject) + (1 | school)";

    private static double plain(String formula, double[] theta, boolean reml) {
        Design design = Design.of(DATA.frame, Formula.parse(formula), null);
        return new LinearMixedModel(design, DATA.y, null, reml).objective(theta);
    }

    private static CorrelatedLinearMixedModel correlated(String formula, String spec, boolean reml) {
        return CorrelatedModels.of(DATA.frame, formula, FitOptions.builder().correlation(spec).build(), reml);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void independentResidualsGiveThePlainModel(boolean reml) {
        double[] theta = {0.9, -0.2, 0.4, 0.5};
        double expected = plain(FORMULA, theta, reml);
        assertEquals(expected, correlated(FORMULA, "ar1(t | subject)", reml).objective(theta, 0.0), 1e-9 * Math.abs(expected));
        assertEquals(expected, correlated(FORMULA, "ar1(t | subject)", reml).objective(theta, 1e-9), 1e-7 * Math.abs(expected));
        assertEquals(expected, correlated(FORMULA, "cs(1 | subject)", reml).objective(theta, 0.0), 1e-9 * Math.abs(expected));
        // range far below the shortest lag (1): exp(−1/0.01) is numerically zero.
        assertEquals(expected, correlated(FORMULA, "exp(t | subject)", reml).objective(theta, 0.01), 1e-9 * Math.abs(expected));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void compoundSymmetryWithoutRandomEffectsIsARandomIntercept(boolean reml) {
        // σ²(I + λ²J) = σ²(1 + λ²)((1 − ρ)I + ρJ) with ρ = λ²/(1 + λ²); the scale is profiled out.
        double lambda = 0.7;
        double rho = lambda * lambda / (1 + lambda * lambda);
        double expected = plain("y ~ x + (1 | subject)", new double[]{lambda}, reml);
        assertEquals(expected, correlated("y ~ x", "cs(1 | subject)", reml).objective(new double[0], rho), 1e-9 * Math.abs(expected));

        Method method = reml ? Method.REML : Method.ML;
        MixedModelFit lmm = Glimmer.fit(DATA.frame, "y ~ x + (1 | subject)", FitOptions.builder().method(method).build());
        MixedModelFit cs = Glimmer.fit(DATA.frame, "y ~ x", FitOptions.builder().method(method).correlation("cs(1 | subject)").build());
        assertEquals(lmm.logLikelihood(), cs.logLikelihood(), 1e-6);
        assertEquals(lmm.df(), cs.df());
        assertTrue(cs.randomEffects().isEmpty());
        double sb2 = lmm.randomEffects().get(0).variance();
        double s2 = lmm.residualStdDev() * lmm.residualStdDev();
        assertEquals(s2 + sb2, cs.residualStdDev() * cs.residualStdDev(), 1e-3 * (s2 + sb2));
        assertEquals(sb2 / (s2 + sb2), cs.details(EstimatorDetails.CorrelatedResiduals.class).phi(), 1e-3);
        assertEquals(lmm.beta("x"), cs.beta("x"), 1e-4);
        assertEquals(lmm.fixedEffects().get(1).stdError(), cs.fixedEffects().get(1).stdError(), 1e-4);
    }
}
