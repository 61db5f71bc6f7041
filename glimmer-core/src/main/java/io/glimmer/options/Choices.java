package io.glimmer.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A named choice (an estimation method, a family, a link, a working correlation) found by the name a
 * user typed, and the list of names the messages give when none is found.
 */
public final class Choices {
    private Choices() {
    }

    /** The choice whose label is {@code name} (case ignored); empty for null or no match. */
    public static <T> Optional<T> find(List<T> choices, Function<? super T, String> label, String name) {
        if (name != null) {
            for (T choice : choices) {
                if (label.apply(choice).equalsIgnoreCase(name)) {
                    return Optional.of(choice);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The choice whose label is {@code name}, else the only one whose label starts with it (R's
     * pmatch, case ignored); empty for an empty name, no match or several.
     */
    public static <T> Optional<T> findByPrefix(List<T> choices, Function<? super T, String> label, String name) {
        Optional<T> exact = find(choices, label, name);
        if (exact.isPresent() || name == null || name.isEmpty()) {
            return exact;
        }
        List<T> matches = new ArrayList<>();
        for (T choice : choices) {
            if (label.apply(choice).regionMatches(true, 0, name, 0, name.length())) {
                matches.add(choice);
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** The labels, comma-separated, for a message. */
    public static <T> String list(List<T> choices, Function<? super T, String> label) {
        return choices.stream().map(label).collect(Collectors.joining(", "));
    }
}
