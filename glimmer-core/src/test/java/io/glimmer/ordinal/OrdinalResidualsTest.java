package io.glimmer.ordinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.Residuals;
import io.glimmer.options.FitOptions;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

/**
 * Residuals of a cumulative-link mixed model against values computed in R from ordinal::clmm's fit of
 * wine (reference/r/ordinal_after_fit.R): clmm's fitted values, Li and Shepherd's probability-scale
 * residuals P(Y &lt; y) − P(Y &gt; y), the Pearson residuals of the category numbers as scores and the
 * signed deviance residuals √(−2 log P(Y = y)), at the
 * conditional modes. The fits agree to about 1e-4, so the residuals to 1e-3.
 */
class OrdinalResidualsTest {
    /** The largest difference from R's, computed from clmm's own estimates, is 6.6e-6 (docs/METHODS.md). */
    static final double TOLERANCE = 5e-5;

    @Test
    void probabilityScaleAndDevianceResidualsAreClmms() {
        MixedModelFit fit = Glimmer.fit(Reference.data("wine.csv"), "rating ~ temp + contact + (1 | judge)",
                FitOptions.builder().family("ordinal").factor("judge").build());
        Residuals r = fit.residuals();
        JsonNode ref = Reference.load("wine_clmm_after_fit").json();
        assertEquals(72, r.size());
        double devianceSquares = 0;
        for (int i = 0; i < r.size(); i++) {
            assertEquals(ref.get("fitted").get(i).asDouble(), r.fitted()[i], TOLERANCE, "fitted, row " + (i + 1));
            assertEquals(fit.fitted()[i], r.fitted()[i], 1e-9, "the fit's fitted values");
            assertEquals(ref.get("residuals_probability_scale").get(i).asDouble(), r.response()[i], TOLERANCE, "probability scale, row " + (i + 1));
            assertEquals(ref.get("residuals_deviance").get(i).asDouble(), r.deviance()[i], TOLERANCE, "deviance, row " + (i + 1));
            assertEquals(ref.get("residuals_pearson_scores").get(i).asDouble(), r.pearson()[i], TOLERANCE, "Pearson, row " + (i + 1));
            assertTrue(Double.isNaN(r.working()[i]), "no working residuals");
            devianceSquares += r.deviance()[i] * r.deviance()[i];
        }
        double conditional = 0; // −2 log p(y | b̂) from the fitted probabilities
        for (double p : fit.fitted()) {
            conditional -= 2 * Math.log(p);
        }
        assertEquals(conditional, devianceSquares, 1e-9);
    }
}
