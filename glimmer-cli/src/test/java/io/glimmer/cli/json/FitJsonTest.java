package io.glimmer.cli.json;

import java.util.List;
import io.glimmer.fit.EstimatorDetails;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.reference.Fits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitJsonTest {
    @Test
    void glmmFitHasContractShape() throws Exception {
        ObjectNode j = FitJson.toJson(Fits.cbpp());
        assertEquals("binomial", j.get("family").asText());
        assertEquals("Laplace", j.get("method").asText());
        assertEquals(1, j.get("nAGQ").asInt());
        assertEquals(15, j.get("groups").get("herd").asInt());
        assertTrue(j.get("reml_criterion").isNull());
        assertTrue(j.get("residual_std_dev").isNull());
        assertEquals(184.053, j.get("deviance").asDouble(), 1e-3);
        assertEquals(1.4681128841144743e-09, j.get("fixed_effects").get(0).get("p_value").asDouble(), 1e-20);
        assertEquals("[{\"group\":\"herd\",\"term\":\"(Intercept)\",\"variance\":0.41225379209415347,\"std_dev\":" + Math.sqrt(0.41225379209415347) + "}]",
                j.get("random_effects").toString());
        assertEquals("{\"herd\":{\"terms\":[\"(Intercept)\"],\"levels\":{\"1\":[0.5896],\"2\":[-0.2991]}}}",
                j.get("conditional_modes").toString());
        assertEquals("{\"herd\":{\"terms\":[\"(Intercept)\"],\"levels\":{\"1\":[[0.04]],\"2\":[[null]]}}}",
                j.get("conditional_variances").toString()); // a 1 × 1 matrix per level
        assertEquals("{\"name\":\"BOBYQA\",\"evaluations\":42}", j.get("optimizer").toString());
        assertEquals(0.012, j.get("fit_seconds").asDouble());
    }

    @Test
    void nonFiniteNumbersAreNullAndTheTextIsValidJson() throws Exception {
        var fit = Fits.cbpp().toBuilder().logLikelihood(Double.NaN)
                .details(new EstimatorDetails.Gee("exchangeable", List.of("alpha"), List.of(0.1), Double.POSITIVE_INFINITY, 1, 1, 1)).build();
        String text = FitJson.write(fit);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode j = new ObjectMapper().readTree(text);
        assertTrue(j.get("log_likelihood").isNull());
        assertTrue(j.get("aic").isNull());
        assertTrue(j.get("scale").isNull());
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void noConditionalVariancesWhenNoneWereComputed() {
        ObjectNode j = FitJson.toJson(Fits.threeEffects());
        assertFalse(j.has("conditional_variances"));
        assertEquals(3, j.get("random_effect_correlations").size());
        assertTrue(j.get("optimizer").isNull());
    }
}
