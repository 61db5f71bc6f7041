package io.glimmer.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The likelihood-ratio statistic and p-value against lme4's anova, stored in the reference fits' {@code lrt}. */
class LikelihoodRatioTestTest {
    private static final double RELATIVE = 1e-3;

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    private static void checkAgainst(String id, FitOptions options) {
        Reference ref = Reference.load(id);
        JsonNode lrt = ref.json().get("lrt");
        FitOptions o = FitOptions.builder().factors(ref.factors()).method(options.method()).family(options.family()).build();
        MixedModelFit reduced = Glimmer.fit(ref.dataPath(), lrt.get("reduced_formula").asText(), o);
        MixedModelFit full = Glimmer.fit(ref.dataPath(), ref.formula(), o);
        LikelihoodRatioTest test = LikelihoodRatioTest.between(reduced, full);
        assertRelative(lrt.get("reduced_log_likelihood").asDouble(), reduced.logLikelihood(), id + " reduced logLik");
        assertRelative(lrt.get("chisq").asDouble(), test.chisq(), id + " chisq");
        assertEquals(lrt.get("df").asInt(), test.df(), id + " df");
        assertRelative(lrt.get("p_value").asDouble(), test.pValue(), id + " p-value");
    }

    @Test
    void sleepstudyRandomSlopeMatchesLme4() {
        checkAgainst("sleepstudy_ml", FitOptions.builder().method(Method.ML).build());
    }

    @Test
    void cbppPeriodMatchesLme4() {
        checkAgainst("cbpp_laplace", FitOptions.builder().family("binomial").method(Method.LAPLACE).build());
    }

    @Test
    void statisticIsTruncatedAtZeroAsLme4Does() {
        LikelihoodRatioTest t = LikelihoodRatioTest.of(-10.0, 3, -10.000001, 4);
        assertEquals(0, t.chisq());
        assertEquals(1, t.pValue());
    }

    @Test
    void tinyPValuesAreNotRoundedToZero() {
        // pchisq(100, 1, lower.tail = FALSE) = 1.523971e-23
        assertEquals(1.523971e-23, LikelihoodRatioTest.of(0, 1, 50, 2).pValue(), 1e-28);
    }

    @Test
    void largerModelMustHaveMoreParameters() {
        assertThrows(IllegalArgumentException.class, () -> LikelihoodRatioTest.of(-5, 4, -4, 4));
    }
}
