package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import static io.glimmer.inference.ProfileLinear.filled;

/**
 * The profiles of a GLMM without a dispersion parameter, as lme4's profile.merMod: of the Laplace
 * (or AGQ) deviance over (θ, β), holding each standard deviation, correlation and fixed effect in
 * turn while all the others, fixed effects included, are re-optimised.
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
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            double s = fixed.get(j).stdError();
            se[j] = s > 0 && Double.isFinite(s) ? s : Math.max(1, Math.abs(beta[j]));
        }
        double base = model.deviance(theta, beta);
        ProfileScale scale = new ProfileScale(design.randomTerms());
        double[] sdcor = scale.fromTheta(theta, 1);
        int nv = sdcor.length;

        for (int w = 0; w < nv; w++) {
            ProfileFactor factor = new ProfileFactor(design.randomTerms(), w);
            int m = factor.size();
            double[] start = concat(factor.free(theta), beta);
            double[] lower = concat(factor.lower(), filled(p, Double.NEGATIVE_INFINITY));
            double[] th = new double[nv];
            DoubleFunction<ToDoubleFunction<double[]>> held = x -> u ->
                    factor.theta(u, x, 1, th) ? model.deviance(th, Arrays.copyOfRange(u, m, m + p)) : Double.POSITIVE_INFINITY;
            boolean sd = scale.isStdDev(w);
            double step = sd ? 0.2 * Math.max(sdcor[w], 0.1) : 0.2 * (1 - sdcor[w] * sdcor[w]) + 0.01;
            curves.add(new ProfileRefit(held, sdcor[w], sd ? 0 : -1, sd ? Double.POSITIVE_INFINITY : 1, step,
                    start, lower, filled(m + p, Double.POSITIVE_INFINITY), concat(filled(m, 1), se), base, factor.pair()));
        }

        ProfileFactor free = new ProfileFactor(design.randomTerms(), -1);
        for (int j = 0; j < p; j++) {
            int k = j;
            double[] others = new double[p - 1];
            double[] othersSe = new double[p - 1];
            for (int i = 0, o = 0; i < p; i++) {
                if (i != j) {
                    others[o] = beta[i];
                    othersSe[o++] = se[i];
                }
            }
            double[] th = new double[nv];
            DoubleFunction<ToDoubleFunction<double[]>> held = b -> u -> {
                double[] bt = new double[p];
                for (int i = 0, o = nv; i < p; i++) {
                    bt[i] = i == k ? b : u[o++];
                }
                return free.theta(u, 0, 1, th) ? model.deviance(th, bt) : Double.POSITIVE_INFINITY;
            };
            curves.add(new ProfileRefit(held, beta[j], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, se[j],
                    concat(theta, others), concat(free.lower(), filled(p - 1, Double.NEGATIVE_INFINITY)),
                    filled(nv + p - 1, Double.POSITIVE_INFINITY), concat(filled(nv, 1), othersSe), base));
        }
        if (names.size() != curves.size()) {
            throw new IllegalStateException("parameter names " + names + " do not match " + curves.size() + " profiles");
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    List<String> names() {
        return names;
    }

    List<ProfileCurve> curves() {
        return curves;
    }
}
