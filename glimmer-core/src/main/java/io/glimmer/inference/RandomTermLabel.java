package io.glimmer.inference;

import java.util.List;

/** A random-effects term as written in a formula, e.g. {@code (1 + Days | Subject)} or {@code (0 + Days | Subject)}. */
final class RandomTermLabel {
    private RandomTermLabel() {
    }

    static String of(String group, List<String> effects) {
        String lhs = String.join(" + ", effects.stream().map(e -> e.equals("(Intercept)") ? "1" : e).toList());
        return "(" + (effects.contains("(Intercept)") ? "" : "0 + ") + lhs + " | " + group + ")";
    }
}
