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

    /**
     * lmer's β and σ are functions of θ and the data (profiled out), so the fit at a saved θ recomputes
     * them; on the data the model was fitted to they are the saved ones, elsewhere a warning says how far they moved.
     */
    @Override
    public MixedModelFit fitAt(PreparedModel model, SavedParameters saved) {
        Response r = model.response();
        MixedModelFit fit = new LinearMixedModel(model.design(), r.y(), r.weights(), reml).estimatesAt(saved.theta()).converged(true).build();
        double moved = 0;
        for (int j = 0; j < saved.beta().length; j++) {
            double se = fit.fixedEffects().get(j).stdError();
            moved = Math.max(moved, Math.abs(fit.fixedEffects().get(j).estimate() - saved.beta()[j]) / (se > 0 ? se : 1));
        }
        if (moved > 1e-6) {
            return fit.toBuilder().warning(String.format(java.util.Locale.ROOT, "the data are not those the model was fitted to: the fixed effects "
                    + "recomputed at the saved theta differ from the saved ones by up to %.3g standard errors", moved)).build();
        }
        return fit;
    }
}
