package io.glimmer.model;

import io.glimmer.family.CumulativeLink;
import io.glimmer.family.Distribution;
import io.glimmer.family.ObservationModel;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.ObservationParameters;
import io.glimmer.fit.MixedModelFit;

/**
 * The observation model a prepared model is fitted with (an ordinal response's cumulative link, a
 * family's own parameter, zero inflation) and its parameters ψ at a fit, rebuilt from what the fit
 * reports: what importance sampling, simulation and profiles need beyond the family.
 *
 * @param model the observation model
 * @param psi   ψ at the fit, on the model's unbounded scale
 */
record FittedObservation(ObservationModel model, double[] psi) {

    /** The fitted observation model, or null for R's families (their density is the family's). */
    static FittedObservation of(PreparedModel prepared, MixedModelFit fit) {
        ObservationModel model = of(prepared);
        if (model == null) {
            return null;
        }
        return new FittedObservation(model, ObservationParameters.psi(model, fit));
    }

    /** The observation model of a prepared model, or null for R's families. */
    static ObservationModel of(PreparedModel prepared) {
        if (prepared.family().distribution() == Distribution.ORDINAL) {
            return CumulativeLink.of(prepared.family().link(), prepared.response().categories());
        }
        return GeneralizedLinearMixedModel.observationModel(prepared.family(),
                prepared.zeroInflation() == null ? null : prepared.zeroInflation().x());
    }

    /** The density at ψ. */
    ObservationModel.Conditional conditional() {
        return model.at(psi);
    }

    @Override
    public double[] psi() {
        return psi.clone();
    }
}
