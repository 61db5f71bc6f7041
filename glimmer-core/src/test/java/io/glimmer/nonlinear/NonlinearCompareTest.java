package io.glimmer.nonlinear;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.inference.ModelComparison;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random Asym against random Asym + xmid on the orange trees, both by ML, against nlme's
 * {@code anova(fm1, fm2)} (reference/r/nlme_postfit.R): each model's random part is its formula's third
 * part (lme4's nlmer spelling), so one comparison holds both.
 */
class NonlinearCompareTest {
    /** The fits agree with nlme's log-likelihoods to about 1e-6 relative (NonlinearReferenceTest); the statistic is their difference. */
    private static final double LOGLIK_ABSOLUTE = 2e-3;

    @Test
    void comparesAsNlmeAnova() {
        Reference ref = Reference.load("orange_nlme_anova");
        JsonNode r = ref.json();
        DataFrame data = CsvReader.read(ref.dataPath(), CsvOptions.builder().build());
        Map<String, Double> start = new LinkedHashMap<>();
        r.get("start").fields().forEachRemaining(e -> start.put(e.getKey(), e.getValue().asDouble()));
        String model = r.get("model").asText();
        List<String> formulas = List.of(model + " ~ Asym | Tree", model + " ~ Asym + xmid | Tree");
        FitOptions options = FitOptions.builder().method(Method.ML).nonlinear(new FitOptions.Nonlinear(start, null, null)).build();
        ModelComparison c = Glimmer.compare(data, formulas, options);
        assertEquals(2, c.models().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(r.get("log_likelihood").get(i).asDouble(), c.models().get(i).fit().logLikelihood(), LOGLIK_ABSOLUTE, "model " + (i + 1));
            assertEquals(r.get("df").get(i).asInt(), c.models().get(i).fit().df(), "model " + (i + 1));
        }
        ModelComparison.Step step = c.tests().get(0);
        assertTrue(step.tested(), step.untestedReason());
        assertEquals(r.get("chisq").asDouble(), step.test().chisq(), 2 * LOGLIK_ABSOLUTE);
        assertEquals(r.get("chisq_df").asInt(), step.test().df());
        assertEquals(r.get("p_value").asDouble(), step.test().pValue(), 1e-3);
    }
}
