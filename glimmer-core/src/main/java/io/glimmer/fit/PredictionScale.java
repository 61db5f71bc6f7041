package io.glimmer.fit;

import io.glimmer.error.InputException;

import java.util.Locale;

/** The scale of a prediction, as R's {@code predict(type = )}: the linear predictor η or the mean μ = g⁻¹(η). */
public enum PredictionScale {
    LINK, RESPONSE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PredictionScale parse(String s) {
        for (PredictionScale v : values()) {
            if (v.label().equalsIgnoreCase(s.strip())) {
                return v;
            }
        }
        throw new InputException("unknown {--type} '" + s + "' (choose link or response)");
    }
}
