package io.glimmer.nonlinear;

import io.glimmer.glmm.QuadratureRule;

/**
 * −2 log-likelihood of a nonlinear mixed model with one scalar random effect by adaptive
 * Gauss–Hermite quadrature, at (θ, β, σ). With u ~ N(0, σ²) per level (b = λu), level i contributes
 * ∫ (2πσ²)^{−(nᵢ+1)/2} exp(−Pᵢ(u)/(2σ²)) du, Pᵢ(u) = ‖yᵢ − f(β, λu)‖² + u². Centred at the mode ûᵢ and
 * scaled by σ/Lᵢ (Lᵢ² = 1 + Σ (λ ∂f/∂b)², the Laplace approximation's factor there), u = ûᵢ + σt/Lᵢ
 * turns it into (2πσ²)^{−nᵢ/2} Lᵢ⁻¹ E[exp(−Pᵢ(u)/(2σ²) + t²/2)], t ~ N(0, 1), which the rule sums. One
 * point (t = 0) is the Laplace approximation at that σ exactly; with σ² = Σ Pᵢ(ûᵢ)/n it is
 * {@link GroupModes.Result#deviance}.
 */
final class NonlinearQuadrature {
    private NonlinearQuadrature() {
    }

    /**
     * @param at     the conditional modes at (θ, β), from {@code modes}
     * @param lambda the 1 × 1 relative factor λ
     */
    static double deviance(GroupModes modes, GroupModes.Result at, double[] beta, double[] lambda, double sigma, QuadratureRule rule,
                           int n) {
        double[] u = at.u();
        double[] logDet = at.levelLogDet();
        int levels = u.length;
        double[] scale = new double[levels];
        for (int i = 0; i < levels; i++) {
            scale[i] = sigma * Math.exp(-logDet[i] / 2);
        }
        double twoSigma2 = 2 * sigma * sigma;
        double[][] terms = new double[rule.size()][];
        double[] largest = new double[levels];
        java.util.Arrays.fill(largest, Double.NEGATIVE_INFINITY);
        double[] moved = new double[levels];
        for (int k = 0; k < rule.size(); k++) {
            double t = rule.node(k)[0];
            for (int i = 0; i < levels; i++) {
                moved[i] = u[i] + scale[i] * t;
            }
            double[] p = modes.objectives(beta, lambda, moved);
            double[] term = new double[levels];
            double shift = Math.log(rule.weight(k)) + t * t / 2;
            for (int i = 0; i < levels; i++) {
                term[i] = shift - p[i] / twoSigma2;
                largest[i] = Math.max(largest[i], term[i]);
            }
            terms[k] = term;
        }
        double deviance = n * Math.log(2 * Math.PI * sigma * sigma);
        for (int i = 0; i < levels; i++) {
            // log Σ_k exp(term): the largest term factored out, so none underflows
            double s = 0;
            for (double[] term : terms) {
                s += Math.exp(term[i] - largest[i]);
            }
            deviance += logDet[i] - 2 * (largest[i] + Math.log(s));
        }
        return deviance;
    }
}
