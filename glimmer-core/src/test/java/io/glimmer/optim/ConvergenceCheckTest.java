package io.glimmer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

class ConvergenceCheckTest {
    private static final double[] NO_BOUNDS = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    // a deviance-like bowl: 100 (x−1)² + 10 (x−1)(y+2) + 4 (y+2)²
    private static final ToDoubleFunction<double[]> BOWL = v -> 100 * Math.pow(v[0] - 1, 2) + 10 * (v[0] - 1) * (v[1] + 2) + 4 * Math.pow(v[1] + 2, 2);

    @Test
    void noWarningAtTheMinimum() {
        double[] x = {1, -2};
        assertEquals(Optional.empty(), ConvergenceCheck.warning(FiniteDifferences.at(BOWL, x, 1e-4), x, NO_BOUNDS));
    }

    @Test
    void noWarningWhenTheRemainingDecreaseIsNegligible() {
        double[] x = {1 + 1e-4, -2 - 1e-3}; // a visible gradient, but the deviance could fall by ~1e-5 only
        assertEquals(Optional.empty(), ConvergenceCheck.warning(FiniteDifferences.at(BOWL, x, 1e-4), x, NO_BOUNDS));
    }

    @Test
    void warnsWhenTheDevianceCouldStillFall() {
        double[] x = {1.05, -2.2};
        Optional<String> w = ConvergenceCheck.warning(FiniteDifferences.at(BOWL, x, 1e-4), x, NO_BOUNDS);
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("could still fall"), w.get());
    }

    @Test
    void warnsAtASaddle() {
        ToDoubleFunction<double[]> saddle = v -> v[0] * v[0] - v[1] * v[1];
        double[] x = {0, 0};
        Optional<String> w = ConvergenceCheck.warning(FiniteDifferences.at(saddle, x, 1e-4), x, NO_BOUNDS);
        assertTrue(w.isPresent() && w.get().contains("not a minimum"), String.valueOf(w));
    }

    @Test
    void aBoundaryOptimumIsNotAConvergenceFailure() {
        ToDoubleFunction<double[]> f = v -> 10 * (v[0] + 1) * (v[0] + 1) + (v[1] - 3) * (v[1] - 3); // minimum at x0 = −1, bound at 0
        double[] x = {0, 3};
        double[] lower = {0, Double.NEGATIVE_INFINITY};
        assertEquals(Optional.empty(), ConvergenceCheck.warning(FiniteDifferences.at(f, x, 1e-4), x, lower));
    }

    @Test
    void finiteDifferencesOfAQuadraticAreExact() {
        FiniteDifferences d = FiniteDifferences.at(BOWL, new double[]{2, 0}, 1e-3);
        assertEquals(200 + 20, d.gradient()[0], 1e-6);
        assertEquals(10 + 16, d.gradient()[1], 1e-6);
        assertEquals(200, d.hessian()[0][0], 1e-4);
        assertEquals(10, d.hessian()[0][1], 1e-4);
        assertEquals(8, d.hessian()[1][1], 1e-4);
    }

    @Test
    void referenceFitsRaiseNoConvergenceWarnings() {
        MixedModelFit lmm = Glimmer.fit(Reference.data("sleepstudy.csv"), "Reaction ~ Days + (Days | Subject)");
        assertTrue(lmm.warnings().isEmpty(), lmm.warnings().toString());
        assertTrue(lmm.converged());
        MixedModelFit singular = Glimmer.fit(Reference.data("dyestuff2.csv"), "Yield ~ 1 + (1 | Batch)");
        assertTrue(singular.singular());
        assertFalse(singular.warnings().stream().anyMatch(s -> s.contains("optimiser")), singular.warnings().toString());
        MixedModelFit glmm = Glimmer.fit(Reference.data("cbpp.csv"), "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                FitOptions.builder().family("binomial").factor("period").build());
        assertTrue(glmm.warnings().isEmpty(), glmm.warnings().toString());
    }
}
