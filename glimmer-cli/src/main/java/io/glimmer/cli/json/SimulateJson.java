package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Simulated responses as JSON: {@code {"seed": S, "nsim": N, "n_obs": n, "simulations": [[...], ...]}},
 * one array per replicate in the model's row order; whole numbers are written without a decimal
 * point (counts stay counts), a missing value as null.
 */
public final class SimulateJson {
    private SimulateJson() {
    }

    /** @param y [replicate][row] */
    public static String write(double[][] y, long seed) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("seed", seed);
        o.put("nsim", y.length);
        o.put("n_obs", y.length == 0 ? 0 : y[0].length);
        ArrayNode sims = o.putArray("simulations");
        for (double[] replicate : y) {
            ArrayNode a = sims.addArray();
            for (double v : replicate) {
                if (Double.isNaN(v)) {
                    a.addNull();
                } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    a.add((long) v);
                } else {
                    a.add(v);
                }
            }
        }
        return Json.compact(o);
    }
}
