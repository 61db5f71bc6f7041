package io.glimmer.correlation;

import io.glimmer.FitOptions;
import io.glimmer.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.model.PreparedModel;

/** The model object of a residual-correlation fit (its likelihood at any θ and φ) for tests, made from a prepared model. */
final class CorrelatedModels {
    private CorrelatedModels() {
    }

    static CorrelatedLinearMixedModel of(DataFrame data, String formula, FitOptions options, boolean reml) {
        FitOptions o = new FitOptions(options.family(), options.link(), reml ? Method.REML : Method.ML, options.agqPoints(),
                options.weights(), options.factors(), options.cluster(), options.corstr(), options.strata(), options.correlation(), options.nonlinear());
        PreparedModel m = PreparedModel.of(data, formula, o);
        return CorrelatedLinearMixedModel.of(CorrelationSpec.parse(options.correlation()), m.estimationData(), m.estimationDataRows(),
                m.droppedBefore(), m.design(), m.response(), reml);
    }
}
