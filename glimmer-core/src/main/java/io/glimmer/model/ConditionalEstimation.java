package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.conditional.ConditionalLogit;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;

import java.util.List;

/** Conditional logistic regression for matched sets (survival::clogit, exact). */
record ConditionalEstimation(String strata) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        ConditionalLogit.check(data, formula, options);
    }

    @Override
    public List<String> rowColumns(FitOptions options) {
        return List.of(strata);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return new Response(ConditionalLogit.response(design), null);
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        return ConditionalLogit.estimate(model.design(), model.column(strata), model.droppedBefore()).fit();
    }
}
