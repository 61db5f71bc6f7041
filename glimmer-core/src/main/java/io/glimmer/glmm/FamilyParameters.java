package io.glimmer.glmm;

import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An observation model's extra parameters at the optimum, as reported: values on their natural
 * scale (θ, φ = exp ψ; an ordinal model's thresholds) and their covariance by the delta method from
 * ψ's, J cov(ψ) J' with J the model's {@link ObservationModel#jacobian} (for exp ψ: exp(ψ)·se(ψ)),
 * NaN throughout when the Hessian was not positive definite.
 *
 * @param coefficients whether the parameters are reported as coefficients (an ordinal model's thresholds)
 */
record FamilyParameters(Map<String, Double> values, Map<String, Double> stdErrors, double[][] covariance, boolean coefficients) {

    /** @param covariance 2H⁻¹'s block of ψ, or null */
    static FamilyParameters of(ObservationModel model, double[] psi, double[][] covariance) {
        double[] natural = model.natural(psi);
        double[][] cov = covariance == null ? unknown(psi.length) : sandwich(model.jacobian(psi), covariance);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int i = 0; i < psi.length; i++) {
            String name = model.parameterNames().get(i);
            values.put(name, natural[i]);
            errors.put(name, cov[i][i] >= 0 ? Math.sqrt(cov[i][i]) : Double.NaN);
        }
        return new FamilyParameters(Collections.unmodifiableMap(values), Collections.unmodifiableMap(errors), cov, model.coefficients());
    }

    private static double[][] unknown(int m) {
        double[][] nan = new double[m][m];
        for (double[] row : nan) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return nan;
    }

    /** J C J'. */
    private static double[][] sandwich(double[][] j, double[][] c) {
        int m = j.length;
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    for (int l = 0; l < m; l++) {
                        s += j[a][k] * c[k][l] * j[b][l];
                    }
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    /** The family with its distribution's parameter bound to the estimate (for variances and residuals). */
    Family bind(Family family) {
        return coefficients ? family : family.withParameters(values);
    }
}
