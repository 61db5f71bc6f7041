package io.glimmer.predict;

import io.glimmer.family.Link;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The marginal mean E g⁻¹(η + s t) by adaptive Gauss–Hermite against adaptive Simpson and closed forms. */
class MarginalPredictionsTest {

    @ParameterizedTest(name = "{0} at η = {1}, s = {2}")
    @CsvSource({
            "logit, -1.4, 0.64", "logit, 0, 2", "logit, 3, 5", "logit, -8, 3", "logit, 25, 0.5", "logit, -3, 5", "probit, 2, 3", "cloglog, 1, 2",
            "probit, 0.7, 1.5", "cloglog, -2, 1.2", "cauchit, 0.3, 1", "log, 1.2, 0.5", "log, -3, 2",
            "sqrt, 3, 0.4", "inverse, 2, 0.1"})
    void meanAgreesWithSimpson(String link, double eta, double s) {
        Link g = Link.of(link);
        double expected = Simpson.normalMean(g::inverse, eta, s);
        assertEquals(expected, MarginalPredictions.mean(g, eta, s), 1e-4 * Math.max(1e-3, Math.abs(expected)), link);
        double slope = Simpson.normalMean(g::muEta, eta, s);
        assertEquals(slope, MarginalPredictions.meanDerivative(g, eta, s), 1e-4 * Math.max(1e-3, Math.abs(slope)), link);
    }

    @Test
    void closedForms() {
        // log link: E exp(η + s t) = exp(η + s²/2); probit: E Φ(η + s t) = Φ(η / √(1 + s²))
        assertEquals(Math.exp(1.1 + 0.3 * 0.3 / 2), MarginalPredictions.mean(Link.LOG, 1.1, 0.3), 1e-12);
        double probit = 0.5 * Erf.erfc(-(0.8 / Math.sqrt(1 + 1.7 * 1.7)) / Math.sqrt(2));
        assertEquals(probit, MarginalPredictions.mean(Link.PROBIT, 0.8, 1.7), 1e-10);
        assertEquals(2.5, MarginalPredictions.mean(Link.IDENTITY, 2.5, 3), 0);
    }

    @Test
    void logitApproximationIsCloseForModerateVariance() {
        for (double eta = -3; eta <= 3; eta += 0.5) {
            double exact = MarginalPredictions.mean(Link.LOGIT, eta, 1);
            double approx = MarginalPredictions.logitApproximation(eta, 1);
            assertTrue(Math.abs(exact - approx) < 0.01, eta + ": " + exact + " vs " + approx);
        }
        assertEquals(16 * Math.sqrt(3) / (15 * Math.PI), MarginalPredictions.LOGIT_C, 1e-15);
        assertEquals(0.5881, MarginalPredictions.LOGIT_C, 1e-4);
    }
}
