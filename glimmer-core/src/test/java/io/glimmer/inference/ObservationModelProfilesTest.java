package io.glimmer.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import io.glimmer.reference.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Profile-likelihood intervals of models fitted with an observation model against glmmTMB's
 * {@code confint(fit, method = "profile")} (reference/r/glmmtmb_after_fit.R): the Owls zero-inflated
 * Poisson with an offset (β, zero inflation's γ and the random-effect sd) and the epilepsy nbinom2
 * model (β and the sd; θ re-optimised). glmmTMB profiles the sd on the log scale and reads the limits
 * off a spline through its profile points; the fits agree to about 1e-4, so each limit to 1% of the
 * interval's width.
 */
class ObservationModelProfilesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "owls_zipoisson_offset;owls.csv;SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest);poisson;~ 1;Nest",
            "epil_nbinom2;epil.csv;y ~ lbase * trt + lage + V4 + (1 | subject);nbinom2;;subject"})
    void intervalsAreGlmmTmbs(String id, String data, String formula, String family, String zi, String group) {
        FitOptions.Builder options = FitOptions.builder().family(family).factor(group);
        if (zi != null) {
            options.zeroInflation(zi);
        }
        MixedModelFit fit = Glimmer.fit(Reference.data(data), formula, options.build());
        ConfidenceIntervals ci = Glimmer.profiles(fit).intervals(0.95);
        JsonNode ref = Reference.load(id + "_after_fit").json().get("profile_intervals");
        assertEquals(ref.size(), ci.intervals().size());
        for (JsonNode r : ref) {
            String name = r.get("parameter").asText();
            String ours = name.startsWith("theta_1|") ? "sd_(Intercept)|" + group : name;
            ConfidenceInterval got = ci.get(ours);
            double width = r.get("upper").asDouble() - r.get("lower").asDouble();
            assertEquals(r.get("lower").asDouble(), got.lower(), 0.01 * width, ours + " lower");
            assertEquals(r.get("upper").asDouble(), got.upper(), 0.01 * width, ours + " upper");
        }
    }
}
