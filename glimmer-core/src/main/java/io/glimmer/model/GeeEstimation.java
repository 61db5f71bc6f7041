package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.gee.CorrelationStructure;
import io.glimmer.gee.GeeEstimator;
import io.glimmer.response.Response;

import java.util.List;

/** Generalised estimating equations (geepack's geeglm) with a working correlation within clusters. */
record GeeEstimation(String cluster, String corstr) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        GeeEstimator.check(data, formula, options);
    }

    @Override
    public List<String> rowColumns(FitOptions options) {
        return List.of(cluster);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return Response.of(design.frame(), formula.response(), family, options.weights());
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        return GeeEstimator.fitGee(model.design(), model.response(), model.family(), CorrelationStructure.parse(corstr),
                model.column(cluster), model.droppedBefore()).fit();
    }
}
