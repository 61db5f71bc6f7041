package io.glimmer;

import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.design.PredictorScaling;
import io.glimmer.family.Family;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.GlmmResponse;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.lmm.LinearMixedModel;

import java.nio.file.Path;

/**
 * Fitting in a line:
 * <pre>{@code
 * MixedModelFit fit = Glimmer.fit(Path.of("sleepstudy.csv"), "Reaction ~ Days + (Days | Subject)");
 * }</pre>
 */
public final class Glimmer {
    private Glimmer() {
    }

    public static MixedModelFit fit(Path csv, String formula) {
        return fit(csv, formula, FitOptions.defaults());
    }

    public static MixedModelFit fit(Path csv, String formula, FitOptions options) {
        DataFrame data = CsvReader.read(csv, CsvOptions.builder().factors(options.factors()).build());
        return fit(data, formula, options);
    }

    public static MixedModelFit fit(DataFrame data, String formula) {
        return fit(data, formula, FitOptions.defaults());
    }

    public static MixedModelFit fit(DataFrame data, String formula, FitOptions options) {
        Formula f = Formula.parse(formula);
        Method method = options.effectiveMethod();
        checkOptionsApply(options, method);
        if (options.correlation() != null && (method == Method.REML || method == Method.ML)) {
            return io.glimmer.correlation.CorrelatedLinearMixedModel.fit(data, f, options, method == Method.REML);
        }
        if (method == Method.REML || method == Method.ML) {
            return linear(data, f, options, method == Method.REML);
        }
        if (method == Method.GEE) {
            return io.glimmer.gee.GeeEstimator.fit(data, f, options);
        }
        if (method == Method.CONDITIONAL) return io.glimmer.conditional.ConditionalLogit.fit(data, f, options);
        if (method == Method.PQL) return io.glimmer.pql.PenalizedQuasiLikelihood.fit(data, f, options);
        // Each estimator below is one branch; the estimators live in their own packages.
        if (method == Method.LAPLACE || method == Method.AGQ) {
            Family fam = Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
            if (fam.isGaussianIdentity() && method == Method.LAPLACE) { // exact: lme4's glmer hands this to lmer too
                return linear(data, f, options, false);
            }
            return generalized(data, f, options, method == Method.AGQ ? (options.agqPoints() == null ? 9 : options.agqPoints()) : 1);
        }
        throw new InputException("method " + method.label() + " is not available yet");
    }

    /** Options that belong to another method are a mistake worth saying, not something to ignore. */
    private static void checkOptionsApply(FitOptions options, Method method) {
        if (method != Method.GEE && options.cluster() != null) {
            throw new InputException("--cluster applies to --method GEE, not " + method.label());
        }
        if (method != Method.GEE && options.corstr() != null) {
            throw new InputException("--corstr applies to --method GEE, not " + method.label());
        }
        if (method != Method.CONDITIONAL && options.strata() != null) {
            throw new InputException("--strata applies to --method conditional, not " + method.label());
        }
        if (method != Method.REML && method != Method.ML && options.correlation() != null) {
            throw new InputException("--correlation applies to linear mixed models (--method REML or ML), not " + method.label());
        }
    }

    private static MixedModelFit generalized(DataFrame data, Formula f, FitOptions options, int nAGQ) {
        Family family = Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
        if (f.randomTerms().isEmpty()) {
            throw new InputException("the formula has no random-effects term such as (1 | group)");
        }
        Design design = Design.of(data, f, options.weights());
        GlmmResponse response = GlmmResponse.of(design.frame(), f.response(), family, options.weights());
        PredictorScaling scaling = PredictorScaling.of(design.x());
        if (scaling.isIdentity()) {
            return new GeneralizedLinearMixedModel(design, response, family, nAGQ).fit();
        }
        return scaling.unscale(new GeneralizedLinearMixedModel(scaling.apply(design), response, family, nAGQ).fit());
    }

    private static MixedModelFit linear(DataFrame data, Formula f, FitOptions options, boolean reml) {
        if (options.family() != null && !options.family().equals("gaussian") || options.link() != null && !options.link().equals("identity")) {
            throw new InputException("REML and ML apply to the gaussian family with the identity link; use --method Laplace or AGQ for the "
                    + (options.family() == null ? "gaussian" : options.family()) + " family" + (options.link() == null ? "" : " with the " + options.link() + " link"));
        }
        if (f.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        if (f.randomTerms().isEmpty()) {
            throw new InputException("the formula has no random-effects term such as (1 | group)");
        }
        Design design = Design.of(data, f, options.weights());
        double[] y = design.frame().numeric(f.response());
        double[] w = options.weights() == null ? null : design.frame().weights(options.weights());
        if (w != null) {
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] > 0)) {
                    throw new InputException("weights column '" + options.weights() + "' has a value that is not positive (" + w[i]
                            + ") at row " + (design.frame().keptRows()[i] + 1));
                }
            }
        }
        PredictorScaling scaling = PredictorScaling.of(design.x());
        if (scaling.isIdentity()) {
            return new LinearMixedModel(design, y, w, reml).fit();
        }
        return scaling.unscale(new LinearMixedModel(scaling.apply(design), y, w, reml).fit());
    }
}
