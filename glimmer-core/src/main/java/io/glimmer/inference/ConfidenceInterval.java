package io.glimmer.inference;

/**
 * A confidence interval for one named parameter (names as {@link NamedParameters}). A bound that
 * the method does not give (Wald intervals for variance parameters, as lme4's NA) is NaN.
 */
public record ConfidenceInterval(String parameter, double lower, double upper) {
    /** Whether the method gives this parameter an interval at all. */
    public boolean available() {
        return !Double.isNaN(lower) || !Double.isNaN(upper);
    }
}
