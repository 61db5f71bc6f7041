package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The profiles of a linear mixed model, as lme4's profile.merMod: of the ML deviance (of the ML
 * refit, for a REML fit) with σ explicit, holding each standard deviation, correlation and σ in
 * turn; and of the ML deviance with β and σ profiled out, holding each fixed effect through the
 * offset.
 */
final class ProfileLinear {
    /** σ = 0 is no model at all: the deviance is infinite there, so σ is kept just above it. */
    private static final double SIGMA_FLOOR = 1e-8;

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
        double[] sdcor = scale.fromTheta(theta, sigma);
        int nv = sdcor.length;

        for (int w = 0; w < nv; w++) {
            ProfileFactor factor = new ProfileFactor(design.randomTerms(), w);
            int m = factor.size();
            double[] start = Arrays.copyOf(factor.free(theta), m + 1);
            start[m] = sigma;
            double[] lower = Arrays.copyOf(factor.lower(), m + 1);
            lower[m] = SIGMA_FLOOR * sigma;
            double[] size = filled(m + 1, 1);
            size[m] = sigma;
            double[] th = new double[nv];
            DoubleFunction<ToDoubleFunction<double[]>> held = x -> u ->
                    factor.theta(u, x, u[m], th) ? model.deviance(th, u[m]) : Double.POSITIVE_INFINITY;
            boolean sd = scale.isStdDev(w);
            // A zero standard deviation still needs a step: σ's order is where its profile lives.
            double step = sd ? 0.2 * Math.max(sdcor[w], 0.1 * sigma) : 0.2 * (1 - sdcor[w] * sdcor[w]) + 0.01;
            curves.add(new ProfileRefit(held, sdcor[w], sd ? 0 : -1, sd ? Double.POSITIVE_INFINITY : 1, step,
                    start, lower, filled(m + 1, Double.POSITIVE_INFINITY), size, base, factor.pair()));
        }

        ProfileFactor free = new ProfileFactor(design.randomTerms(), -1);
        double[] th = new double[nv];
        DoubleFunction<ToDoubleFunction<double[]>> heldSigma = x -> u ->
                free.theta(u, 0, 1, th) ? model.deviance(th, x) : Double.POSITIVE_INFINITY;
        curves.add(new ProfileRefit(heldSigma, sigma, 0, Double.POSITIVE_INFINITY, sigma / Math.sqrt(2.0 * design.rows()),
                theta, free.lower(), filled(nv, Double.POSITIVE_INFINITY), filled(nv, 1), base));

        for (int j = 0; j < design.p(); j++) {
            ProfileFixedEffect fixed = new ProfileFixedEffect(design, y, weights, j);
            FixedEffect fe = ml.fixedEffects().get(j);
            DoubleFunction<ToDoubleFunction<double[]>> heldBeta = b -> fixed.at(b)::objective;
            curves.add(new ProfileRefit(heldBeta, fe.estimate(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, fe.stdError(),
                    theta, free.lower(), filled(nv, Double.POSITIVE_INFINITY), filled(nv, 1), base));
        }
        if (names.size() != curves.size()) {
            throw new IllegalStateException("parameter names " + names + " do not match " + curves.size() + " profiles");
        }
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    List<String> names() {
        return names;
    }

    List<ProfileCurve> curves() {
        return curves;
    }
}
