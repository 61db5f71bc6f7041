package io.glimmer.model;

import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.ImportanceSampling;

/**
 * The importance-sampled log-likelihood of a fit at its estimates ({@link ImportanceSampling}), for the
 * fits whose likelihood is an integral over spherical random effects with a known prior: GLMMs of
 * families without a dispersion parameter (binomial, Poisson), of a family with a parameter of its own
 * (nbinom2, nbinom1, beta), ordinal and zero-inflated models (their observation model at the fitted
 * parameters: {@link FittedObservation}), and linear mixed models fitted by ML.
 */
final class LikelihoodSampling {
    private LikelihoodSampling() {
    }

    /** Refuses, before any fitting, a model whose fit has no such likelihood. */
    static void checkCovered(PreparedModel model, int samples) {
        if (samples < 2) {
            throw new InputException("{--loglik-samples} must be at least 2 (it is " + samples + ")");
        }
        Method method = model.method();
        if (method == Method.REML) {
            throw new InputException("{--loglik-samples} estimates the likelihood, not the REML criterion: use {--method ML}");
        }
        boolean glmmMethod = method == Method.LAPLACE || method == Method.AGQ || method == Method.MCEM || method == Method.MCNR;
        if (!(method == Method.ML || glmmMethod) || model.options().correlation() != null) {
            throw new InputException("{--loglik-samples} applies to mixed models fitted by ML, Laplace, AGQ, MCEM or MCNR without {--correlation}, not "
                    + method.label() + (model.options().correlation() != null ? " with {--correlation}" : ""));
        }
        if (glmmMethod && model.family().hasDispersion()) {
            throw new InputException("{--loglik-samples} covers GLMMs without a dispersion parameter (binomial, poisson), not the "
                    + model.family().distribution().name() + " family");
        }
    }

    static ImportanceSampledLikelihood of(PreparedModel model, MixedModelFit fit, int samples, long seed, int proposalDf) {
        checkCovered(model, samples);
        if (proposalDf < 0) {
            throw new InputException("the degrees of freedom of the t proposal must be positive, or 0 for the Gaussian (it is " + proposalDf + ")");
        }
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        // A linear mixed model's Λ is relative to σ: b ~ N(0, σ² I) and the residuals have variance σ².
        double s = fit.details() instanceof EstimatorDetails.Lmm ? fit.residualStdDev() * fit.residualStdDev() : 1;
        FittedObservation observation = FittedObservation.of(model, fit);
        ImportanceSampling sampling = new ImportanceSampling(model.design(), model.response(), model.family(),
                observation == null ? null : observation.conditional(), fit.theta(), beta, s, s);
        return sampling.estimate(samples, seed, proposalDf);
    }
}
