package io.glimmer.conditional;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.predict.SavedModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input errors, the strata without information, and what is dropped on the way. */
class ConditionalLogitInputTest {
    private static FitOptions strata(String column) {
        return FitOptions.builder().method(Method.CONDITIONAL).strata(column).build();
    }

    /** Six strata of three (one case each), then a stratum of controls only and one of cases only. */
    private static DataFrame data() {
        double[] s = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 8, 8};
        double[] y = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1};
        double[] x = {2, 1, 0, 1, 3, 0, 0, 1, 1, 1, 2, 0, 0, 1, 2, 1, 0, 2, 5, 6, 7, 8};
        double[] age = {30, 30, 30, 41, 41, 41, 25, 25, 25, 50, 50, 50, 33, 33, 33, 47, 47, 47, 60, 60, 20, 20};
        double[] bad = y.clone();
        bad[4] = 2;
        int[] grp = new int[s.length];
        for (int r = 0; r < s.length; r++) {
            grp[r] = r % 2;
        }
        return DataFrame.of("test", List.of(new NumericColumn("s", s), new NumericColumn("y", y), new NumericColumn("x", x),
                new NumericColumn("age", age), new NumericColumn("bad", bad), new CategoricalColumn("g", grp, List.of("a", "b"))));
    }

    private static String error(String formula, FitOptions options) {
        return assertThrows(InputException.class, () -> Glimmer.fit(data(), formula, options)).getMessage();
    }

    @Test
    void dropsStrataWithoutBothOutcomes() {
        MixedModelFit fit = Glimmer.fit(data(), "y ~ x", strata("s"));
        assertTrue(fit.warnings().contains("2 strata without both outcomes dropped"), fit.warnings().toString());
        assertEquals(22, fit.nObs());
        assertEquals(6, fit.groups().get("s"));
        assertEquals(List.of("x"), fit.fixedEffects().stream().map(FixedEffect::term).toList()); // no intercept
        assertEquals("conditional", fit.method());
        assertTrue(Double.isFinite(fit.logLikelihood()));
    }

    @Test
    void interceptIsAbsorbedSilentlyAndMatchedCovariatesAreDropped() {
        MixedModelFit with = Glimmer.fit(data(), "y ~ x + age", strata("s")); // age is constant within strata
        MixedModelFit without = Glimmer.fit(data(), "y ~ 0 + x", strata("s"));
        assertEquals(without.beta("x"), with.beta("x"), 1e-12);
        assertEquals(List.of("x"), with.fixedEffects().stream().map(FixedEffect::term).toList());
        assertTrue(with.warnings().stream().anyMatch(w -> w.contains("not estimable within the strata") && w.contains("age")), with.warnings().toString());
        assertFalse(without.warnings().stream().anyMatch(w -> w.contains("Intercept")));
    }

    @Test
    void isNotSavedForPrediction() {
        MixedModelFit fit = Glimmer.fit(data(), "y ~ x", strata("s"));
        String message = assertThrows(InputException.class, () -> SavedModel.of(fit, PreparedModel.of(fit).design())).getMessage();
        assertTrue(message.contains("no intercept for new strata"), message);
    }

    @Test
    void rowsMissingTheStratumAreDropped() {
        DataFrame d = data();
        double[] s = ((NumericColumn) d.column("s")).values().clone();
        s[0] = Double.NaN;
        s[1] = Double.NaN; // stratum 1 keeps only a control, so it drops out too
        DataFrame missing = DataFrame.of("test", List.of(new NumericColumn("s", s), d.column("y"), d.column("x")));
        MixedModelFit fit = Glimmer.fit(missing, "y ~ x", strata("s"));
        assertEquals(2, fit.nDropped());
        assertEquals(20, fit.nObs());
        assertTrue(fit.warnings().contains("3 strata without both outcomes dropped"), fit.warnings().toString());
    }

    @Test
    void needsStrata() {
        assertTrue(error("y ~ x", FitOptions.builder().method(Method.CONDITIONAL).build()).contains("strata(COLUMN)"));
    }

    @Test
    void unknownStrataColumn() {
        String m = error("y ~ x", strata("pair"));
        assertTrue(m.contains("no strata column 'pair'"), m);
    }

    @Test
    void responseMustBeZeroOne() {
        String m = error("bad ~ x", strata("s"));
        assertTrue(m.contains("row 5") && m.contains("0 (control) or 1 (case)"), m);
    }

    @Test
    void noRandomEffects() {
        String m = error("y ~ x + (1 | g)", strata("s"));
        assertTrue(m.contains("no random effects") && m.contains("1 | g"), m);
    }

    @Test
    void strataInTheFormulaPointToTheOption() {
        String m = error("y ~ x + strata(s)", strata("s"));
        assertTrue(m.contains("with strata(s), not"), m);
    }

    @Test
    void otherFamiliesAndWeightsAreRejected() {
        error("y ~ x", FitOptions.builder().method(Method.CONDITIONAL).strata("s").family("poisson").build());
        error("y ~ x", FitOptions.builder().method(Method.CONDITIONAL).strata("s").link("probit").build());
        error("y ~ x", FitOptions.builder().method(Method.CONDITIONAL).strata("s").weights("age").build());
    }

    @Test
    void nothingToEstimate() {
        String m = error("y ~ age", strata("s"));
        assertTrue(m.contains("varies within the strata"), m);
    }

    @Test
    void allStrataUninformative() {
        DataFrame d = data();
        double[] own = new double[d.rows()];
        for (int r = 0; r < own.length; r++) {
            own[r] = r; // every row its own stratum
        }
        DataFrame singles = DataFrame.of("test", List.of(new NumericColumn("s", own), d.column("y"), d.column("x")));
        String e = assertThrows(InputException.class, () -> Glimmer.fit(singles, "y ~ x", strata("s"))).getMessage();
        assertTrue(e.contains("both a case and a control"), e);
    }

    /** A two-level category works as R's binomial response does: first level 0. */
    @Test
    void twoLevelCategoryIsAResponse() {
        DataFrame d = data();
        double[] y = ((NumericColumn) d.column("y")).values();
        int[] codes = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            codes[r] = (int) y[r];
        }
        DataFrame cat = DataFrame.of("test", List.of(d.column("s"), new CategoricalColumn("status", codes, List.of("no", "yes")), d.column("x")));
        assertEquals(Glimmer.fit(d, "y ~ x", strata("s")).beta("x"), Glimmer.fit(cat, "status ~ x", strata("s")).beta("x"), 1e-12);
    }
}
