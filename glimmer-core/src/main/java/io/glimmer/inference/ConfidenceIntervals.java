package io.glimmer.inference;

import java.util.List;

/**
 * Confidence intervals for a fit's parameters at one level, in lme4's confint order.
 *
 * @param level     coverage, e.g. 0.95
 * @param method    "wald", "bootstrap" or "profile"
 * @param intervals one per parameter
 */
public record ConfidenceIntervals(double level, String method, List<ConfidenceInterval> intervals) {
    public ConfidenceIntervals {
        checkLevel(level);
        intervals = List.copyOf(intervals);
    }

    /** The interval of a named parameter. */
    public ConfidenceInterval get(String parameter) {
        for (ConfidenceInterval ci : intervals) {
            if (ci.parameter().equals(parameter)) {
                return ci;
            }
        }
        throw new IllegalArgumentException("no interval for '" + parameter + "'");
    }

    /** A level must be a probability strictly between 0 and 1. */
    public static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new io.glimmer.error.InputException("the confidence level must be between 0 and 1 (exclusive), e.g. 0.95; got " + level);
        }
    }
}
