package io.glimmer.summary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Fits;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The summary's zero-inflation section, as glmmTMB prints it (printCoefmat with lme4's digits). */
class ZeroInflationSummaryTest {

    @Test
    void zeroInflationTableIsPrintedAsRPrintsIt() throws IOException {
        JsonNode r = Reference.load("salamanders_zipoisson").json();
        List<FixedEffect> zi = new ArrayList<>();
        for (JsonNode f : r.get("zero_inflation_fixed_effects")) {
            zi.add(new FixedEffect(f.get("term").asText(), f.get("estimate").asDouble(), f.get("std_error").asDouble(),
                    f.get("statistic").asDouble(), f.get("p_value").asDouble()));
        }
        MixedModelFit fit = Fits.cbpp().toBuilder().zeroInflationFixedEffects(zi).zeroInflationFormula("~ spp + mined").build();
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/reference/salamanders_zipoisson_zi_table.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String text = Summary.render(fit, "salamanders.csv");
        assertTrue(text.contains("\nZero-inflation model:\n" + expected), text);
        assertTrue(text.contains("Formula: cbind(incidence, size - incidence) ~ period + (1 | herd)\nZero inflation: ~ spp + mined\n"), text);
    }
}
