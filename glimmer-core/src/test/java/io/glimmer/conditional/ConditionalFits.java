package io.glimmer.conditional;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.model.PreparedModel;

/** The conditional logit's own result (null log-likelihood, strata counts) for tests, fitted on a prepared model. */
final class ConditionalFits {
    private ConditionalFits() {
    }

    static ConditionalLogitFit of(DataFrame data, String formula, FitOptions options) {
        PreparedModel m = PreparedModel.of(data, formula, options);
        return ConditionalLogit.estimate(m.design(), m.column(options.strata()), m.droppedBefore());
    }
}
