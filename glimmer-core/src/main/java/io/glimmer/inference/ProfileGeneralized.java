package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The profiles of a GLMM without a dispersion parameter, as lme4's profile.merMod: the Laplace
 * (or AGQ) deviance written in the standard deviations, correlations and fixed effects, each held
 * in turn while all the others — fixed effects included — are re-optimised.
 */
final class ProfileGeneralized {
    private final List<String> names;
    private final List<ProfileCurve> curves = new ArrayList<>();

    /** @param fit the model's fit (its optimum is where every profile starts) */
    ProfileGeneralized(Design design, GeneralizedLinearMixedModel model, MixedModelFit fit) {
        names = NamedParameters.of(fit).names();
        double[] theta = fit.theta();
        List<FixedEffect> fixed = fit.fixedEffects();
        int p = fixed.size();
        double[] beta = fixed.stream().mapToDouble(FixedEffect::estimate).toArray();
        double base = model.deviance(theta, beta);

        ProfileScale scale = new ProfileScale(design.randomTerms());
        int nv = scale.size();
        double[] optimum = Arrays.copyOf(scale.fromTheta(theta, 1), nv + p);
        System.arraycopy(beta, 0, optimum, nv, p);
        double[] lower = new double[nv + p];
        double[] upper = new double[nv + p];
        double[] size = new double[nv + p];
        double[] steps = new double[nv + p];
        for (int i = 0; i < nv; i++) {
            boolean sd = scale.isStdDev(i);
            lower[i] = sd ? 0 : -1;
            upper[i] = sd ? Double.POSITIVE_INFINITY : 1;
            size[i] = sd ? Math.max(optimum[i], 0.1) : 1; // on the scale of the linear predictor
            steps[i] = sd ? 0.2 * size[i] : 0.2 * (1 - optimum[i] * optimum[i]) + 0.01;
        }
        for (int j = 0; j < p; j++) {
            double se = fixed.get(j).stdError();
            lower[nv + j] = Double.NEGATIVE_INFINITY;
            upper[nv + j] = Double.POSITIVE_INFINITY;
            size[nv + j] = se > 0 && Double.isFinite(se) ? se : Math.max(1, Math.abs(beta[j]));
            steps[nv + j] = size[nv + j];
        }
        double[] th = new double[nv];
        ToDoubleFunction<double[]> deviance = v ->
                scale.toTheta(v, 1, th) ? model.deviance(th, Arrays.copyOfRange(v, nv, nv + p)) : Double.POSITIVE_INFINITY;
        for (int i = 0; i < nv + p; i++) {
            curves.add(new ProfileCoordinate(deviance, optimum, base, lower, upper, size, i, steps[i]));
        }
        if (names.size() != curves.size()) {
            throw new IllegalStateException("parameter names " + names + " do not match " + curves.size() + " profiles");
        }
    }

    List<String> names() {
        return names;
    }

    List<ProfileCurve> curves() {
        return curves;
    }
}
