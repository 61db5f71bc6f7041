package io.glimmer.inference;

import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.family.CumulativeLink;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.response.Response;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Profile-likelihood confidence intervals, as lme4's {@code confint(fit)} (method "profile"). Each
 * parameter — standard deviations and correlations of the random effects, σ, the fixed effects —
 * is held at trial values while the others are re-optimised; the interval is where the signed
 * root of the deviance increase, ζ, lies within ±z_{(1+level)/2}. As lme4: a REML fit is profiled
 * on the ML deviance of its ML refit; a limit beyond a parameter's boundary is the boundary (0 for
 * a standard deviation, ±1 for a correlation); GLMMs with a dispersion parameter are not covered. A
 * model fitted with an observation model (ordinal, nbinom2, nbinom1, beta, zero inflation) is
 * profiled over its parameters ψ too: an ordinal model's thresholds and zero inflation's coefficients
 * get profiles of their own, a family's own parameter is re-optimised in every profile.
 *
 * <p>Profiles remember their re-optimisations (warm starts), so an instance is not thread-safe;
 * its methods are synchronized.
 */
public final class ProfileIntervals {
    private final List<String> names;
    private final List<ProfileCurve> curves;

    private ProfileIntervals(List<String> names, List<ProfileCurve> curves) {
        this.names = List.copyOf(names);
        this.curves = List.copyOf(curves);
    }

    /** Refuses the fits that are not profiled: other methods, residual correlation, GLMMs with a dispersion parameter. */
    public static void checkCovered(Method method, boolean correlation, Family family) {
        if (correlation) {
            throw new InputException("profile intervals do not cover residual correlation ({--correlation}) yet; use {--interval wald} or {--interval bootstrap}");
        }
        if (method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("profile intervals cover likelihood fits ({--method REML, ML, Laplace or AGQ}), not " + method.label()
                    + "; use {--interval wald}");
        }
        if (method != Method.REML && method != Method.ML && family.hasDispersion()) {
            throw new InputException("profile intervals do not cover GLMMs with a dispersion parameter (the " + family.name()
                    + " family; nor does lme4); use {--interval wald} or {--interval bootstrap}");
        }
    }

    /**
     * The profiles of a fit, on the design its estimator fitted (predictor scaling included): a
     * linear model's of its ML refit, a GLMM's of its Laplace or AGQ deviance. Fixed effects are
     * profiled on the scaled columns and reported on the original scale.
     */
    public static ProfileIntervals of(RefittableModel model) {
        Design design = model.scaledDesign();
        ProfileIntervals scaled;
        if (model.linear()) {
            scaled = linear(design, model.y(), model.weights());
        } else {
            Response response = new Response(model.y(), model.weights());
            GeneralizedLinearMixedModel glmm = model.categories() != null
                    ? new GeneralizedLinearMixedModel(design, response, model.family(), model.nAGQ(), CumulativeLink.of(model.family().link(), model.categories()))
                    : new GeneralizedLinearMixedModel(design, response, model.family(), model.nAGQ(), model.zeroInflation());
            scaled = generalized(design, glmm);
        }
        MixedModelFit fit = model.fit();
        return scaled.onOriginalScale(model.columnScales(), fit.thresholds().size() + fit.zeroInflationFixedEffects().size());
    }

    /**
     * The same profiles with the fixed effects' read on the columns' original scale: the p before the
     * last {@code after} (an ordinal model's thresholds, zero inflation's γ, which no scaling touches).
     */
    private ProfileIntervals onOriginalScale(double[] scales, int after) {
        List<ProfileCurve> out = new ArrayList<>(curves);
        int first = curves.size() - after - scales.length;
        for (int j = 0; j < scales.length; j++) {
            if (scales[j] != 1) {
                out.set(first + j, new RescaledProfile(curves.get(first + j), scales[j]));
            }
        }
        return new ProfileIntervals(names, out);
    }

    /**
     * Profiles of a linear mixed model. As lme4, they are profiles of the ML deviance whether the
     * model was fitted by REML or ML, so the model is (re)fitted by ML here.
     *
     * @param weights prior weights, or null
     */
    public static ProfileIntervals linear(Design design, double[] y, double[] weights) {
        ProfileLinear profiles = new ProfileLinear(design, y, weights);
        return new ProfileIntervals(profiles.names(), profiles.curves());
    }

    /** Profiles of a GLMM without a dispersion parameter (binomial, Poisson), fitted here. */
    public static ProfileIntervals generalized(Design design, GeneralizedLinearMixedModel model) {
        ProfileGeneralized profiles = new ProfileGeneralized(design, model, model.fit());
        return new ProfileIntervals(profiles.names(), profiles.curves());
    }

    /** Parameter names, as {@link NamedParameters}. */
    public List<String> parameters() {
        return names;
    }

    /** The maximum-likelihood estimate of a parameter (of the ML refit, for a REML fit), where ζ = 0. */
    public double estimate(String parameter) {
        return curve(parameter).estimate();
    }

    /** ζ of a parameter held at a value: the signed square root of the deviance's increase over its minimum. */
    public synchronized double zeta(String parameter, double value) {
        return curve(parameter).zeta(value);
    }

    /** The intervals where |ζ| ≤ z_{(1+level)/2}, in lme4's order. */
    public synchronized ConfidenceIntervals intervals(double level) {
        ConfidenceIntervals.checkLevel(level);
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability((1 + level) / 2);
        List<ConfidenceInterval> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ProfileCurve c = curves.get(i);
            out.add(new ConfidenceInterval(names.get(i), ProfileRoot.crossing(c, -z), ProfileRoot.crossing(c, z)));
        }
        return new ConfidenceIntervals(level, "profile", out);
    }

    private ProfileCurve curve(String parameter) {
        int i = names.indexOf(parameter);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter '" + parameter + "' (have " + names + ")");
        }
        return curves.get(i);
    }
}
