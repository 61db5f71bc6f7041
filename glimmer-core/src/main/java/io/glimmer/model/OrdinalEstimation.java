package io.glimmer.model;

import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.error.InputException;
import io.glimmer.family.CumulativeLink;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.response.OrdinalResponse;
import io.glimmer.response.Response;

/**
 * A cumulative-link mixed model (ordinal's clmm) by the Laplace approximation or adaptive
 * quadrature: the GLMM's machinery with the {@link CumulativeLink} of the response's categories as
 * its observation model, the thresholds estimated with θ and β, and X without its intercept.
 */
record OrdinalEstimation(int nAGQ) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        RandomTermsRequired.check(formula);
        if (!formula.intercept()) {
            throw new InputException("an ordinal model's thresholds take the place of the intercept; remove '0 +' or '- 1' from the formula");
        }
    }

    @Override
    public Design design(Design fromFormula) {
        return fromFormula.withoutIntercept();
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return OrdinalResponse.of(design.frame(), formula.response(), options.levels(), options.weights());
    }

    @Override
    public boolean rescalesPredictors() {
        return true;
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        CumulativeLink link = CumulativeLink.of(model.family().link(), model.response().categories());
        return model.unscale(new GeneralizedLinearMixedModel(model.scaledDesign(), model.response(), model.family(), nAGQ, link).fit());
    }
}
