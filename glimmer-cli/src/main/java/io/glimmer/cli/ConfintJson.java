package io.glimmer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ConfidenceInterval;
import io.glimmer.inference.ConfidenceIntervals;

/**
 * CONTRACT's JSON of {@code glimmer confint}:
 * {"level": 0.95, "interval": "wald", "intervals": [{"parameter", "lower", "upper"}]}, bounds null
 * where the method gives none; a bootstrap adds "nsim", "failed" and the "seed" used.
 */
final class ConfintJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private ConfintJson() {
    }

    static ObjectNode toJson(ConfidenceIntervals ci, BootstrapDistribution boot, Long seed) {
        ObjectNode o = NODES.objectNode();
        o.put("level", ci.level());
        o.put("interval", ci.method());
        ArrayNode intervals = o.putArray("intervals");
        for (ConfidenceInterval i : ci.intervals()) {
            ObjectNode e = intervals.addObject();
            e.put("parameter", i.parameter());
            CompareJson.number(e, "lower", i.lower());
            CompareJson.number(e, "upper", i.upper());
        }
        if (boot != null) {
            o.put("nsim", boot.nsim());
            o.put("failed", boot.failed());
            o.put("seed", seed);
        }
        return o;
    }

    static String write(ConfidenceIntervals ci, BootstrapDistribution boot, Long seed) {
        try {
            return new ObjectMapper().writer(PRINTER).writeValueAsString(toJson(ci, boot, seed)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
