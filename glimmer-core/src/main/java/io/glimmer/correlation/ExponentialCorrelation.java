package io.glimmer.correlation;

/**
 * Exponential correlation on a continuous time: corr = exp(−|t − t'| / range), as nlme's corExp
 * without nugget. φ is the range (what nlme reports); z = log(range).
 *
 * @param shortestLag the smallest positive distance between times within a group
 * @param longestLag  the largest distance within a group
 */
record ExponentialCorrelation(double shortestLag, double longestLag) implements ResidualCorrelation {
    /** Ranges beyond e^10 times the observed lags make R numerically all ones (or the identity). */
    private static final double LOG_MARGIN = 10;

    @Override
    public String parameterName() {
        return CorrelationSpec.Structure.EXP.parameter();
    }

    @Override
    public void fill(double range, double[] times, double[] out) {
        ResidualCorrelation.fillByLag(times, out, lag -> Math.exp(-lag / range));
    }

    @Override
    public double natural(double z) {
        return Math.exp(z);
    }

    @Override
    public double unconstrained(double range) {
        return Math.log(range);
    }

    @Override
    public double lowerZ() {
        return Math.log(shortestLag) - LOG_MARGIN;
    }

    @Override
    public double upperZ() {
        return Math.log(longestLag) + LOG_MARGIN;
    }

    @Override
    public double[] starts() {
        // Correlations at the shortest lag of about 0.02, 0.37, 0.78 and 0.94.
        return new double[]{shortestLag / 4, shortestLag, 4 * shortestLag, 16 * shortestLag};
    }
}
