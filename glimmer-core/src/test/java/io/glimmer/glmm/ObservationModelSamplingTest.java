package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.Glimmer;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The importance-sampled log-likelihood of models fitted with an observation model — a family's own
 * parameter (nbinom2, nbinom1, beta), zero inflation, an ordinal response — against the exact
 * integral: at the estimates of adaptive quadrature with 25 nodes on a scalar random intercept,
 * AGQ(25)'s log-likelihood is the integral to many digits, and the estimate must lie within 3 Monte
 * Carlo standard errors of it (every constant of the density included).
 */
class ObservationModelSamplingTest {
    record Case(String name, String data, String formula, FitOptions.Builder options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("nbinom2", "epil.csv", "y ~ lbase * trt + lage + V4 + (1 | subject)",
                        FitOptions.builder().family("nbinom2").factor("subject")),
                new Case("nbinom1 offset", "epil.csv", "y ~ trt + lage + V4 + offset(lbase) + (1 | subject)",
                        FitOptions.builder().family("nbinom1").factor("subject")),
                new Case("beta", "beta_sim1.csv", "y ~ x + (1 | g)", FitOptions.builder().family("beta").factor("g")),
                new Case("zipoisson offset", "owls.csv", "SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest)",
                        FitOptions.builder().family("poisson").zeroInflation("~ 1").factor("Nest")),
                new Case("zinbinom2", "salamanders.csv", "count ~ spp + mined + (1 | site)",
                        FitOptions.builder().family("nbinom2").zeroInflation("~ mined").factor("site")),
                new Case("ordinal logit", "wine.csv", "rating ~ temp + contact + (1 | judge)",
                        FitOptions.builder().family("ordinal").factor("judge")),
                new Case("ordinal cloglog", "ordinal_sim.csv", "y ~ x + grp + (1 | g)",
                        FitOptions.builder().family("ordinal").link("cloglog").levels(java.util.List.of("none", "low", "mid", "high", "top"))
                                .factor("g")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesQuadratureWithinThreeStandardErrors(Case c) {
        MixedModelFit agq = Glimmer.fit(Reference.data(c.data()), c.formula(), c.options().method(Method.AGQ).agqPoints(25).build());
        for (int df : new int[]{0, 4}) {
            ImportanceSampledLikelihood is = PreparedModel.of(agq).withImportanceSampledLikelihood(agq, 4000, 11, df).importanceSampled();
            assertTrue(is.standardError() > 0 && is.standardError() < 0.05, c + ": s.e. " + is.standardError());
            assertEquals(agq.logLikelihood(), is.logLikelihood(), 3 * is.standardError(), c + ", df " + df);
        }
    }
}
