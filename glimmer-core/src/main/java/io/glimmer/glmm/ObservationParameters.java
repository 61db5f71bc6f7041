package io.glimmer.glmm;

import io.glimmer.family.ObservationModel;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * An observation model's parameters at a fit, rebuilt from what the fit reports (thresholds as
 * coefficients, the family's own parameters by name, then zero inflation's γ), so that a model can
 * be evaluated again where it was fitted: importance sampling, profiles.
 */
public final class ObservationParameters {
    private ObservationParameters() {
    }

    /** The reported values in the order of {@link ObservationModel#parameterNames()}. */
    public static double[] natural(ObservationModel model, MixedModelFit fit) {
        double[] v = collect(model, fit, FixedEffect::estimate, fit.familyParameters());
        for (double x : v) {
            if (Double.isNaN(x)) {
                throw new IllegalStateException("the fit does not report the parameters " + model.parameterNames());
            }
        }
        return v;
    }

    /** ψ at the fit, on the model's unbounded scale. */
    public static double[] psi(ObservationModel model, MixedModelFit fit) {
        return model.psi(natural(model, fit));
    }

    /** The reported standard errors in the same order (NaN where the fit has none). */
    public static double[] stdErrors(ObservationModel model, MixedModelFit fit) {
        return collect(model, fit, FixedEffect::stdError, fit.familyParameterStdErrors());
    }

    /** One value per parameter: of the thresholds or the family's parameters (by name; NaN when absent), then of γ. */
    private static double[] collect(ObservationModel model, MixedModelFit fit, ToDoubleFunction<FixedEffect> of, Map<String, Double> family) {
        int k = model.familyParameterCount();
        double[] out = new double[model.parameterNames().size()];
        for (int i = 0; i < k; i++) {
            Double value = model.coefficients() ? (Double) of.applyAsDouble(fit.thresholds().get(i))
                    : family == null ? null : family.get(model.parameterNames().get(i));
            out[i] = value == null ? Double.NaN : value;
        }
        var zi = fit.zeroInflationFixedEffects();
        if (zi.size() != out.length - k) {
            throw new IllegalStateException("the fit reports " + zi.size() + " zero-inflation coefficients for " + model.parameterNames());
        }
        for (int j = 0; j < zi.size(); j++) {
            out[k + j] = of.applyAsDouble(zi.get(j));
        }
        return out;
    }
}
