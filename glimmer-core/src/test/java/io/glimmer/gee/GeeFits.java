package io.glimmer.gee;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.model.PreparedModel;

/** The GEE's own result (naive covariance, QIC, iterations) for tests, fitted on a prepared model. */
final class GeeFits {
    private GeeFits() {
    }

    static GeeFit of(DataFrame data, String formula, FitOptions options) {
        PreparedModel m = PreparedModel.of(data, formula, options);
        return GeeEstimator.fitGee(m.design(), m.response(), m.family(), CorrelationStructure.parse(options.corstr()),
                m.column(options.cluster()), m.droppedBefore());
    }
}
