package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.options.DenominatorDf;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.ddf.Anova;
import io.glimmer.ddf.AnovaTable;
import io.glimmer.ddf.ContrastTests;
import io.glimmer.ddf.DenominatorDegrees;
import io.glimmer.design.Design;
import io.glimmer.family.Distribution;
import io.glimmer.design.ZeroInflationDesign;
import io.glimmer.family.Family;
import io.glimmer.fit.FitSource;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FitMonitor;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.Residuals;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.inference.ProfileIntervals;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.inference.RefittableModel;
import io.glimmer.inference.ResponseDraws;
import io.glimmer.nonlinear.NlmerFormula;
import io.glimmer.nonlinear.NonlinearSpecification;
import io.glimmer.predict.Predictor;
import io.glimmer.predict.SavedModel;
import io.glimmer.predict.SavedNonlinear;
import io.glimmer.response.Response;
import io.glimmer.summary.Summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A model made ready to fit, once, from data, formula and options: the parsed formula, the family
 * and link, the method with its settings (gaussian Laplace is ML, nAGQ defaults to 9), the rows the
 * estimator uses, the design, the response with its prior weights, and the predictor scaling.
 * Immutable. {@link #fit()} hands it to the method's {@link Estimator}, and the fit remembers it
 * ({@link MixedModelFit#source()}), so refits, profiles, the bootstrap, comparisons, predictions,
 * residuals, simulations and saved models all read this object instead of rebuilding it.
 */
public final class PreparedModel implements FitSource {
    /** nAGQ when {@code --method AGQ} is given without {@code agqPoints}. */
    public static final int DEFAULT_AGQ = 9;

    private final Formula formula;
    private final FitOptions options;
    private final Method method;
    private final int nAGQ;
    private final Family family;
    private final Estimator estimator;
    private final EstimationRows rows;
    private final Design design;
    private final Response response;
    private final PredictorScaling scaling;
    private final Design scaledDesign;
    /** A nonlinear model's specification (then formula and design are its frame formula's), or null. */
    private final NonlinearSpecification nonlinear;
    /** The zero-inflation model's design ({@code --zi}) over the design's rows, or null. */
    private final ZeroInflationDesign zeroInflation;

    private PreparedModel(Formula formula, FitOptions options, Method method, int nAGQ, Family family, Estimator estimator,
                          EstimationRows rows, Design design, Response response, PredictorScaling scaling, NonlinearSpecification nonlinear,
                          ZeroInflationDesign zeroInflation) {
        this.formula = formula;
        this.options = options;
        this.method = method;
        this.nAGQ = nAGQ;
        this.family = family;
        this.estimator = estimator;
        this.rows = rows;
        this.design = design;
        this.response = response;
        this.scaling = scaling;
        this.scaledDesign = scaling.isIdentity() ? design : scaling.apply(design);
        this.nonlinear = nonlinear;
        this.zeroInflation = zeroInflation;
    }

    /**
     * Parses the formula, checks the options, removes rows with missing values and builds the
     * design and response.
     *
     * @throws InputException for anything wrong with the formula, options or data, in one line
     */
    public static PreparedModel of(DataFrame data, String formula, FitOptions options) {
        NlmerFormula nlmer = NlmerFormula.of(formula);
        if (nlmer != null) {
            // lme4's y ~ model ~ random: the random part is nlme's --random, and the method nlmer's Laplace unless given
            FitOptions.Nonlinear given = options.nonlinear();
            if (given != null && given.random() != null) {
                throw new InputException("the random effects are given twice: by the formula's third part and by {--random#nonlinear}; give them once");
            }
            options = options.toBuilder().method(options.method() == null ? Method.LAPLACE : options.method())
                    .nonlinear(new FitOptions.Nonlinear(given == null ? java.util.Map.of() : given.start(), nlmer.random(),
                            given == null ? null : given.randomStructure(), given == null ? null : given.fixed())).build();
            formula = nlmer.model();
        }
        Method asked = options.effectiveMethod();
        FitOptions.Nonlinear nl = options.nonlinear();
        NonlinearSpecification nonlinear = nl == null ? null
                : NonlinearSpecification.of(formula, data, nl.start(), nl.random(), nl.randomStructure(), nl.fixed());
        Formula f = nonlinear == null ? Formula.parse(formula) : nonlinear.frameFormula();
        MethodOptions.check(options, asked);
        Family family = Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
        // glmer hands a gaussian identity model to lmer too: its Laplace approximation is exact
        Method method = asked == Method.LAPLACE && family.isGaussianIdentity() && nonlinear == null ? Method.ML : asked;
        MethodOptions.checkFamily(family, method, options);
        MethodOptions.checkZeroInflation(options, family, method);
        int nAGQ = method == Method.AGQ ? (options.agqPoints() == null ? DEFAULT_AGQ : options.agqPoints()) : 1;
        if (options.ddf() != null) {
            checkDenominatorDf(options.ddf(), options, method, family);
        }
        Estimator estimator = Estimators.of(method, options, family, nAGQ, nonlinear);
        estimator.check(f, options, family, data);
        EstimationRows rows = EstimationRows.of(data, estimator.rowColumns(options));
        Design design = estimator.design(Design.of(rows.data(), f, options.weights()));
        Response response = estimator.response(design, f, family, options);
        PredictorScaling scaling = estimator.rescalesPredictors() ? PredictorScaling.of(design.x()) : PredictorScaling.none(design.p());
        ZeroInflationDesign zi = options.zeroInflation() == null ? null
                : ZeroInflationDesign.of(options.zeroInflation(), rows.data().subset(design.frame().keptRows()));
        return new PreparedModel(f, options, method, nAGQ, family, estimator, rows, design, response, scaling, nonlinear, zi);
    }

    /** --ddf applies to lmer's linear mixed models, and Kenward–Roger to REML fits only (as lmerTest). */
    private static void checkDenominatorDf(DenominatorDf ddf, FitOptions options, Method method, Family family) {
        if (!family.isGaussianIdentity()) {
            throw new InputException("denominator degrees of freedom are defined for linear mixed models only (family " + family.name()
                    + (family.name().equals("gaussian") ? ", link " + family.link().name() : "") + ")");
        }
        if (method != Method.REML && method != Method.ML) {
            throw new InputException("denominator degrees of freedom are defined for linear mixed models fitted by REML or ML only (method "
                    + method.label() + ")");
        }
        if (options.correlation() != null) {
            throw new InputException("denominator degrees of freedom are defined for linear mixed models without {--correlation} only (lmerTest's)");
        }
        if (ddf == DenominatorDf.KENWARD_ROGER && method == Method.ML) {
            throw new InputException("Kenward-Roger degrees of freedom are defined for REML fits only (as lmerTest's); use {--method REML} or {--ddf satterthwaite}");
        }
    }

    /** The prepared model a fit was made from. */
    public static PreparedModel of(MixedModelFit fit) {
        if (fit.source() instanceof PreparedModel m) {
            return m;
        }
        throw new IllegalArgumentException("this fit was built by hand, not by Glimmer.fit, so it has no prepared model");
    }

    /**
     * Fits the model; the fit carries the formula's warnings and remembers this model. With --ddf its
     * fixed effects carry degrees of freedom and t-test p-values.
     */
    public MixedModelFit fit() {
        return fit(FitMonitor.NONE);
    }

    /**
     * As {@link #fit()}, watched by a monitor: the Monte Carlo methods (MCEM, MCNR) report each iteration
     * to it and stop at their best estimate so far, with a warning, when it asks them to.
     */
    public MixedModelFit fit(FitMonitor monitor) {
        MixedModelFit fit = fitWithoutTests(monitor);
        return options.ddf() == null ? fit : DenominatorDegrees.withTTests(fit, contrastTests(fit, options.ddf()), options.ddf());
    }

    /**
     * The fixed effects' t and F tests by a denominator-degrees-of-freedom method at a linear mixed
     * model's fit, on the original scale of the predictors.
     */
    public ContrastTests contrastTests(MixedModelFit fit, DenominatorDf ddf) {
        checkDenominatorDf(ddf, options, method, family);
        return DenominatorDegrees.of(ddf, new LinearMixedModel(design, response.y(), response.weights(), method == Method.REML), fit);
    }

    /** lmerTest's anova of a fit of this model: type 3 or 1 F tests with the chosen denominator degrees of freedom. */
    public AnovaTable anova(MixedModelFit fit, DenominatorDf ddf, int type) {
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        return Anova.of(design, contrastTests(fit, ddf), ddf, type, beta, fit.residualStdDev());
    }

    /**
     * Fits the model (without t tests) and gives lmerTest's anova with the options' --ddf method.
     *
     * @throws IllegalArgumentException when the options have no denominator-degrees-of-freedom method
     */
    public AnovaTable anova(int type) {
        if (options.ddf() == null) {
            throw new IllegalArgumentException("an anova needs a denominator-degrees-of-freedom method in the options");
        }
        return anova(fitWithoutTests(), options.ddf(), type);
    }

    /** The fit without denominator degrees of freedom (what refits for simulation, profiles and the bootstrap need). */
    MixedModelFit fitWithoutTests() {
        return fitWithoutTests(FitMonitor.NONE);
    }

    private MixedModelFit fitWithoutTests(FitMonitor monitor) {
        MixedModelFit fit = estimator.fit(this, monitor);
        List<String> warnings = new ArrayList<>(formula.warnings());
        warnings.addAll(fit.warnings());
        return fit.toBuilder().warnings(warnings).source(this).build();
    }

    /**
     * The fit at a saved model's parameters (θ, β; β's covariance as saved) on this model's rows,
     * nothing optimised: the conditional modes, their conditional variances, fitted values and the
     * log-likelihood there, as a fit at those estimates reports them. What the report of a saved model draws.
     *
     * @throws InputException when the saved model's columns or θ do not match this model, or its kind is not covered
     */
    public MixedModelFit fitAt(SavedModel saved) {
        refuseNonlinear("fits at a saved model's parameters");
        MixedModelFit fit = estimator.fitAt(this, SavedParameters.of(saved, design));
        List<String> warnings = new ArrayList<>(formula.warnings());
        warnings.addAll(fit.warnings());
        return fit.toBuilder().warnings(warnings).source(this).build();
    }

    /** The same model with another response over the same rows (binomial: proportions with the same trials). */
    public PreparedModel withResponse(double[] y) {
        return new PreparedModel(formula, options, method, nAGQ, family, estimator, rows, design, response.with(y), scaling, nonlinear, zeroInflation);
    }

    /** The same rows, design and response fitted by another method (a REML model refitted by ML for a comparison). */
    public PreparedModel withMethod(Method other) {
        if (other == method) {
            return this;
        }
        if (!(method == Method.REML && other == Method.ML)) {
            throw new IllegalArgumentException("a " + method.label() + " model is not refitted by " + other.label());
        }
        // the ML refit is for likelihoods only: no t tests (Kenward-Roger is not even defined for ML)
        FitOptions refit = options.toBuilder().ddf(null).build();
        return new PreparedModel(formula, refit, other, nAGQ, family, Estimators.of(other, refit, family, nAGQ, nonlinear), rows, design,
                response, scaling, nonlinear, zeroInflation);
    }

    /** Refuses, before any fitting, a model that simulation and the bootstrap cannot refit. */
    public void checkRefittable() {
        RefittableModel.checkCovered(method, options.correlation() != null);
    }

    /** Refuses, before any fitting, a model that is not profiled. */
    public void checkProfiled() {
        refuseNonlinear("profile intervals");
        ProfileIntervals.checkCovered(method, options.correlation() != null, family);
    }

    /** The fit as a model that simulation and the parametric bootstrap can refit. */
    public RefittableModel refittable(MixedModelFit fit) {
        checkRefittable();
        return new PreparedRefit(this, fit);
    }

    /** The likelihood profiles of a fit, as lme4's profile (a REML fit profiled by ML). */
    public ProfileIntervals profiles(MixedModelFit fit) {
        checkProfiled();
        return ProfileIntervals.of(new PreparedRefit(this, fit));
    }

    /** Refuses, before any fitting, a model whose log-likelihood importance sampling does not estimate. */
    public void checkLikelihoodSampled(int samples) {
        LikelihoodSampling.checkCovered(this, samples);
    }

    /**
     * The fit with its log-likelihood at the estimates estimated by importance sampling from the
     * Laplace approximation's Gaussian (proposalDf 0) or a multivariate t with proposalDf degrees of freedom.
     */
    public MixedModelFit withImportanceSampledLikelihood(MixedModelFit fit, int samples, long seed, int proposalDf) {
        return fit.toBuilder().importanceSampled(LikelihoodSampling.of(this, fit, samples, seed, proposalDf)).build();
    }

    /** The fit reduced to what predicting from it needs, with this model's coding of the data. */
    public SavedModel saved(MixedModelFit fit) {
        if (nonlinear != null) {
            return SavedNonlinear.of(fit, design, nonlinear);
        }
        return SavedModel.of(fit, design, response.categories(), zeroInflation);
    }

    @Override
    public Predictions predict(MixedModelFit fit, DataFrame data, PredictionScale scale, RandomEffectsMode mode) {
        return new Predictor(saved(fit)).predict(data, scale, mode);
    }

    @Override
    public Residuals residuals(MixedModelFit fit) {
        if (family.distribution() == Distribution.ORDINAL) {
            return ObservationResiduals.ordinal(this, fit);
        }
        if (fit.fitted().length != design.rows()) {
            throw new InputException("residuals need a fitted value for every row used; this " + fit.method() + " fit reports "
                    + fit.fitted().length + " for " + design.rows() + " rows");
        }
        if (zeroInflation != null) {
            return ObservationResiduals.zeroInflated(fit, response.y(), originalRows());
        }
        return Residuals.of(family.withParameters(fit.familyParameters()), response.y(), response.weights(), fit.fitted(), originalRows());
    }

    @Override
    public double[][] simulate(MixedModelFit fit, int nsim, long seed) {
        ResponseDraws simulator = refittable(fit).simulator();
        double[][] y = simulator.simulate(nsim, seed);
        for (int i = 0; i < y.length; i++) {
            y[i] = simulator.asData(y[i]);
        }
        return y;
    }

    @Override
    public String summary(MixedModelFit fit) {
        return Summary.render(fit, rows.data().source());
    }

    /** One line for what nonlinear fits do not offer yet. */
    private void refuseNonlinear(String what) {
        if (nonlinear != null) {
            throw new InputException(what + " are not available for nonlinear mixed models yet");
        }
    }

    /** The zero-inflation model's design ({@code --zi}), or null for none. */
    public ZeroInflationDesign zeroInflation() {
        return zeroInflation;
    }

    /** A nonlinear model's specification, or null for a linear predictor. */
    public NonlinearSpecification nonlinear() {
        return nonlinear;
    }

    /** The parsed formula; for a nonlinear model, its frame formula (the variables used, {@code y ~ x + (1 | g)}). */
    public Formula formula() {
        return formula;
    }

    public FitOptions options() {
        return options;
    }

    /** The method that fits: the one asked for, except that a gaussian identity Laplace fit is ML. */
    public Method method() {
        return method;
    }

    /** Quadrature points: the AGQ setting (9 by default), 1 for every other method. */
    public int nAGQ() {
        return nAGQ;
    }

    public Family family() {
        return family;
    }

    /** The design on the original scale of the predictors, over the rows used. */
    public Design design() {
        return design;
    }

    /** The design the estimator fits: {@link #design()} with badly scaled columns divided by their scale. */
    public Design scaledDesign() {
        return scaledDesign;
    }

    public PredictorScaling scaling() {
        return scaling;
    }

    public Response response() {
        return response;
    }

    /** Whether the response was written {@code cbind(successes, failures)}, so successes are the natural scale. */
    public boolean countResponse() {
        return formula.response() instanceof Expr.Call c && c.function().equals("cbind");
    }

    /** The data the design was built on: the data given without rows missing a column the estimator needs beyond the formula. */
    public DataFrame estimationData() {
        return rows.data();
    }

    /** Each row of {@link #estimationData()}'s 0-based row in the data as given. */
    public int[] estimationDataRows() {
        return rows.originalRows();
    }

    /** Rows removed before the design for a missing value in such a column (cluster, strata, correlation group or time). */
    public int droppedBefore() {
        return rows.dropped();
    }

    /** Each row of the design's 0-based row in the data as given. */
    public int[] originalRows() {
        int[] kept = design.frame().keptRows();
        int[] out = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = rows.original(kept[i]);
        }
        return out;
    }

    /** A column of the data restricted to the design's rows (the GEE's clusters, the conditional logit's strata). */
    public Column column(String name) {
        return rows.data().column(name).subset(design.frame().keptRows());
    }

    /** The fit of the scaled design mapped back to the original scale of the predictors. */
    MixedModelFit unscale(MixedModelFit fit) {
        return scaling.isIdentity() ? fit : scaling.unscale(fit);
    }
}
