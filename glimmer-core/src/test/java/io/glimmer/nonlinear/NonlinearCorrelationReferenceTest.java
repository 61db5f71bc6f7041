package io.glimmer.nonlinear;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.Glimmer;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import io.glimmer.reference.ApiJson;
import io.glimmer.reference.Reference;
import io.glimmer.reference.ReferenceComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nlme's nlme with correlation = corAR1 / corCompSymm (reference/r/nlme_references.R): the milk
 * proteins' decay to a plateau with AR(1) residuals within cows, and the orange trees with AR(1) and compound
 * symmetry over positions, by ML and REML, within compare-reference.py's tolerances (the correlation
 * parameter within 0.005 + 0.5%, AIC and BIC within 0.02).
 */
class NonlinearCorrelationReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"milk_nlme_ar1_ml", "milk_nlme_ar1_reml", "orange_nlme_ar1_ml", "orange_nlme_ar1_reml", "orange_nlme_cs_ml"})
    void reproducesNlme(String id) {
        Reference ref = Reference.load(id);
        FitOptions options = NonlinearReferenceTest.options(ref).toBuilder()
                .correlation(ref.json().get("residual_correlation").asText()).build();
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.json().get("model").asText(), options);
        EstimatorDetails.Nonlinear details = fit.details(EstimatorDetails.Nonlinear.class);
        // what the CLI's JSON adds to the API's (compare-reference.py compares these too)
        ObjectNode got = (ObjectNode) ApiJson.of(fit);
        got.put("aic", fit.aic()).put("bic", fit.bic()).put("correlation_parameter", details.phi());
        List<String> failures = ReferenceComparison.failures(ref.json(), got);
        assertTrue(failures.isEmpty(), id + ":\n  " + ReferenceComparison.describe(failures) + "\n" + fit);
        assertEquals(ref.json().get("n_obs").asInt(), fit.nObs());
        assertEquals(ref.json().get("residual_correlation").asText(), details.correlation());
        assertTrue(fit.converged(), fit.warnings().toString());
    }
}
