package io.glimmer.predict;

import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.family.Link;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predictions for new data: coding with the stored levels and constants, fallbacks, missing values, marginal means. */
class PredictorTest {

    private static double[] predict(Fitted f, DataFrame data, PredictionScale scale, RandomEffectsMode random) {
        return new Predictor(f.saved()).predict(data, scale, random).values();
    }

    private static void assertClose(double[] expected, double[] actual, double relative) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.max(1, Math.abs(expected[i])), "row " + (i + 1));
        }
    }

    @Test
    void conditionalPredictionsOnTheTrainingDataAreTheFittedValues() {
        for (Fitted f : new Fitted[]{Fitted.sleepstudy(), Fitted.cbpp(), Fitted.epil()}) {
            assertClose(f.fit().fitted(), predict(f, f.data(), PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL), 1e-10);
        }
    }

    @Test
    void roundTripCoversNestedCrossedAndSplitTermsOffsetsAndAliasedColumns() {
        Fitted[] fits = {
                Fitted.of("pastes.csv", "strength ~ 1 + (1 | batch/cask)", FitOptions.defaults()),
                Fitted.of("penicillin.csv", "diameter ~ 1 + (1 | plate) + (1 | sample)", FitOptions.defaults()),
                Fitted.of("sleepstudy.csv", "Reaction ~ Days + (Days || Subject)", FitOptions.defaults()),
                Fitted.of("sleepstudy.csv", "Reaction ~ Days + I(2 * Days) + (1 | Subject)", FitOptions.defaults()),
                Fitted.of("cbpp.csv", "incidence ~ period + offset(log(size)) + (1 | herd)",
                        FitOptions.builder().family("poisson").factors(Set.of("period", "herd")).build())};
        for (Fitted f : fits) {
            assertClose(f.fit().fitted(), predict(f, f.data(), PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL), 1e-10);
        }
        assertEquals(java.util.List.of("(Intercept)", "Days"), fits[3].saved().coefficientNames());
    }

    @Test
    void scaleUsesTheTrainingConstantsNotThoseOfTheNewData() {
        Fitted f = Fitted.of("sleepstudy.csv", "Reaction ~ scale(Days) + (1 | Subject)", FitOptions.defaults());
        assertEquals(1, f.saved().coding().scaling().size());
        assertEquals(4.5, f.saved().coding().scaling().get("scale(Days)").center(), 1e-12);
        DataFrame firstSubject = DataFrameBuilder.named("new")
                .numeric("Days", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9).categorical("Subject", repeat("308", 10)).build();
        double[] fitted = Arrays.copyOf(f.fit().fitted(), 10);
        assertClose(fitted, predict(f, firstSubject, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL), 1e-10);
    }

    @Test
    void factorLevelsAreTheStoredOnesWhateverTheNewDataHold() {
        Fitted f = Fitted.cbpp();
        assertEquals(java.util.List.of("1", "2", "3", "4"), f.saved().coding().levels().get("period"));
        // row 3 of cbpp is herd 1, period 3; the new data hold that level only, and as a number
        DataFrame one = DataFrameBuilder.named("new").numeric("period", 3).categorical("herd", "1")
                .numeric("incidence", Double.NaN).numeric("size", Double.NaN).build();
        double expected = f.fit().fitted()[2];
        assertEquals(expected, predict(f, one, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL)[0], 1e-10);
        DataFrame text = DataFrameBuilder.named("new").categorical("period", "3").categorical("herd", "1").build();
        assertEquals(expected, predict(f, text, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL)[0], 1e-10);
        DataFrame unknown = DataFrameBuilder.named("new").categorical("period", "7").categorical("herd", "1").build();
        InputException e = assertThrows(InputException.class,
                () -> predict(f, unknown, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL));
        assertTrue(e.getMessage().contains("'period'") && e.getMessage().contains("'7'"), e.getMessage());
    }

    @Test
    void unseenGroupsFallBackToThePopulationWithANote() {
        Fitted f = Fitted.sleepstudy();
        DataFrame d = DataFrameBuilder.named("new").numeric("Days", 0, 1, 2, 3)
                .categorical("Subject", "308", "999", "999", "1000").build();
        Predictions p = new Predictor(f.saved()).predict(d, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL);
        double b0 = f.fit().beta("(Intercept)");
        double b1 = f.fit().beta("Days");
        assertEquals(f.fit().fitted()[0], p.values()[0], 1e-9);
        assertEquals(b0 + b1, p.values()[1], 1e-9);
        assertEquals(b0 + 2 * b1, p.values()[2], 1e-9);
        assertEquals(b0 + 3 * b1, p.values()[3], 1e-9);
        assertEquals(1, p.notes().size());
        String note = p.notes().get(0);
        assertTrue(note.startsWith("3 rows") && note.contains("'Subject'") && note.contains("999") && note.contains("1000"), note);
    }

    @Test
    void rowsWithMissingPredictorsAreNaAndCounted() {
        Fitted f = Fitted.sleepstudy();
        DataFrame d = DataFrameBuilder.named("new").numeric("Days", 0, Double.NaN, 2)
                .categorical("Subject", "308", "308", null).build();
        for (RandomEffectsMode random : RandomEffectsMode.values()) {
            Predictions p = new Predictor(f.saved()).predict(d, PredictionScale.LINK, random);
            assertTrue(Double.isNaN(p.values()[1]), random.label());
            assertEquals(random == RandomEffectsMode.CONDITIONAL ? 2 : 1, p.missingRows(), random.label());
            assertTrue(p.notes().get(0).contains("Days"), p.notes().toString());
            assertTrue(Double.isFinite(p.values()[0]));
        }
    }

    @Test
    void populationPredictionsNeedNoGroupingColumn() {
        Fitted f = Fitted.sleepstudy();
        DataFrame d = DataFrameBuilder.named("new").numeric("Days", 0, 5).build();
        Predictions p = new Predictor(f.saved()).predict(d, PredictionScale.LINK, RandomEffectsMode.POPULATION);
        assertEquals(f.fit().beta("(Intercept)") + 5 * f.fit().beta("Days"), p.values()[1], 1e-9);
        InputException e = assertThrows(InputException.class,
                () -> new Predictor(f.saved()).predict(d, PredictionScale.LINK, RandomEffectsMode.CONDITIONAL));
        assertTrue(e.getMessage().contains("Subject"), e.getMessage());
    }

    @Test
    void populationStandardErrorsAreTheWaldOnesAndTheDeltaMethod() {
        Fitted s = Fitted.sleepstudy();
        double[][] v = s.fit().fixedEffectsCovariance();
        DataFrame d = DataFrameBuilder.named("new").numeric("Days", 0, 4).build();
        Predictions p = new Predictor(s.saved()).predict(d, PredictionScale.LINK, RandomEffectsMode.POPULATION);
        assertEquals(Math.sqrt(v[0][0]), p.stdErrors()[0], 1e-12);
        assertEquals(Math.sqrt(v[0][0] + 8 * v[0][1] + 16 * v[1][1]), p.stdErrors()[1], 1e-12);

        Fitted c = Fitted.cbpp();
        Predictions link = new Predictor(c.saved()).predict(c.data(), PredictionScale.LINK, RandomEffectsMode.POPULATION);
        Predictions response = new Predictor(c.saved()).predict(c.data(), PredictionScale.RESPONSE, RandomEffectsMode.POPULATION);
        assertEquals(Math.sqrt(c.fit().fixedEffectsCovariance()[0][0]), link.stdErrors()[0], 1e-12); // row 1: period 1
        for (int r = 0; r < 5; r++) {
            assertEquals(Link.LOGIT.muEta(link.values()[r]) * link.stdErrors()[r], response.stdErrors()[r], 1e-12);
        }
    }

    @Test
    void marginalPredictionsAreTheIntegralOverTheRandomEffects() {
        Fitted c = Fitted.cbpp();
        double sd = c.fit().randomEffects().get(0).stdDev();
        Predictor predictor = new Predictor(c.saved());
        double[] eta = predictor.predict(c.data(), PredictionScale.LINK, RandomEffectsMode.POPULATION).values();
        Predictions marginal = predictor.predict(c.data(), PredictionScale.RESPONSE, RandomEffectsMode.MARGINAL);
        Predictions marginalLink = predictor.predict(c.data(), PredictionScale.LINK, RandomEffectsMode.MARGINAL);
        assertNotNull(marginal.approximation());
        for (int r = 0; r < eta.length; r++) {
            double direct = Simpson.normalMean(Link.LOGIT::inverse, eta[r], sd);
            assertEquals(direct, marginal.values()[r], 1e-4 * direct);
            assertEquals(Link.LOGIT.link(direct), marginalLink.values()[r], 1e-4);
            double approx = MarginalPredictions.logitApproximation(eta[r], sd * sd);
            assertEquals(approx, marginal.approximation()[r], 1e-15);
            assertEquals(direct, approx, 0.01);
            assertTrue(marginal.stdErrors()[r] > 0);
        }

        Fitted e = Fitted.epil();
        double s2 = e.fit().randomEffects().get(0).variance();
        double[] etaE = new Predictor(e.saved()).predict(e.data(), PredictionScale.LINK, RandomEffectsMode.POPULATION).values();
        double[] meanE = new Predictor(e.saved()).predict(e.data(), PredictionScale.RESPONSE, RandomEffectsMode.MARGINAL).values();
        for (int r = 0; r < etaE.length; r++) {
            assertEquals(Math.exp(etaE[r] + s2 / 2), meanE[r], 1e-8 * meanE[r]); // lognormal mean
            assertEquals(Simpson.normalMean(Math::exp, etaE[r], Math.sqrt(s2)), meanE[r], 1e-4 * meanE[r]);
        }

        Fitted s = Fitted.sleepstudy();
        assertArrayEquals(new Predictor(s.saved()).predict(s.data(), PredictionScale.RESPONSE, RandomEffectsMode.POPULATION).values(),
                new Predictor(s.saved()).predict(s.data(), PredictionScale.RESPONSE, RandomEffectsMode.MARGINAL).values(), 1e-12);
    }

    @Test
    void marginalVarianceSumsEveryTermThatApplies() {
        Fitted f = Fitted.of("grouseticks.csv", "TICKS ~ YEAR + (1 | BROOD) + (1 | LOCATION)",
                FitOptions.builder().family("poisson").factors(Set.of("YEAR")).build());
        double s2 = f.fit().randomEffects().stream().mapToDouble(v -> v.variance()).sum();
        Predictor predictor = new Predictor(f.saved());
        double[] eta = predictor.predict(f.data(), PredictionScale.LINK, RandomEffectsMode.POPULATION).values();
        double[] mean = predictor.predict(f.data(), PredictionScale.RESPONSE, RandomEffectsMode.MARGINAL).values();
        for (int r = 0; r < 10; r++) {
            assertEquals(Math.exp(eta[r] + s2 / 2), mean[r], 1e-8 * mean[r]);
        }
    }

    private static String[] repeat(String s, int n) {
        String[] a = new String[n];
        Arrays.fill(a, s);
        return a;
    }
}
