package io.glimmer.cli.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the JSON outputs share: numbers that are not finite written as null, and the writers. */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Indented, with "name": value (no space before the colon) and short arrays on one line. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private Json() {
    }

    /** The value, or null when it is missing or not finite. */
    static void number(ObjectNode o, String name, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v.doubleValue());
        }
    }

    /** Appends the value, or null when it is not finite. */
    static void element(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            element(a, x);
        }
    }

    /** The rows as arrays of numbers. */
    static void matrix(ArrayNode a, double[][] m) {
        for (double[] row : m) {
            numbers(a.addArray(), row);
        }
    }

    /** Indented as {@link #PRINTER} does it, ending with a line break. */
    static String pretty(JsonNode o) {
        return text(MAPPER.writer(PRINTER), o);
    }

    /** On one line, ending with a line break. */
    static String compact(JsonNode o) {
        return text(MAPPER.writer(), o);
    }

    static String text(ObjectWriter writer, JsonNode o) {
        try {
            return writer.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
