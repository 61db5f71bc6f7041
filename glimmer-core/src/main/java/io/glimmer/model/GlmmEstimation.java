package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.response.Response;

/** A GLMM by the Laplace approximation (nAGQ = 1) or adaptive Gauss–Hermite quadrature (glmer), on the rescaled design. */
record GlmmEstimation(int nAGQ) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        RandomTermsRequired.check(formula);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return Response.of(design.frame(), formula.response(), family, options.weights());
    }

    @Override
    public boolean rescalesPredictors() {
        return true;
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        return model.unscale(new GeneralizedLinearMixedModel(model.scaledDesign(), model.response(), model.family(), nAGQ).fit());
    }
}
