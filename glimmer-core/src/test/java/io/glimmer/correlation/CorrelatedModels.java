package io.glimmer.correlation;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.model.PreparedModel;

/** The model object of a residual-correlation fit (its likelihood at any θ and φ) for tests, made from a prepared model. */
final class CorrelatedModels {
    private CorrelatedModels() {
    }

    static CorrelatedLinearMixedModel of(DataFrame data, String formula, FitOptions options, boolean reml) {
        FitOptions o = options.toBuilder().method(reml ? Method.REML : Method.ML).build();
        PreparedModel m = PreparedModel.of(data, formula, o);
        return CorrelatedLinearMixedModel.of(CorrelationSpec.parse(options.correlation()), m.estimationData(), m.estimationDataRows(),
                m.droppedBefore(), m.design(), m.response(), reml);
    }
}
