package io.glimmer.glm;

/**
 * A fitted generalized linear model (no random effects): what the mixed-model and marginal
 * estimators start from.
 *
 * @param beta       the coefficients
 * @param eta        the linear predictor offset + Xβ at β
 * @param deviance   Σ deviance residuals at β
 * @param iterations IRLS iterations run
 * @param converged  whether the last full step moved no coefficient by more than the tolerance
 */
public record GlmFit(double[] beta, double[] eta, double deviance, int iterations, boolean converged) {
    /** Whether every coefficient is finite. */
    public boolean finite() {
        for (double b : beta) {
            if (!Double.isFinite(b)) {
                return false;
            }
        }
        return true;
    }
}
