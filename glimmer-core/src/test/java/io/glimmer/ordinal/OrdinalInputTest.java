package io.glimmer.ordinal;

import io.glimmer.Glimmer;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.error.InputException;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad ordinal input in one line each, what is refused, and predicted probabilities by an exact computation. */
class OrdinalInputTest {
    private static final FitOptions ORDINAL = FitOptions.builder().family("ordinal").build();

    private static DataFrame data(String... y) {
        int n = y.length;
        double[] x = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3;
            g[i] = "g" + (i % 4);
        }
        return DataFrameBuilder.named("t").categorical("y", y).numeric("x", x).categorical("g", g).build();
    }

    private static String message(DataFrame d, String formula, FitOptions options) {
        return assertThrows(InputException.class, () -> Glimmer.fit(d, formula, options)).getMessage();
    }

    @Test
    void refusesOneCategory() {
        String m = message(data("a", "a", "a", "a", "a", "a", "a", "a"), "y ~ x + (1 | g)", ORDINAL);
        assertEquals("the ordinal response 'y' has a single category (a) in the rows used; an ordinal model needs at least two", m);
    }

    @Test
    void refusesCbind() {
        DataFrame d = DataFrameBuilder.named("t").numeric("s", 1, 2, 3, 4).numeric("f", 1, 1, 1, 1).categorical("g", "a", "b", "a", "b").build();
        String m = message(d, "cbind(s, f) ~ 1 + (1 | g)", ORDINAL);
        assertTrue(m.startsWith("an ordinal response is one column of ordered categories, not cbind(s, f)"), m);
    }

    @Test
    void refusesALinkThatIsNotCumulative() {
        String m = message(data("a", "b", "c", "a", "b", "c", "a", "b"), "y ~ x + (1 | g)", FitOptions.builder().family("ordinal").link("log").build());
        assertEquals("link 'log' is not available for the ordinal family; available links are logit, probit, cloglog", m);
    }

    @Test
    void levelsOrderTheCategoriesAndAreChecked() {
        DataFrame d = data("lo", "mid", "hi", "lo", "mid", "hi", "lo", "mid");
        FitOptions wrong = FitOptions.builder().family("ordinal").levels(List.of("lo", "hi")).build();
        assertEquals("the ordinal response 'y' is 'mid' in row 2, which is not among levels(...) lo,hi", message(d, "y ~ x + (1 | g)", wrong));
        FitOptions unused = FitOptions.builder().family("ordinal").levels(List.of("lo", "mid", "hi", "top")).build();
        assertTrue(message(d, "y ~ x + (1 | g)", unused).startsWith("category 'top' of levels(...) does not occur"));
        FitOptions gaussian = FitOptions.builder().levels(List.of("lo", "mid")).build();
        assertTrue(message(d, "x ~ 1 + (1 | g)", gaussian).startsWith("levels(...) orders an ordinal response's categories"));
        PreparedModel m = PreparedModel.of(d, "y ~ x + (1 | g)", FitOptions.builder().family("ordinal").levels(List.of("lo", "mid", "hi")).build());
        assertEquals(List.of("lo", "mid", "hi"), m.response().categories());
        assertEquals(List.of("x"), m.design().x().names()); // no intercept
    }

    @Test
    void refusesOtherMethodsAndNoIntercept() {
        DataFrame d = data("a", "b", "c", "a", "b", "c", "a", "b");
        assertEquals("the ordinal family is fitted by method(Laplace or AGQ), not PQL",
                message(d, "y ~ x + (1 | g)", FitOptions.builder().family("ordinal").method(Method.PQL).build()));
        assertTrue(message(d, "y ~ 0 + x + (1 | g)", ORDINAL).startsWith("an ordinal model's thresholds take the place of the intercept"));
    }

    @Test
    void refusesMarginalPredictionsAndPredictsProbabilities() {
        MixedModelFit fit = Glimmer.fit(Reference.data("wine.csv"), "rating ~ temp + contact + (1 | judge)", ORDINAL);
        DataFrame newData = DataFrameBuilder.named("new").categorical("temp", "warm", "cold").categorical("contact", "no", "yes")
                .categorical("judge", "3", "99").build();
        assertTrue(assertThrows(InputException.class, () -> fit.predict(newData, PredictionScale.RESPONSE, RandomEffectsMode.MARGINAL))
                .getMessage().startsWith("marginal predictions"));
        Predictions p = fit.predict(newData, PredictionScale.RESPONSE, RandomEffectsMode.CONDITIONAL);
        assertEquals(List.of("1", "2", "3", "4", "5"), p.categories());
        double[] alpha = fit.thresholds().stream().mapToDouble(t -> t.estimate()).toArray();
        double judge3 = fit.conditionalModes().get(0).value(2, 0);
        double[] eta = {fit.beta("tempwarm") + judge3, fit.beta("contactyes")}; // level 99 is unseen: at zero
        for (int r = 0; r < 2; r++) {
            assertEquals(eta[r], p.values()[r], 1e-12);
            double below = 0;
            double total = 0;
            for (int j = 0; j < 5; j++) {
                double cumulative = j == 4 ? 1 : 1 / (1 + Math.exp(-(alpha[j] - eta[r])));
                assertEquals(cumulative - below, p.probabilities()[r][j], 1e-12, "row " + r + " category " + (j + 1));
                below = cumulative;
                total += p.probabilities()[r][j];
            }
            assertEquals(1, total, 1e-12);
        }
    }
}
