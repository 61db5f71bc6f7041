package io.glimmer.correlation;

/**
 * AR(1) on an integer time: corr = φ^|t − t'|, as nlme's corAR1 (which becomes corARMA(p = 1) when
 * the times have gaps, giving the same correlations). z = atanh(φ).
 */
record Ar1Correlation() implements ResidualCorrelation {
    /** |z| ≤ 7 keeps |φ| ≤ 1 − 1.7e-6: further out the factor of R loses all precision. */
    private static final double Z_BOUND = 7;

    @Override
    public String parameterName() {
        return CorrelationSpec.Structure.AR1.parameter();
    }

    @Override
    public void fill(double phi, double[] times, double[] out) {
        // Math.pow is exact in sign for a negative base with an integral exponent.
        ResidualCorrelation.fillByLag(times, out, lag -> Math.pow(phi, lag));
    }

    @Override
    public double natural(double z) {
        return Math.tanh(z);
    }

    @Override
    public double unconstrained(double phi) {
        return 0.5 * Math.log((1 + phi) / (1 - phi));
    }

    @Override
    public double upperZ() {
        return Z_BOUND;
    }

    @Override
    public double[] starts() {
        return new double[]{-0.3, 0, 0.3, 0.6, 0.9};
    }
}
