package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.pql.PenalizedQuasiLikelihood;
import io.glimmer.response.Response;

/** Penalised quasi-likelihood (MASS::glmmPQL). */
record PqlEstimation() implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        RandomTermsRequired.check(formula);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return PenalizedQuasiLikelihood.response(design, family, options.weights());
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        return PenalizedQuasiLikelihood.fit(model.design(), model.response(), model.family());
    }
}
