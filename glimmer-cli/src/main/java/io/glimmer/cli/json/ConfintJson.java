package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ConfidenceInterval;
import io.glimmer.inference.ConfidenceIntervals;

import static io.glimmer.cli.json.Json.NODES;

/**
 * CONTRACT's JSON of {@code glimmer confint}:
 * {"level": 0.95, "interval": "wald", "intervals": [{"parameter", "lower", "upper"}]}, bounds null
 * where the method gives none; a bootstrap adds "nsim", "failed" and the "seed" used.
 */
public final class ConfintJson {
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
            Json.number(e, "lower", i.lower());
            Json.number(e, "upper", i.upper());
        }
        if (boot != null) {
            o.put("nsim", boot.nsim());
            o.put("failed", boot.failed());
            o.put("seed", seed);
        }
        return o;
    }

    public static String write(ConfidenceIntervals ci, BootstrapDistribution boot, Long seed) {
        return Json.pretty(toJson(ci, boot, seed));
    }
}
