package io.glimmer.inference;

import io.glimmer.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.InputException;
import io.glimmer.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.GlmmResponse;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Profile-likelihood confidence intervals, as lme4's {@code confint(fit)} (method "profile"). Each
 * parameter — standard deviations and correlations of the random effects, σ, the fixed effects —
 * is held at trial values while the others are re-optimised; the interval is where the signed
 * root of the deviance increase, ζ, lies within ±z_{(1+level)/2}. As lme4: a REML fit is profiled
 * on the ML deviance of its ML refit; a limit beyond a parameter's boundary is the boundary (0 for
 * a standard deviation, ±1 for a correlation); GLMMs with a dispersion parameter are not covered.
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

    /** The intervals of the model that {@link Glimmer#fit(DataFrame, String, FitOptions)} fits, at the given level. */
    public static ConfidenceIntervals compute(DataFrame data, String formula, FitOptions options, double level) {
        ConfidenceIntervals.checkLevel(level);
        return of(data, formula, options).intervals(level);
    }

    /** The profiles of the model that {@link Glimmer#fit(DataFrame, String, FitOptions)} fits. */
    public static ProfileIntervals of(DataFrame data, String formula, FitOptions options) {
        Method method = options.effectiveMethod();
        if (options.correlation() != null) {
            throw new InputException("profile intervals do not cover residual correlation (--correlation) yet; use --interval wald or --interval bootstrap");
        }
        if (method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("profile intervals cover likelihood fits (--method REML, ML, Laplace or AGQ), not " + method.label()
                    + "; use --interval wald");
        }
        Family family = Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
        boolean linear = method == Method.REML || method == Method.ML || method == Method.LAPLACE && family.isGaussianIdentity();
        if (!linear && family.hasDispersion()) {
            throw new InputException("profile intervals do not cover GLMMs with a dispersion parameter (the " + family.name()
                    + " family; nor does lme4); use --interval wald or --interval bootstrap");
        }
        Glimmer.fit(data, formula, options); // every check the fit makes, with its messages
        Formula f = Formula.parse(formula);
        Design design = Design.of(data, f, options.weights());
        if (linear) {
            double[] y = design.frame().numeric(f.response());
            double[] w = options.weights() == null ? null : design.frame().weights(options.weights());
            return linear(design, y, w);
        }
        GlmmResponse response = GlmmResponse.of(design.frame(), f.response(), family, options.weights());
        int nAGQ = method == Method.AGQ ? (options.agqPoints() == null ? 9 : options.agqPoints()) : 1;
        return generalized(design, new GeneralizedLinearMixedModel(design, response, family, nAGQ));
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
