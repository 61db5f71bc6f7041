package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.MonteCarloEm;
import io.glimmer.response.Response;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A GLMM by Monte Carlo EM ({@link MonteCarloEm}), started from the Laplace fit of the same rescaled
 * design. Without a seed one is drawn (below 2^53, as the command line draws them) and reported in the
 * fit's details.
 */
record MonteCarloEstimation(Long seed) implements Estimator {
    /** Drawn seeds are below 2^53, so that JSON readers holding numbers as doubles keep them exact. */
    private static final long DRAWN_BOUND = 1L << 53;
    /** The Laplace fit MCEM starts from, whose response and scaling it shares. */
    private static final GlmmEstimation LAPLACE = new GlmmEstimation(1);

    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        RandomTermsRequired.check(formula);
        if (family.distribution().hasDispersion()) {
            throw new InputException("MCEM covers GLMMs without a dispersion parameter (binomial, poisson), not the "
                    + family.distribution().name() + " family" + (family.isGaussianIdentity() ? ": use {--method ML}" : ""));
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
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(DRAWN_BOUND);
        MixedModelFit laplace = new GeneralizedLinearMixedModel(model.scaledDesign(), model.response(), model.family(), 1).fit();
        return model.unscale(new MonteCarloEm(model.scaledDesign(), model.response(), model.family()).fit(laplace, s));
    }
}
