package io.glimmer.model;

import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.error.InputException;
import io.glimmer.family.Family;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FitMonitor;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.MonteCarloEm;
import io.glimmer.options.FitOptions;
import io.glimmer.options.MonteCarloSampler;
import io.glimmer.response.Response;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A GLMM by Monte Carlo EM or Monte Carlo Newton–Raphson ({@link MonteCarloEm}), started from the
 * Laplace fit of the same rescaled design. Without a seed one is drawn (below 2^53, as the command line
 * draws them) and reported in the fit's details.
 *
 * @param newtonRaphson MCNR rather than MCEM
 */
record MonteCarloEstimation(Long seed, boolean newtonRaphson, MonteCarloSampler sampler) implements Estimator {
    /** Drawn seeds are below 2^53, so that JSON readers holding numbers as doubles keep them exact. */
    private static final long DRAWN_BOUND = 1L << 53;
    /** The Laplace fit the Monte Carlo methods start from, whose response and scaling they share. */
    private static final GlmmEstimation LAPLACE = new GlmmEstimation(1);

    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        RandomTermsRequired.check(formula);
        String method = newtonRaphson ? "MCNR" : "MCEM";
        if (family.distribution().hasDispersion()) {
            throw new InputException(method + " covers GLMMs without a dispersion parameter (binomial, poisson), not the "
                    + family.distribution().name() + " family" + (family.isGaussianIdentity() ? ": use {--method ML}" : ""));
        }
        if (sampler == MonteCarloSampler.GIBBS && !(family.distribution().name().equals("binomial") && family.link().name().equals("probit"))) {
            throw new InputException("{--mc-sampler gibbs} is McCulloch's sampler for the binomial family with the probit link, not "
                    + family.name() + " (use {--mc-sampler metropolis} or {--mc-sampler importance})");
        }
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return LAPLACE.response(design, formula, family, options);
    }

    @Override
    public boolean rescalesPredictors() {
        return LAPLACE.rescalesPredictors();
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        return fit(model, FitMonitor.NONE);
    }

    @Override
    public MixedModelFit fit(PreparedModel model, FitMonitor monitor) {
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(DRAWN_BOUND);
        MixedModelFit laplace = new GeneralizedLinearMixedModel(model.scaledDesign(), model.response(), model.family(), 1).fit();
        MixedModelFit scaled = new MonteCarloEm(model.scaledDesign(), model.response(), model.family(), newtonRaphson, sampler).fit(laplace, s, monitor);
        MixedModelFit fit = model.unscale(scaled);
        if (fit.details() instanceof EstimatorDetails.MonteCarlo mc && !model.scaling().isIdentity()) {
            fit = fit.toBuilder().details(mc.unscaled(model.scaling().factors())).build();
        }
        return fit;
    }
}
