package io.glimmer.pql;

import io.glimmer.FitOptions;
import io.glimmer.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.formula.Formula;
import io.glimmer.glm.Irls;
import io.glimmer.response.Response;
import io.glimmer.lmm.LinearMixedModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Penalised quasi-likelihood as MASS's glmmPQL (Breslow &amp; Clayton 1993; Schall 1991): from a
 * fixed-effects GLM, repeatedly linearise the response ({@link WorkingResponse}) and fit a weighted
 * linear mixed model to it, with η updated to that model's Xβ + Zu + offset, until
 * Σ(η − η_old)² &lt; 1e-6 Σ η² or 10 fits (glmmPQL's rule and its default niter).
 *
 * <p>glmmPQL fits each linear mixed model by maximum likelihood (its lme call has method = "ML"),
 * so this does too; the reported β, variance components and σ are those of the last linear mixed
 * model, and the standard errors and t tests are lme's (its adjustSigma and degrees of freedom),
 * as glmmPQL's summary shows them.
 */
public final class PenalizedQuasiLikelihood {
    static final int MAX_ITERATIONS = 10;
    static final double TOLERANCE = 1e-6;

    private PenalizedQuasiLikelihood() {
    }

    /** PQL's response: the GLMM's, with every prior weight positive (the working model's residual variance is φ/w). */
    public static Response response(Design design, Family family, String weightsColumn) {
        Response response = Response.of(design.frame(), design.formula().response(), family, weightsColumn);
        double[] prior = response.weights();
        for (int r = 0; r < prior.length; r++) {
            if (!(prior[r] > 0)) {
                throw new InputException("PQL needs positive prior weights; row " + (design.frame().keptRows()[r] + 1) + " has weight " + prior[r]);
            }
        }
        return response;
    }

    /** Fits by PQL, starting from the GLM fit. */
    public static MixedModelFit fit(Design design, Response response, Family family) {
        long t0 = System.nanoTime();
        double[] y = response.y();
        double[] prior = response.weights();
        double[] eta = Irls.start(design.x(), design.offset(), y, prior, family, "the start of PQL").eta();
        MixedModelFit lmm = null;
        boolean converged = false;
        int iterations = 0;
        int evaluations = 0;
        while (iterations < MAX_ITERATIONS && !converged) {
            iterations++;
            WorkingResponse wr = WorkingResponse.at(eta, y, prior, family);
            lmm = new LinearMixedModel(design, wr.z(), wr.w(), false).fit();
            evaluations += lmm.optimizer().evaluations();
            double[] etaNew = lmm.fitted(); // Xβ + Zu + offset of the working model
            double change = 0;
            double size = 0;
            for (int r = 0; r < eta.length; r++) {
                change += (etaNew[r] - eta[r]) * (etaNew[r] - eta[r]);
                size += etaNew[r] * etaNew[r];
            }
            converged = change < TOLERANCE * size;
            eta = etaNew;
        }
        return report(lmm, design, family, eta, converged, iterations, evaluations, t0);
    }

    private static MixedModelFit report(MixedModelFit lmm, Design design, Family family, double[] eta, boolean converged,
                                        int iterations, int evaluations, long t0) {
        int[] df = LmeDegreesOfFreedom.of(design);
        // lme's adjustSigma (default TRUE): with method "ML", cov(β) uses σ²·N/(N − p), while the
        // reported σ stays the ML one
        int n = design.rows();
        int p = design.p();
        double inflation = n > p ? (double) n / (n - p) : 1;
        double[][] vcov = lmm.fixedEffectsCovariance();
        for (double[] row : vcov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= inflation;
            }
        }
        double[] beta = lmm.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        List<FixedEffect> fixed = FixedEffectsTable.of(design.x().names(), beta, vcov, (j, t) -> df == null ? null : LmeDegreesOfFreedom.twoSidedT(t, df[j]));
        double[] mu = new double[eta.length];
        for (int r = 0; r < eta.length; r++) {
            mu[r] = family.mu(eta[r]);
        }
        List<String> warnings = new ArrayList<>(lmm.warnings());
        if (!converged) {
            warnings.add("PQL did not converge in " + MAX_ITERATIONS + " iterations");
        }
        warnings.add("PQL maximises a quasi-likelihood, not a likelihood: no log-likelihood, AIC or BIC");
        OptimizerSummary last = lmm.optimizer();
        return lmm.toBuilder()
                .family(family.name()).link(family.link().name())
                .method("PQL")
                .details(new EstimatorDetails.Pql(iterations))
                .converged(converged && lmm.converged())
                .warnings(warnings)
                .logLikelihood(Double.NaN)
                .remlCriterion(null)
                .fixedEffects(fixed)
                .fixedEffectsCovariance(vcov)
                .fitted(mu)
                .optimizer(new OptimizerSummary("PQL, " + iterations + " weighted LMM fits (" + last.name() + ")",
                        last.start(), last.optimum(), last.objective(), evaluations, converged && last.converged(), last.messages()))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
    }
}
