package io.glimmer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.DenominatorDf;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cases of reference/ddf_lmertest.json (made by reference/r/ddf_lmertest.R), shared by the API's and
 * the command line's tests: each case with Satterthwaite, and with Kenward–Roger where R gave it (REML).
 */
public final class DdfReference {
    private static final JsonNode CASES = Reference.load("ddf_lmertest").json().get("cases");

    private DdfReference() {
    }

    /** (case id, method) pairs. */
    public static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CASES) {
            out.add(Arguments.of(c.get("id").asText(), DenominatorDf.SATTERTHWAITE));
            if (c.has(key(DenominatorDf.KENWARD_ROGER))) {
                out.add(Arguments.of(c.get("id").asText(), DenominatorDf.KENWARD_ROGER));
            }
        }
        return out.stream();
    }

    /** The case with this id: data, formula, method, factors, θ̂ and σ̂, and one object per method. */
    public static JsonNode reference(String id) {
        for (JsonNode c : CASES) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** R's results for a method: {fixed_effects, anova[, vcov_adjusted]}. */
    public static JsonNode results(JsonNode c, DenominatorDf ddf) {
        return c.get(key(ddf));
    }

    private static String key(DenominatorDf ddf) {
        return ddf == DenominatorDf.SATTERTHWAITE ? "satterthwaite" : "kenward_roger";
    }
}
