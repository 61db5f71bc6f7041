package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.correlation.CorrelatedLinearMixedModel;
import io.glimmer.correlation.CorrelationSpec;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;

import java.util.List;

/** A linear mixed model with correlated residuals within groups (nlme's lme with corAR1, corExp or corCompSymm). */
record CorrelatedEstimation(CorrelationSpec spec, boolean reml) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        CorrelatedLinearMixedModel.check(data, formula, options);
    }

    @Override
    public List<String> rowColumns(FitOptions options) {
        return CorrelatedLinearMixedModel.columns(spec);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return Response.linear(design.frame(), formula.response(), options.weights());
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        return CorrelatedLinearMixedModel.of(spec, model.estimationData(), model.estimationDataRows(), model.droppedBefore(),
                model.design(), model.response(), reml).fit();
    }
}
