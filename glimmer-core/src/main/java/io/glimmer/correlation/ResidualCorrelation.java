package io.glimmer.correlation;

import java.util.function.DoubleUnaryOperator;

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

    /** Bounds of z: symmetric about 0 unless a structure says otherwise. */
    default double lowerZ() {
        return -upperZ();
    }

    double upperZ();

    /**
     * Fills a correlation matrix that depends on the lag |t − t'| alone: 1 on the diagonal,
     * {@code ofLag} of the lag off it, each pair computed once for both triangles.
     */
    static void fillByLag(double[] times, double[] out, DoubleUnaryOperator ofLag) {
        int m = times.length;
        for (int i = 0; i < m; i++) {
            out[i * m + i] = 1;
            for (int j = 0; j < i; j++) {
                double r = ofLag.applyAsDouble(Math.abs(times[i] - times[j]));
                out[i * m + j] = r;
                out[j * m + i] = r;
            }
        }
    }

    /** A few values of φ to try before optimising, so that the optimiser starts in the right basin. */
    double[] starts();
}
