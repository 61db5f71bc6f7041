package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.ConfidenceInterval;
import io.glimmer.inference.ProfileIntervals;
import io.glimmer.inference.RefittableModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refits (simulation, the parametric bootstrap) and profiles read the fit's prepared model, so they
 * fit the rescaled design the fit itself used: refitting the observed response reproduces the fit,
 * and profile intervals of predictors in extreme units are those of sensible units, scaled exactly.
 * Before the prepared model, both rebuilt the design without the scaling.
 */
class ScaledRefitsTest {
    private static final String FORMULA = "y ~ a + b + (1 | g)";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"REML, gaussian", "ML, gaussian", "Laplace, binomial"})
    void refitOfTheObservedResponseIsTheFit(String method, String family) {
        FitOptions options = FitOptions.builder().method(Method.parse(method)).family(family).build();
        MixedModelFit fit = Glimmer.fit(PredictorScalingTest.data(1e-9, 1e9, family.equals("binomial")), FORMULA, options);
        RefittableModel model = Glimmer.refittable(fit);
        assertEquals(1e-9, model.columnScales()[1], 1e-9, "a's root mean square is its scale");
        MixedModelFit refit = model.refit(model.y());
        assertEquals(fit.logLikelihood(), refit.logLikelihood(), 1e-9 * Math.abs(fit.logLikelihood()));
        for (String term : new String[]{"a", "b"}) {
            assertEquals(fit.beta(term), refit.beta(term), 1e-7 * Math.abs(fit.beta(term)), term);
        }
        assertTrue(refit.warnings().stream().anyMatch(w -> w.contains("very different scales")),
                "the refit is of the rescaled design: " + refit.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"REML, gaussian", "Laplace, binomial"})
    void profileIntervalsScaleWithTheUnits(String method, String family) {
        FitOptions options = FitOptions.builder().method(Method.parse(method)).family(family).build();
        boolean binary = family.equals("binomial");
        ProfileIntervals plain = Glimmer.profiles(Glimmer.fit(PredictorScalingTest.data(1, 1, binary), FORMULA, options));
        ProfileIntervals extreme = Glimmer.profiles(Glimmer.fit(PredictorScalingTest.data(1e-9, 1e9, binary), FORMULA, options));
        double[] unit = {1e-9, 1e9};
        String[] terms = {"a", "b"};
        for (int k = 0; k < 2; k++) {
            ConfidenceInterval p = plain.intervals(0.95).get(terms[k]);
            ConfidenceInterval e = extreme.intervals(0.95).get(terms[k]);
            assertEquals(p.lower(), e.lower() * unit[k], 1e-5 * Math.abs(p.lower()), terms[k] + " lower");
            assertEquals(p.upper(), e.upper() * unit[k], 1e-5 * Math.abs(p.upper()), terms[k] + " upper");
            assertEquals(plain.estimate(terms[k]), extreme.estimate(terms[k]) * unit[k], 1e-5 * Math.abs(plain.estimate(terms[k])));
        }
        ConfidenceInterval ps = plain.intervals(0.95).get("sd_(Intercept)|g");
        ConfidenceInterval es = extreme.intervals(0.95).get("sd_(Intercept)|g");
        assertEquals(ps.lower(), es.lower(), 1e-5 * ps.lower());
        assertEquals(ps.upper(), es.upper(), 1e-5 * ps.upper());
    }
}
