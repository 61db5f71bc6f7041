package io.glimmer.nonlinear;

import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;
import io.glimmer.summary.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Residual correlation in nonlinear fits beyond nlme's references: corExp against corAR1, nlme's print, what is refused. */
class NonlinearCorrelationTest {

    private static MixedModelFit milk(String correlation, Method method) {
        Reference ref = Reference.load("milk_nlme_ar1_ml");
        FitOptions options = NonlinearReferenceTest.options(ref).toBuilder().method(method).correlation(correlation).build();
        return Glimmer.fit(ref.dataPath(), ref.json().get("model").asText(), options);
    }

    /**
     * On integer times exp(−|t − t'|/range) is φ^|t − t'| with φ = exp(−1/range): the exponential
     * structure is the AR(1) one reparameterised, so the two fits are the same fit (nlme itself aborts
     * on this corExp fit, so this is its check).
     */
    @Test
    void exponentialOnIntegerTimesIsAr1() {
        MixedModelFit ar1 = milk("ar1(Time | Cow)", Method.ML);
        MixedModelFit exp = milk("exp(Time | Cow)", Method.ML);
        double phi = ar1.details(EstimatorDetails.Nonlinear.class).phi();
        double range = exp.details(EstimatorDetails.Nonlinear.class).phi();
        assertEquals(phi, Math.exp(-1 / range), 1e-3);
        assertEquals(ar1.logLikelihood(), exp.logLikelihood(), 1e-4);
        assertEquals(ar1.residualStdDev(), exp.residualStdDev(), 1e-4 * ar1.residualStdDev());
        for (int j = 0; j < ar1.fixedEffects().size(); j++) {
            FixedEffect a = ar1.fixedEffects().get(j);
            FixedEffect e = exp.fixedEffects().get(j);
            assertEquals(a.estimate(), e.estimate(), 0.01 * a.stdError(), a.term());
            assertEquals(a.stdError(), e.stdError(), 1e-3 * a.stdError(), a.term());
        }
        assertEquals(ar1.df(), exp.df());
    }

    /** nlme's print of the structure: its name, formula and parameter. */
    @Test
    void summaryShowsTheStructureAsNlme() {
        MixedModelFit fit = milk("ar1(Time | Cow)", Method.ML);
        String text = Summary.render(fit, null, List.of());
        double phi = fit.details(EstimatorDetails.Nonlinear.class).phi();
        assertTrue(text.contains("Correlation Structure: AR(1)\n Formula: ~Time | Cow\n Parameter estimate(s): Phi = "
                + String.format("%.4f", phi)), text);
    }

    /** Laplace and AGQ (nlmer) have no residual correlation: one line naming the methods that do. */
    @Test
    void laplaceIsRefused() {
        for (Method method : new Method[]{Method.LAPLACE, Method.AGQ}) {
            InputException e = assertThrows(InputException.class, () -> milk("ar1(Time | Cow)", method));
            assertTrue(e.getMessage().contains("with a nonlinear model is fitted by method(ML or REML)"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
