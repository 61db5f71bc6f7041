package io.glimmer.glmm;

import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ZeroInflationDesign;
import io.glimmer.fit.FixedEffectsTable;

import java.util.Arrays;
import java.util.List;

/**
 * The zero-inflation model at the optimum: γ with its covariance (2H⁻¹'s block; NaN when the Hessian
 * was not positive definite) and each row's probability of a structural zero p₀ = logit⁻¹(x_zi'γ).
 */
record ZeroInflationEstimates(List<String> names, double[] gamma, double[][] covariance, double[] zeroProbabilities) {

    static ZeroInflationEstimates of(ModelMatrix x, double[] gamma, double[][] covariance) {
        int pz = x.columns();
        double[] p0 = ZeroInflationDesign.zeroProbabilities(x, gamma);
        double[][] cov = covariance;
        if (cov == null) {
            cov = new double[pz][pz];
            for (double[] row : cov) {
                Arrays.fill(row, Double.NaN);
            }
        }
        return new ZeroInflationEstimates(x.names(), gamma.clone(), cov, p0);
    }

    /** The response's mean, (1 − p₀)μ. */
    double[] responseMeans(double[] mu) {
        double[] m = new double[mu.length];
        for (int r = 0; r < m.length; r++) {
            m[r] = (1 - zeroProbabilities[r]) * mu[r];
        }
        return m;
    }

    /** The response's variance from the count model's mean and variance: (1 − p₀)(V + p₀μ²). */
    double responseVariance(int row, double mu, double countVariance) {
        double p0 = zeroProbabilities[row];
        return (1 - p0) * (countVariance + p0 * mu * mu);
    }

    /** The coefficients with Wald z tests, as the conditional model's. */
    List<io.glimmer.fit.FixedEffect> table() {
        return FixedEffectsTable.withZTests(names, gamma, covariance);
    }
}
