package io.glimmer.predict;

import io.glimmer.linalg.BlockedCholesky;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.SelectedInverse;

/**
 * Conditional variances of the random effects given the data at the estimates, as lme4's
 * {@code ranef(fit, condVar = TRUE)}: the diagonal of s² Λ (Λ'Z'WZΛ + I)⁻¹ Λ' within each level's
 * block, on the scale of u. W is the prior weights of a linear model or the PIRLS weights at the
 * mode of a GLMM; s² is σ² or the GLMM's dispersion (1 for binomial and Poisson).
 *
 * <p>Exact for any number of terms: the diagonal blocks of (Λ'Z'WZΛ + I)⁻¹ come from the fit's own
 * blocked factor ({@link SelectedInverse}), without forming or factoring the system again.
 */
public final class ConditionalVariances {
    private ConditionalVariances() {
    }

    /**
     * @param factor  the blocked factor of the fit, factored at θ̂ (and the weights of the fit)
     * @param lambdas relative covariance factors λ_k (q_k × q_k lower, row-major) at θ̂
     * @param scale2  σ² (linear model) or the dispersion (GLMM)
     * @return per term, levels·q conditional variances (level-major), like the modes
     */
    public static double[][] of(BlockedCholesky factor, double[][] lambdas, double scale2) {
        CrossProducts cp = factor.crossProducts();
        int k = cp.termCount();
        double[][][] blocks = SelectedInverse.diagonalBlocks(factor); // [term][level] q×q block of A⁻¹
        double[][] out = new double[k][];
        for (int t = 0; t < k; t++) {
            int q = cp.term(t).q();
            int levels = cp.term(t).levels();
            out[t] = new double[levels * q];
            for (int l = 0; l < levels; l++) {
                double[] v = blocks[t][l];
                for (int a = 0; a < q; a++) { // (λ V λ')_aa
                    double s = 0;
                    for (int x = 0; x <= a; x++) {
                        for (int y = 0; y <= a; y++) {
                            s += lambdas[t][a * q + x] * v[x * q + y] * lambdas[t][a * q + y];
                        }
                    }
                    out[t][l * q + a] = scale2 * s;
                }
            }
        }
        return out;
    }
}
