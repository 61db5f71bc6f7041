package io.glimmer.fit;

import io.glimmer.error.InputException;

import java.util.Locale;

/**
 * What a prediction does with the random effects: use the conditional modes of the groups seen in
 * training (lme4's {@code re.form = NULL}), set them to zero ({@code re.form = NA}), or integrate
 * them out over their distribution (a population-averaged prediction).
 */
public enum RandomEffectsMode {
    CONDITIONAL, POPULATION, MARGINAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RandomEffectsMode parse(String s) {
        for (RandomEffectsMode v : values()) {
            if (v.label().equalsIgnoreCase(s.strip())) {
                return v;
            }
        }
        throw new InputException("unknown {--random} '" + s + "' (choose conditional, population or marginal)");
    }
}
