package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.fit.Predictions;

import static io.glimmer.cli.json.Json.numbers;

/** CONTRACT's JSON of {@code glimmer predict}, on one line. */
public final class PredictJson {
    private PredictJson() {
    }

    /** CONTRACT's object: type, random, predictions (null for NA), and std_errors, approximation, categories and probabilities, n_missing, notes. */
    public static String write(Predictions p) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("type", p.scale().label());
        o.put("random", p.random().label());
        numbers(o.putArray("predictions"), p.values());
        if (p.stdErrors() != null) {
            numbers(o.putArray("std_errors"), p.stdErrors());
        }
        if (p.approximation() != null) {
            numbers(o.putArray("approximation"), p.approximation());
        }
        if (p.probabilities() != null) { // an ordinal model: each row's probability of each category, in the order of categories
            ArrayNode categories = o.putArray("categories");
            p.categories().forEach(categories::add);
            ArrayNode rows = o.putArray("probabilities");
            for (double[] row : p.probabilities()) {
                numbers(rows.addArray(), row);
            }
        }
        o.put("n_missing", p.missingRows());
        ArrayNode notes = o.putArray("notes");
        p.notes().forEach(notes::add);
        return Json.compact(o);
    }
}
