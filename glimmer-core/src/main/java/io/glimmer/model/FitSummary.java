package io.glimmer.model;

import io.glimmer.fit.MixedModelFit;

/** The text a fit prints as (its toString). */
final class FitSummary {
    private FitSummary() {
    }

    static String of(MixedModelFit fit) {
        return fit.method() + " fit of " + fit.formula() + ": logLik " + fit.logLikelihood();
    }
}
