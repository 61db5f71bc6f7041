package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.family.ObservationModel;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.ObservationParameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

import static io.glimmer.inference.ProfileLinear.filled;

/**
 * The profiles of a GLMM without a dispersion parameter, as lme4's profile.merMod: of the Laplace
 * (or AGQ) deviance over (θ, ψ, β), holding each standard deviation, correlation and fixed effect in
 * turn while all the others, fixed effects included, are re-optimised. A model with an observation
 * model (glmmTMB's way: an ordinal response, a family's own parameter, zero inflation) has its
 * parameters ψ among the free coordinates, and its reported coefficients — an ordinal model's
 * thresholds, zero inflation's γ — are profiled too, each held on its reported scale
 * ({@link ObservationModel#held}); a family's own parameter (θ, φ) is re-optimised, not profiled.
 */
final class ProfileGeneralized {
    /** The typical size of a ψ coordinate for the minimiser's trust region (log gaps, logits, log dispersions). */
    private static final double PSI_SCALE = 0.5;

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
            se[j] = usable(fixed.get(j).stdError(), beta[j]);
        }
        ObservationModel observation = model.observation();
        double[] psi = observation == null ? new double[0] : ObservationParameters.psi(observation, fit);
        int m = psi.length;
        double base = model.deviance(concat(theta, psi), beta);
        ProfileScale scale = new ProfileScale(design.randomTerms());
        double[] sdcor = scale.fromTheta(theta, 1);
        int nv = sdcor.length;

        for (int w = 0; w < nv; w++) {
            ProfileFactor factor = new ProfileFactor(design.randomTerms(), w);
            int mf = factor.size();
            double[] start = concat(concat(factor.free(theta), psi), beta);
            double[] lower = concat(factor.lower(), filled(m + p, Double.NEGATIVE_INFINITY));
            double[] th = new double[nv];
            DoubleFunction<ToDoubleFunction<double[]>> held = x -> u -> factor.theta(u, x, 1, th)
                    ? model.deviance(concat(th, Arrays.copyOfRange(u, mf, mf + m)), Arrays.copyOfRange(u, mf + m, mf + m + p))
                    : Double.POSITIVE_INFINITY;
            boolean sd = scale.isStdDev(w);
            double step = sd ? 0.2 * Math.max(sdcor[w], 0.1) : 0.2 * (1 - sdcor[w] * sdcor[w]) + 0.01;
            curves.add(new ProfileRefit(held, sdcor[w], sd ? 0 : -1, sd ? Double.POSITIVE_INFINITY : 1, step,
                    start, lower, filled(mf + m + p, Double.POSITIVE_INFINITY), concat(concat(filled(mf, 1), filled(m, PSI_SCALE)), se), base,
                    factor.pair()));
        }

        ProfileFactor free = new ProfileFactor(design.randomTerms(), -1);
        double[] freeLower = concat(free.lower(), filled(m, Double.NEGATIVE_INFINITY));
        double[] freeScale = concat(filled(nv, 1), filled(m, PSI_SCALE));
        for (int j = 0; j < p; j++) {
            int k = j;
            double[] th = new double[nv];
            DoubleFunction<ToDoubleFunction<double[]>> held = b -> u -> {
                double[] bt = new double[p];
                for (int i = 0, o = nv + m; i < p; i++) {
                    bt[i] = i == k ? b : u[o++];
                }
                return free.theta(u, 0, 1, th) ? model.deviance(concat(th, Arrays.copyOfRange(u, nv, nv + m)), bt) : Double.POSITIVE_INFINITY;
            };
            curves.add(new ProfileRefit(held, beta[j], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, se[j],
                    concat(concat(theta, psi), without(beta, j)), concat(freeLower, filled(p - 1, Double.NEGATIVE_INFINITY)),
                    filled(nv + m + p - 1, Double.POSITIVE_INFINITY), concat(freeScale, without(se, j)), base));
        }

        if (observation != null) { // the reported coefficients among ψ: thresholds, then γ (the family's own parameters are not)
            double[] natural = ObservationParameters.natural(observation, fit);
            double[] errors = ObservationParameters.stdErrors(observation, fit);
            int first = observation.coefficients() ? 0 : observation.familyParameterCount();
            for (int k = first; k < m; k++) {
                int c = k;
                double[] th = new double[nv];
                DoubleFunction<ToDoubleFunction<double[]>> held = x -> u -> {
                    double[] ps = new double[m];
                    for (int i = 0, o = nv; i < m; i++) {
                        ps[i] = i == c ? 0 : u[o++];
                    }
                    double[] at = observation.held(ps, c, x);
                    return at != null && free.theta(u, 0, 1, th) ? model.deviance(concat(th, at), Arrays.copyOfRange(u, nv + m - 1, nv + m - 1 + p))
                            : Double.POSITIVE_INFINITY;
                };
                curves.add(new ProfileRefit(held, natural[k], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, usable(errors[k], natural[k]),
                        concat(concat(theta, without(psi, k)), beta), concat(concat(free.lower(), filled(m - 1, Double.NEGATIVE_INFINITY)),
                        filled(p, Double.NEGATIVE_INFINITY)), filled(nv + m - 1 + p, Double.POSITIVE_INFINITY),
                        concat(concat(filled(nv, 1), filled(m - 1, PSI_SCALE)), se), base));
            }
        }
        if (names.size() != curves.size()) {
            throw new IllegalStateException("parameter names " + names + " do not match " + curves.size() + " profiles");
        }
    }

    /** A standard error to step by: the one given when usable, else the size of the estimate (at least 1). */
    private static double usable(double se, double estimate) {
        return se > 0 && Double.isFinite(se) ? se : Math.max(1, Math.abs(estimate));
    }

    private static double[] without(double[] a, int j) {
        double[] out = new double[a.length - 1];
        for (int i = 0, o = 0; i < a.length; i++) {
            if (i != j) {
                out[o++] = a[i];
            }
        }
        return out;
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
