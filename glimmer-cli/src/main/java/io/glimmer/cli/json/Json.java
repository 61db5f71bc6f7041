package io.glimmer.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/** What the JSON outputs share: numbers that are not finite written as null, and the writers. */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Closing a generator leaves its writer open: standard output is written to, not closed. */
    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** Indented, with "name": value (no space before the colon) and short arrays on one line. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private Json() {
    }

    /**
     * A part of a JSON value written straight to a generator; held in a tree by a POJO node, it is written in its
     * place when the tree is written ({@link #write(JsonNode, boolean, Writer)}).
     */
    @FunctionalInterface
    interface Streamed {
        void write(JsonGenerator g) throws IOException;
    }

    /** A mapper only where a streamed part must become a tree (not on the fit command's path: ~300 classes). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    /** What the part writes, as a tree of nodes. */
    static JsonNode tree(Streamed part) {
        try (TokenBuffer buffer = new TokenBuffer(null, false)) {
            part.write(buffer);
            try (JsonParser p = buffer.asParser()) {
                return Mapper.INSTANCE.readTree(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the value, or null when it is not finite. */
    static void element(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
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
        return text(o, true);
    }

    /** On one line, ending with a line break. */
    static String compact(JsonNode o) {
        return text(o, false);
    }

    /**
     * The tree written by a bare generator, as an ObjectMapper's writer writes it: a mapper is not needed to
     * write a tree, and making one loads ~300 classes, a tenth of a small fit's process (docs/BENCHMARKS.md).
     */
    private static String text(JsonNode o, boolean indented) {
        StringWriter w = new StringWriter();
        try {
            write(o, indented, w);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /**
     * The same text as {@link #pretty} or {@link #compact}, line break included, written straight to {@code w}
     * (which is flushed, not closed): a large fit's text (14 MB on a 2M-row file) is then never held whole.
     */
    static void write(JsonNode o, boolean indented, Writer w) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            if (indented) {
                g.setPrettyPrinter(PRINTER.createInstance());
            }
            write(o, g);
        }
        w.write('\n');
        w.flush();
    }

    /** One node and what it holds, each kind as its databind node serializes itself. */
    private static void write(JsonNode n, JsonGenerator g) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (var field : n.properties()) {
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : n) {
                    write(e, g);
                }
                g.writeEndArray();
            }
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                    default -> throw new IllegalStateException("cannot write JSON: number type " + n.numberType());
                }
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            case POJO -> ((Streamed) ((POJONode) n).getPojo()).write(g);
            default -> throw new IllegalStateException("cannot write JSON: node type " + n.getNodeType());
        }
    }

    static String text(ObjectWriter writer, JsonNode o) {
        try {
            return writer.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
