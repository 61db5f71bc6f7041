package io.glimmer.glmm;

import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An observation model's extra parameters at the optimum, as reported: values on their natural
 * scale (θ, φ = exp ψ) and standard errors by the delta method from ψ's, exp(ψ)·se(ψ) (NaN when the
 * Hessian was not positive definite).
 */
record FamilyParameters(Map<String, Double> values, Map<String, Double> stdErrors) {

    /** @param covariance 2H⁻¹'s block of ψ, or null */
    static FamilyParameters of(ObservationModel model, double[] psi, double[][] covariance) {
        double[] natural = model.natural(psi);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int i = 0; i < psi.length; i++) {
            String name = model.parameterNames().get(i);
            values.put(name, natural[i]);
            double var = covariance == null ? Double.NaN : covariance[i][i];
            errors.put(name, var >= 0 ? natural[i] * Math.sqrt(var) : Double.NaN);
        }
        return new FamilyParameters(Collections.unmodifiableMap(values), Collections.unmodifiableMap(errors));
    }

    /** The family with its distribution's parameter bound to the estimate (for variances and residuals). */
    Family bind(Family family) {
        return family.withParameters(values);
    }
}
