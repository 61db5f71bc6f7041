package io.glimmer;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Estimation methods, named as on the command line. */
public enum Method {
    REML("REML"), ML("ML"), LAPLACE("Laplace"), AGQ("AGQ"), PQL("PQL"), GEE("GEE"), CONDITIONAL("conditional");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The method of a command-line name (case-insensitive), or an InputException listing them. */
    public static Method parse(String s) {
        for (Method m : values()) {
            if (m.label.equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new InputException("unknown method '" + s + "' (choose one of: "
                + Arrays.stream(values()).map(Method::label).collect(Collectors.joining(", ")) + ")");
    }
}
