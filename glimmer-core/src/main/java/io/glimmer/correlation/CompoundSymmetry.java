package io.glimmer.correlation;

/**
 * Compound symmetry: every pair of rows of a group has correlation ρ, as nlme's corCompSymm. R stays
 * positive definite for −1/(m − 1) < ρ < 1 (m the largest group), so z = log((ρ + a)/(1 − ρ)) with
 * a = 1/(m − 1), nlme's own transformation.
 *
 * @param largestGroup the number of rows of the largest group (at least 2)
 */
record CompoundSymmetry(int largestGroup) implements ResidualCorrelation {
    private static final double Z_BOUND = 15;

    @Override
    public String parameterName() {
        return CorrelationSpec.Structure.CS.parameter();
    }

    private double a() {
        return 1.0 / (largestGroup - 1);
    }

    @Override
    public void fill(double rho, double[] times, double[] out) {
        int m = times.length;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = i == j ? 1 : rho;
            }
        }
    }

    @Override
    public double natural(double z) {
        double e = Math.exp(z);
        return (e - a()) / (1 + e);
    }

    @Override
    public double unconstrained(double rho) {
        return Math.log((rho + a()) / (1 - rho));
    }

    @Override
    public double upperZ() {
        return Z_BOUND;
    }

    @Override
    public double[] starts() {
        return new double[]{-a() / 2, 0, 0.3, 0.6, 0.9};
    }
}
