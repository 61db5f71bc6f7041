package io.glimmer.correlation;

/**
 * A within-group residual correlation structure with one parameter φ. The optimiser works on an
 * unconstrained z (bounded only to keep it away from singular matrices); the fit reports φ as nlme
 * does.
 */
sealed interface ResidualCorrelation permits Ar1Correlation, ExponentialCorrelation, CompoundSymmetry {
    /** nlme's name of the parameter ("Phi", "range", "Rho"). */
    String parameterName();

    /**
     * Fills the m × m correlation matrix of one group, row-major.
     *
     * @param times the group's times (positions for ~ 1 | g), m values
     */
    void fill(double phi, double[] times, double[] out);

    double natural(double z);

    double unconstrained(double phi);

    /** Bounds of z. */
    double lowerZ();

    double upperZ();

    /** A few values of φ to try before optimising, so that the optimiser starts in the right basin. */
    double[] starts();
}
