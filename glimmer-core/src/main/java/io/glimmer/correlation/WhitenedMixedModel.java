package io.glimmer.correlation;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;

/** Whitened data with random effects: the project's {@link LinearMixedModel} does the work. */
record WhitenedMixedModel(LinearMixedModel model) implements WhitenedModel {
    @Override
    public double objective(double[] theta) {
        return model.objective(theta);
    }

    @Override
    public MixedModelFit estimatesAt(double[] theta) {
        return model.estimatesAt(theta).build();
    }
}
