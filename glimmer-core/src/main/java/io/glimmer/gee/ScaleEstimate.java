package io.glimmer.gee;

/**
 * geepack's moment estimate of the scale: φ = Σ wᵢ rᵢ² / Σ wᵢ with Pearson residuals
 * r = (y − μ)/√V(μ). Its divisor is the (weighted) number of observations, not N − p as in
 * glm's dispersion: geepack solves Σ w (r² − φ) = 0 with no degrees-of-freedom correction.
 */
final class ScaleEstimate {
    private ScaleEstimate() {
    }

    static double of(double[] pearson, double[] weights) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < pearson.length; i++) {
            num += weights[i] * pearson[i] * pearson[i];
            den += weights[i];
        }
        return num / den;
    }
}
