package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The profiles of a linear mixed model, as lme4's profile.merMod: the ML deviance (of the ML
 * refit, for a REML fit) written in the standard deviations, correlations and σ, each held in turn
 * while the others are re-optimised; the fixed effects through the offset.
 */
final class ProfileLinear {
    private final List<String> names;
    private final List<ProfileCurve> curves = new ArrayList<>();

    /** @param weights prior weights, or null */
    ProfileLinear(Design design, double[] y, double[] weights) {
        LinearMixedModel model = new LinearMixedModel(design, y, weights, false);
        MixedModelFit ml = model.fit();
        double[] theta = ml.theta();
        double sigma = ml.residualStdDev();
        double base = model.objective(theta);
        names = NamedParameters.of(ml).names();

        ProfileScale scale = new ProfileScale(design.randomTerms());
        int nv = scale.size();
        double[] optimum = Arrays.copyOf(scale.fromTheta(theta, sigma), nv + 1);
        optimum[nv] = sigma;
        double[] lower = new double[nv + 1];
        double[] upper = new double[nv + 1];
        double[] size = new double[nv + 1];
        double[] steps = new double[nv + 1];
        for (int i = 0; i < nv; i++) {
            boolean sd = scale.isStdDev(i);
            lower[i] = sd ? 0 : -1;
            upper[i] = sd ? Double.POSITIVE_INFINITY : 1;
            // A zero standard deviation still needs a size: σ's order is where its profile lives.
            size[i] = sd ? Math.max(optimum[i], 0.1 * sigma) : 1;
            steps[i] = sd ? 0.2 * size[i] : 0.2 * (1 - optimum[i] * optimum[i]) + 0.01;
        }
        lower[nv] = 1e-8 * sigma; // σ = 0 is no model at all; the deviance there is infinite
        upper[nv] = Double.POSITIVE_INFINITY;
        size[nv] = sigma;
        steps[nv] = sigma / Math.sqrt(2.0 * design.rows()); // the large-sample standard error of σ̂
        double[] th = new double[nv];
        ToDoubleFunction<double[]> deviance = v ->
                scale.toTheta(v, v[nv], th) ? model.deviance(th, v[nv]) : Double.POSITIVE_INFINITY;

        for (int i = 0; i <= nv; i++) {
            curves.add(new ProfileCoordinate(deviance, optimum, base, lower, upper, size, i, steps[i]));
        }
        for (int j = 0; j < design.p(); j++) {
            FixedEffect fe = ml.fixedEffects().get(j);
            curves.add(new ProfileFixedEffect(design, y, weights, j, fe.estimate(), fe.stdError(), theta, base));
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
