package io.glimmer.lmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.reference.Reference;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fit reports the best θ evaluated, from the factor kept at that evaluation: the estimates are
 * bit for bit those of a fresh model refactored at the reported θ, and the reported objective is
 * the objective there.
 */
class OptimumStateTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "sleepstudy.csv; Reaction ~ Days + (Days | Subject); true; Subject",
            "sleepstudy.csv; Reaction ~ Days + (Days || Subject); false; Subject",
            "penicillin.csv; diameter ~ 1 + (1 | plate) + (1 | sample); true; ",
            "pastes.csv; strength ~ 1 + (1 | batch/cask); false; ",
            "dyestuff2.csv; Yield ~ 1 + (1 | Batch); true; ",
            "dyestuff.csv; Yield ~ 1 + (1 | Batch); false; "})
    void estimatesAreThoseRefactoredAtTheReportedTheta(String file, String formula, boolean reml, String factors) {
        CsvOptions options = CsvOptions.builder().factors(factors == null ? Set.of() : Set.of(factors)).build();
        DataFrame data = CsvReader.read(Reference.data(file), options);
        Design design = Design.of(data, Formula.parse(formula), null);
        double[] y = design.frame().numeric(design.formula().response());

        MixedModelFit fit = new LinearMixedModel(design, y, null, reml).fit();
        LinearMixedModel fresh = new LinearMixedModel(design, y, null, reml);
        double[] theta = fit.theta();
        MixedModelFit again = fresh.estimatesAt(theta).build();

        assertEquals(fresh.objective(theta), fit.optimizer().objective(), 0.0, "objective at the reported theta");
        assertArrayEquals(theta, fit.optimizer().optimum(), 0.0);
        assertEquals(again.logLikelihood(), fit.logLikelihood(), 0.0);
        assertEquals(again.residualStdDev(), fit.residualStdDev(), 0.0);
        for (int j = 0; j < fit.fixedEffects().size(); j++) {
            assertEquals(again.fixedEffects().get(j).estimate(), fit.fixedEffects().get(j).estimate(), 0.0);
            assertEquals(again.fixedEffects().get(j).stdError(), fit.fixedEffects().get(j).stdError(), 0.0);
        }
        for (int k = 0; k < fit.conditionalModes().size(); k++) {
            ConditionalModes a = again.conditionalModes().get(k);
            ConditionalModes b = fit.conditionalModes().get(k);
            for (int level = 0; level < a.levels().size(); level++) {
                assertArrayEquals(a.level(level), b.level(level), 0.0);
                for (int t = 0; t < a.terms().size(); t++) {
                    assertEquals(a.conditionalVariance(level, t), b.conditionalVariance(level, t), 0.0);
                }
            }
        }
        assertArrayEquals(again.fitted(), fit.fitted(), 0.0);
    }
}
