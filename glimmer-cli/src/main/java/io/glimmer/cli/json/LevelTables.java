package io.glimmer.cli.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;

import java.io.IOException;

/**
 * The fit JSON's tables with one entry per level (conditional_modes, conditional_variances,
 * conditional_intervals), written straight to a generator: on a 2M-row file with 50,000 groups they are
 * 14 MB of text, and held as a tree they were a million nodes that a young collection copied whole.
 */
final class LevelTables {
    /** The intervals' level: 95% prediction intervals of the conditional modes. */
    static final double INTERVAL_LEVEL = 0.95;

    private LevelTables() {
    }

    /** {group: {terms: [...], levels: {level: [one value per term]}}}. */
    static void modes(MixedModelFit fit, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (ConditionalModes m : fit.conditionalModes()) {
            startLevels(g, m);
            for (int l = 0; l < m.levels().size(); l++) {
                g.writeFieldName(m.levels().get(l));
                g.writeStartArray();
                for (int t = 0; t < m.terms().size(); t++) {
                    Json.element(g, m.value(l, t));
                }
                g.writeEndArray();
            }
            endLevels(g);
        }
        g.writeEndObject();
    }

    /** {group: {terms: [...], levels: {level: q × q conditional covariance matrix as rows}}}, lme4's postVar. */
    static void covariances(MixedModelFit fit, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (ConditionalModes m : fit.conditionalModes()) {
            if (!m.hasConditionalVariances()) {
                continue;
            }
            int q = m.terms().size();
            startLevels(g, m);
            for (int l = 0; l < m.levels().size(); l++) {
                g.writeFieldName(m.levels().get(l));
                g.writeStartArray();
                for (int a = 0; a < q; a++) {
                    g.writeStartArray();
                    for (int b = 0; b < q; b++) {
                        Json.element(g, m.conditionalCovariance(l, a, b));
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            endLevels(g);
        }
        g.writeEndObject();
    }

    /** Prediction intervals of the conditional modes: {group: {level, terms, levels: {l: [[lo, hi], ...]}}}. */
    static void intervals(MixedModelFit fit, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (ConditionalModes m : fit.conditionalModes()) {
            if (!m.hasConditionalVariances()) {
                continue;
            }
            g.writeFieldName(m.group());
            g.writeStartObject();
            g.writeNumberField("level", INTERVAL_LEVEL);
            terms(g, m);
            g.writeFieldName("levels");
            g.writeStartObject();
            for (int l = 0; l < m.levels().size(); l++) {
                g.writeFieldName(m.levels().get(l));
                g.writeStartArray();
                for (int t = 0; t < m.terms().size(); t++) {
                    g.writeStartArray();
                    for (double v : m.predictionInterval(l, t, INTERVAL_LEVEL)) {
                        Json.element(g, v);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            endLevels(g);
        }
        g.writeEndObject();
    }

    /** Opens {group: {terms: [...], levels: {. */
    private static void startLevels(JsonGenerator g, ConditionalModes m) throws IOException {
        g.writeFieldName(m.group());
        g.writeStartObject();
        terms(g, m);
        g.writeFieldName("levels");
        g.writeStartObject();
    }

    private static void terms(JsonGenerator g, ConditionalModes m) throws IOException {
        g.writeFieldName("terms");
        g.writeStartArray();
        for (String t : m.terms()) {
            g.writeString(t);
        }
        g.writeEndArray();
    }

    /** Closes the levels object and the group's. */
    private static void endLevels(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeEndObject();
    }
}
