package io.glimmer.report;

import io.glimmer.report.chart.Figure;

import java.util.function.Supplier;

/**
 * A figure not drawn yet, named by what it shows: a random effect (group and term), a parameter
 * (profile and bootstrap plots), or nothing (one figure of the whole fit). Drawing only the
 * candidates chosen keeps {@code glimmer plot} from drawing what it will not write.
 */
public record Candidate(String group, String term, String parameter, Supplier<Figure> draw) {
    static Candidate whole(Supplier<Figure> draw) {
        return new Candidate(null, null, null, draw);
    }

    static Candidate effect(String group, String term, Supplier<Figure> draw) {
        return new Candidate(group, term, null, draw);
    }

    static Candidate parameter(String name, Supplier<Figure> draw) {
        return new Candidate(null, null, name, draw);
    }

    /** What the candidate shows, as a message lists it: "Days | Subject", "sd_(Intercept)|herd". */
    public String label() {
        return parameter != null ? parameter : group != null ? term + " | " + group : "the fit";
    }
}
