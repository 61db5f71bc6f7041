package io.glimmer.inference;

import io.glimmer.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.InputException;
import io.glimmer.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.GlmmResponse;
import io.glimmer.lmm.LinearMixedModel;

/**
 * A model fitted once to the data and kept ready to be refitted to other response vectors over the
 * same rows, design and method: what simulation and the parametric bootstrap need. The design is
 * built once and only read by refits, so refits may run on several threads.
 *
 * <p>Covers the likelihood fits whose response can be simulated: REML and ML linear mixed models,
 * and Laplace and AGQ GLMMs, without residual correlation.
 */
public final class RefittableModel {
    private final Design design;
    private final Family family;
    private final Method method;
    private final int nAGQ;
    private final double[] weights;
    private final boolean countResponse;
    private final MixedModelFit fit;

    private RefittableModel(Design design, Family family, Method method, int nAGQ, double[] weights, boolean countResponse,
                            MixedModelFit fit) {
        this.design = design;
        this.family = family;
        this.method = method;
        this.nAGQ = nAGQ;
        this.weights = weights;
        this.countResponse = countResponse;
        this.fit = fit;
    }

    /** Fits the model as {@link Glimmer#fit(DataFrame, String, FitOptions)} does and keeps what refitting needs. */
    public static RefittableModel of(DataFrame data, String formula, FitOptions options) {
        Method method = options.effectiveMethod();
        if (method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("simulation and the parametric bootstrap cover --method REML, ML, Laplace and AGQ, not " + method.label());
        }
        if (options.correlation() != null) {
            throw new InputException("simulation and the parametric bootstrap do not cover residual correlation (--correlation) yet");
        }
        MixedModelFit fit = Glimmer.fit(data, formula, options); // all of fit's checks, and the estimates to simulate from
        Formula f = Formula.parse(formula);
        Design design = Design.of(data, f, options.weights());
        Family family = Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
        if (family.isGaussianIdentity() && method == Method.LAPLACE) {
            method = Method.ML; // as Glimmer.fit: the Laplace approximation of a linear model is exact
        }
        boolean linear = method == Method.REML || method == Method.ML;
        double[] weights;
        if (linear) {
            weights = options.weights() == null ? null : design.frame().weights(options.weights());
        } else {
            weights = GlmmResponse.of(design.frame(), f.response(), family, options.weights()).weights();
        }
        boolean counts = f.response() instanceof Expr.Call c && c.function().equals("cbind");
        int agq = method == Method.AGQ ? (options.agqPoints() == null ? 9 : options.agqPoints()) : 1;
        return new RefittableModel(design, family, method, agq, weights, counts, fit);
    }

    /** The fit to the observed data. */
    public MixedModelFit fit() {
        return fit;
    }

    public Design design() {
        return design;
    }

    public Family family() {
        return family;
    }

    /** A linear mixed model (REML or ML), whose random effects are scaled by σ. */
    public boolean linear() {
        return method == Method.REML || method == Method.ML;
    }

    /** Prior weights (binomial: times the number of trials), one per row, or null for a linear model without weights. */
    double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Whether the response was written {@code cbind(successes, failures)}, so successes are the natural scale. */
    public boolean countResponse() {
        return countResponse;
    }

    /**
     * Fits the same model to another response over the same rows: numbers for a linear model,
     * proportions of successes (with the same trials) for a binomial GLMM.
     */
    public MixedModelFit refit(double[] y) {
        if (y.length != design.rows()) {
            throw new IllegalArgumentException("expected " + design.rows() + " responses, got " + y.length);
        }
        if (linear()) {
            return new LinearMixedModel(design, y, weights, method == Method.REML).fit();
        }
        return new GeneralizedLinearMixedModel(design, new GlmmResponse(y.clone(), weights.clone()), family, nAGQ).fit();
    }
}
