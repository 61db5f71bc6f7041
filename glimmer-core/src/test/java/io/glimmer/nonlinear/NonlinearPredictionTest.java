package io.glimmer.nonlinear;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.Residuals;
import io.glimmer.model.PreparedModel;
import io.glimmer.predict.Predictor;
import io.glimmer.predict.SavedModel;
import io.glimmer.predict.SavedRandomTerm;
import io.glimmer.reference.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Predictions for new data at population and group level, and level-1 residuals, against nlme's
 * {@code predict(fit, newdata, level = 0:1)} and {@code residuals(fit, level = 1)} (reference/r/nlme_postfit.R):
 * the orange trees and CO2 uptake with a covariate of the asymptote (--fixed). The last new row's group
 * was not in the fit: nlme gives NA at level 1, Glimmer its population prediction, with a note.
 *
 * <p>The prediction itself is checked exactly: Glimmer's saved model with nlme's β̂ and modes predicts what
 * nlme predicts to 1e-6 relative (it agrees to rounding). End to end, from Glimmer's own fit, the
 * predictions agree as the estimates do: nlme stops at a relative change of 1e-6 in its criterion and
 * 1e-3 in its PNLS step, and the two fits' estimates differ by up to a few 1e-5 relative.
 */
class NonlinearPredictionTest {
    private static final double RELATIVE = 1e-6;
    /**
     * Glimmer's fit against nlme's: the estimates' agreement (see the class comment). On CO2 c0 differs by
     * 5e-5 relative (0.0005 of its standard error), and the smallest uptakes, at conc near c0 where the curve
     * is steep in c0, move by up to 2e-4 relative; the orange trees' predictions agree to 3e-5.
     */
    private static double fitRelative(String id) {
        return id.startsWith("co2") ? 2e-4 : 3e-5;
    }

    /** The saved model of Glimmer's fit with nlme's fixed effects and conditional modes in place of its own. */
    static SavedModel withNlmeEstimates(SavedModel saved, JsonNode r) {
        double[] beta = new double[saved.beta().length];
        for (int j = 0; j < beta.length; j++) {
            JsonNode f = r.get("fixed_effects").get(j);
            assertEquals(saved.coefficientNames().get(j), f.get("term").asText());
            beta[j] = f.get("estimate").asDouble();
        }
        List<SavedRandomTerm> terms = new ArrayList<>();
        for (SavedRandomTerm t : saved.randomTerms()) {
            double[][] modes = new double[t.levels().size()][t.q()];
            for (int l = 0; l < modes.length; l++) {
                int level = indexOf(r.get("levels"), t.levels().get(l));
                for (int a = 0; a < t.q(); a++) {
                    modes[l][a] = r.get("conditional_modes").get(level).get(a).asDouble();
                }
            }
            terms.add(new SavedRandomTerm(t.group(), t.terms(), t.covariance(), t.levels(), modes));
        }
        return new SavedModel(saved.formula(), saved.family(), saved.link(), saved.method(), saved.nObs(), saved.coefficientNames(), beta,
                saved.betaCovariance(), saved.theta(), saved.sigma(), saved.coding(), terms, null, null, null, saved.nonlinear());
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("nlme has no level " + name);
    }

    /** Exactly from nlme's estimates, and to the fits' agreement from Glimmer's own. */
    @ParameterizedTest
    @ValueSource(strings = {"orange_nlme_predict", "co2_nlme_predict"})
    void predictsAsNlme(String id) {
        Reference ref = Reference.load(id);
        JsonNode r = ref.json();
        MixedModelFit fit = fit(ref);
        DataFrame newData = newData(r);
        Predictor nlme = new Predictor(withNlmeEstimates(PreparedModel.of(fit).saved(fit), r));
        for (Predictor p : List.of(nlme, new Predictor(PreparedModel.of(fit).saved(fit)))) {
            compare(id, r, p.predict(newData, PredictionScale.RESPONSE, RandomEffectsMode.POPULATION),
                    p.predict(newData, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL), p == nlme ? RELATIVE : fitRelative(id));
        }
    }

    /**
     * Exact: the saved model's group-level predictions on the training rows are the fit's fitted values
     * f(β̂, b̂), for every kind of nonlinear fit (general and diagonal random effects, REML, --fixed, Laplace).
     */
    @ParameterizedTest
    @ValueSource(strings = {"orange_nlme_ml", "orange_nlme_reml", "orange_nlme_two_ml", "orange_nlme_diag_ml", "theoph_nlme_fol_ml",
            "co2_nlme_fixed_ml", "orange_nlmer_laplace", "orange_nlmer_two_laplace"})
    void groupLevelPredictionsOfTheTrainingRowsAreTheFittedValues(String id) {
        Reference ref = Reference.load(id);
        MixedModelFit fit = fit(ref);
        DataFrame data = CsvReader.read(ref.dataPath(), CsvOptions.builder().build());
        double[] got = new Predictor(PreparedModel.of(fit).saved(fit)).predict(data, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL).values();
        double[] fitted = fit.fitted();
        assertEquals(fitted.length, got.length);
        // Lindstrom-Bates: the same modes, to rounding; Laplace: the modes found again from zero, to GroupModes'
        // stopping rule (Gauss-Newton decrement 1e-14 of the objective: about 1e-7 of the modes)
        double relative = id.contains("laplace") ? 1e-7 : 1e-9;
        for (int r = 0; r < got.length; r++) {
            assertEquals(fitted[r], got[r], relative * Math.abs(fitted[r]) + 1e-12, id + " row " + (r + 1));
        }
    }

    /** The reference's fit: nlme's from its fields, nlmer's from its three-part formula (random part and Laplace in it). */
    static MixedModelFit fit(Reference ref) {
        JsonNode r = ref.json();
        if (r.has("random")) {
            return Glimmer.fit(ref.dataPath(), r.get("model").asText(), NonlinearReferenceTest.options(ref));
        }
        java.util.Map<String, Double> start = new java.util.LinkedHashMap<>();
        r.get("start").fields().forEachRemaining(e -> start.put(e.getKey(), e.getValue().asDouble()));
        return Glimmer.fit(ref.dataPath(), r.get("model").asText(),
                io.glimmer.options.FitOptions.builder().nonlinear(new io.glimmer.options.FitOptions.Nonlinear(start, null, null)).build());
    }

    static DataFrame newData(JsonNode r) {
        return CsvReader.read(Reference.data(r.get("new_data").asText()), CsvOptions.builder().build());
    }

    private static void compare(String id, JsonNode r, Predictions level0, Predictions level1, double relative) {
        int n = level0.values().length;
        for (int i = 0; i < n; i++) {
            double want0 = r.get("predict_level0").get(i).asDouble();
            assertEquals(want0, level0.values()[i], relative * Math.abs(want0), id + " level 0, row " + (i + 1));
            JsonNode want1 = r.get("predict_level1").get(i);
            double got1 = level1.values()[i];
            if (want1.isNull()) { // a group the fit has not seen: population level
                assertEquals(level0.values()[i], got1, 0, id + " unseen group, row " + (i + 1));
            } else {
                assertEquals(want1.asDouble(), got1, relative * Math.abs(want1.asDouble()), id + " level 1, row " + (i + 1));
            }
        }
        assertNull(level1.stdErrors());
        assertEquals(1, level1.notes().size(), level1.notes().toString());
        assertTrue(level1.notes().get(0).contains("not seen in fitting"), level1.notes().get(0));
        assertTrue(level0.notes().isEmpty(), level0.notes().toString());
    }

    /** Level-1 residuals: response y − f(β̂, b̂) and nlme's Pearson (y − f)/σ̂, the fit's scaled residuals. */
    @ParameterizedTest
    @ValueSource(strings = {"orange_nlme_predict", "co2_nlme_predict"})
    void residualsAsNlme(String id) {
        Reference ref = Reference.load(id);
        JsonNode r = ref.json();
        MixedModelFit fit = fit(ref);
        Residuals res = fit.residuals();
        double sigma = r.get("sigma").asDouble();
        assertEquals(sigma, fit.residualStdDev(), fitRelative(id) * sigma);
        for (int i = 0; i < res.size(); i++) {
            double fitted = r.get("fitted_level1").get(i).asDouble();
            assertEquals(fitted, res.fitted()[i], fitRelative(id) * Math.abs(fitted), id + " fitted, row " + (i + 1));
            // the residual is a difference: its tolerance is the fitted value's
            assertEquals(r.get("residuals_response").get(i).asDouble(), res.response()[i], fitRelative(id) * Math.abs(fitted), id + " row " + (i + 1));
            assertEquals(r.get("residuals_pearson").get(i).asDouble(), fit.scaledResiduals()[i], 2 * fitRelative(id) * Math.abs(fitted) / sigma,
                    id + " Pearson, row " + (i + 1));
        }
    }
}
