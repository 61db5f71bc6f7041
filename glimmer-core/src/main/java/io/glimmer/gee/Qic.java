package io.glimmer.gee;

/**
 * Pan's (2001) quasi-likelihood information criterion, computed as geepack's QIC:
 * QIC = −2 (Q(β̂; I) − tr(Ω_I V_R)), where Q is the quasi-likelihood under independence at the
 * fitted means, V_R the robust covariance of the fit and Ω_I the inverse of the model-based
 * covariance of the independence fit (geepack's vbeta.naiv of the refit with independence).
 * Smaller is better; QIC compares working correlations, QICu mean models.
 *
 * @param quasiLikelihood       Q(β̂; I)
 * @param penalty               tr(Ω_I V_R), geepack's "CIC"
 * @param parameters            number of β
 * @param correlationParameters number of α
 * @param clusters              number of clusters
 */
public record Qic(double quasiLikelihood, double penalty, int parameters, int correlationParameters, int clusters) {

    public double qic() {
        return -2 * (quasiLikelihood - penalty);
    }

    /** QIC with the penalty replaced by the number of β (Pan's approximation for nested mean models). */
    public double qicU() {
        return -2 * (quasiLikelihood - parameters);
    }

    /** geepack's small-sample corrected QIC: an AICc-like term in k = #β + #α with the number of clusters as sample size. */
    public double qicC() {
        int k = parameters + correlationParameters;
        return qic() + 2.0 * k * (k + 1) / (clusters - k - 1);
    }

    static Qic of(MarginalModel m, GeeSolution fit, double[][] robust, int correlationParameters, GeeSolution independence) {
        double quasi = QuasiLikelihood.of(m.family(), m.y(), m.mu(fit.beta()), m.weights());
        EstimatingEquations.Evaluation e = EstimatingEquations.at(m, new IndependenceCorrelation(), new double[0], independence.beta());
        double[][] omega = Dense.scale(1 / independence.phi(), e.information());
        double trace = 0;
        for (int j = 0; j < robust.length; j++) {
            for (int k = 0; k < robust.length; k++) {
                trace += omega[j][k] * robust[k][j];
            }
        }
        return new Qic(quasi, trace, m.p(), correlationParameters, m.clusters().count());
    }
}
