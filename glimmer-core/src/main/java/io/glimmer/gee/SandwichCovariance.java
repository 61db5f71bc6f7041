package io.glimmer.gee;

import io.glimmer.error.GlimmerException;

/**
 * Covariances of β̂ at the solution: the model-based ("naive") φ I⁻¹, right when the working
 * correlation is the true one, and Liang and Zeger's robust sandwich I⁻¹ (Σ UᵢUᵢ') I⁻¹,
 * consistent whatever the true correlation (geepack's vbeta.naiv and vbeta; its summary, and
 * so the fixed-effects table, uses the robust one).
 */
record SandwichCovariance(double[][] robust, double[][] naive) {

    static SandwichCovariance at(MarginalModel m, WorkingCorrelation corr, GeeSolution s) {
        EstimatingEquations.Evaluation e = EstimatingEquations.at(m, corr, s.alpha(), s.beta());
        double[][] bread = Dense.inverse(e.information());
        if (bread == null) {
            throw new GlimmerException("the GEE information matrix is singular at the solution");
        }
        double[][] robust = Dense.multiply(Dense.multiply(bread, e.meat()), bread);
        return new SandwichCovariance(robust, Dense.scale(s.phi(), bread));
    }

    static double[] standardErrors(double[][] covariance) {
        double[] se = new double[covariance.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(covariance[j][j]);
        }
        return se;
    }
}
