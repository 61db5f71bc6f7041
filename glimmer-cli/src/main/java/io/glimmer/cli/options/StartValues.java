package io.glimmer.cli.options;

import io.glimmer.error.InputException;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --start Asym=170,xmid=700,scal=350}: parameter values by name, in the order written. */
final class StartValues {
    private StartValues() {
    }

    static Map<String, Double> parse(String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (spec == null) {
            return out;
        }
        for (String part : spec.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--start: expected NAME=VALUE but found '" + p + "' (e.g. --start Asym=170,xmid=700)");
            }
            String name = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new InputException("--start: the value of " + name + " is not a number: '" + value + "'", e);
            }
            if (!Double.isFinite(v)) {
                throw new InputException("--start: the value of " + name + " must be finite, not " + value);
            }
            if (out.put(name, v) != null) {
                throw new InputException("--start names " + name + " twice");
            }
        }
        return out;
    }
}
