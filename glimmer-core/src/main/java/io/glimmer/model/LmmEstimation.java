package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.response.Response;

/** A linear mixed model by REML or ML (lmer), on the rescaled design. */
record LmmEstimation(boolean reml) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        if (!family.isGaussianIdentity()) {
            throw new InputException("REML and ML apply to the gaussian family with the identity link; use {--method Laplace or AGQ} for the "
                    + (options.family() == null ? "gaussian" : options.family()) + " family" + (options.link() == null ? "" : " with the " + options.link() + " link"));
        }
        if (formula.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        RandomTermsRequired.check(formula);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return Response.linear(design.frame(), formula.response(), options.weights());
    }

    @Override
    public boolean rescalesPredictors() {
        return true;
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        Response r = model.response();
        return model.unscale(new LinearMixedModel(model.scaledDesign(), r.y(), r.weights(), reml).fit());
    }
}
