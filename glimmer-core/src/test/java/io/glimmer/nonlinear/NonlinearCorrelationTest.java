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
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

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

    /**
     * A row missing the correlation's group (a column outside the formula) is dropped and counted, as nlme's
     * na.omit on the model frame with the correlation's columns; the fit is then the one of the data without it.
     */
    @Test
    void rowsMissingTheCorrelationGroupAreDropped(@TempDir Path dir) throws IOException {
        Reference ref = Reference.load("orange_nlme_ar1_ml");
        List<String> lines = Files.readAllLines(ref.dataPath());
        List<String> withPlot = new ArrayList<>();
        List<String> without = new ArrayList<>();
        withPlot.add(lines.get(0) + ",\"Plot\"");
        without.add(lines.get(0) + ",\"Plot\"");
        for (int r = 1; r < lines.size(); r++) {
            String tree = lines.get(r).split(",")[0];
            withPlot.add(lines.get(r) + "," + (r == 10 ? "NA" : tree));
            if (r != 10) {
                without.add(lines.get(r) + "," + tree);
            }
        }
        Path a = Files.write(dir.resolve("a.csv"), withPlot);
        Path b = Files.write(dir.resolve("b.csv"), without);
        FitOptions options = NonlinearReferenceTest.options(ref).toBuilder().correlation("ar1(1 | Plot)").build();
        String model = ref.json().get("model").asText();
        MixedModelFit dropped = Glimmer.fit(a, model, options);
        MixedModelFit reduced = Glimmer.fit(b, model, options);
        assertEquals(lines.size() - 2, dropped.nObs());
        assertEquals(1, dropped.nDropped());
        assertEquals(0, reduced.nDropped());
        assertEquals(reduced.logLikelihood(), dropped.logLikelihood(), 1e-9 * Math.abs(reduced.logLikelihood()));
        assertEquals(reduced.details(EstimatorDetails.Nonlinear.class).phi(), dropped.details(EstimatorDetails.Nonlinear.class).phi(), 1e-12);
    }
}
