package io.glimmer.options;

import io.glimmer.error.InputException;

import java.util.List;

/** Estimation methods, named as on the command line. */
public enum Method {
    REML("REML"), ML("ML"), LAPLACE("Laplace"), AGQ("AGQ"), PQL("PQL"), GEE("GEE"), CONDITIONAL("conditional"), MCEM("MCEM"), MCNR("MCNR");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The method of a command-line name (case-insensitive), or an InputException listing them. */
    public static Method parse(String s) {
        List<Method> all = List.of(values());
        return Choices.find(all, Method::label, s).orElseThrow(() -> new InputException(
                "unknown method '" + s + "' (choose one of: " + Choices.list(all, Method::label) + ")"));
    }
}
