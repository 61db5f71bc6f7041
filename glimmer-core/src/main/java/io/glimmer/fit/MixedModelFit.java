package io.glimmer.fit;

import io.glimmer.linalg.DenseArrays;
import io.glimmer.data.DataFrame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable fitted model: the common part every estimator reports (coefficients, covariance,
 * log-likelihood, criteria, variance components, conditional modes) and, in {@link #details()},
 * the part that belongs to one estimator. Quantities that do not apply to an estimator are null
 * (REML criterion of an ML fit, residual standard deviation of a binomial GLMM, ...).
 *
 * <p>A fit made by {@code Glimmer.fit} knows what it was made from ({@link #source()}), so it can
 * predict for new data, give its residuals, simulate responses and print itself as the command
 * line's summary.
 */
public final class MixedModelFit {
    /** The values, frozen: lists and maps unmodifiable, arrays never handed out. */
    private final Builder v;

    private MixedModelFit(Builder b) {
        v = b.copy(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this fit's values, to derive a modified copy. */
    public Builder toBuilder() {
        return v.copy(false);
    }

    public String formula() { return v.formula; }

    public String family() { return v.family; }

    public String link() { return v.link; }

    /** "REML", "ML", "Laplace", "AGQ", "PQL", "GEE", "conditional". */
    public String method() { return v.method; }

    /** Quadrature points of a GLMM fit (1 for Laplace), or null. */
    public Integer nAGQ() { return v.nAGQ; }

    public int nObs() { return v.nObs; }

    /** Rows removed for missing values in a variable the model uses. */
    public int nDropped() { return v.nDropped; }

    /** Number of levels of each grouping factor, in the order of the random-effects table. */
    public Map<String, Integer> groups() { return v.groups; }

    public boolean converged() { return v.converged; }

    /** Some variance component or correlation on the boundary of its space. */
    public boolean singular() { return v.singular; }

    public List<String> warnings() { return v.warnings; }

    /** The log-likelihood (the REML log-likelihood for a REML fit, as lme4's logLik). */
    public double logLikelihood() { return v.logLikelihood; }

    /** −2 × log-likelihood. */
    public double deviance() { return -2 * v.logLikelihood; }

    /** Number of estimated parameters. */
    public int df() { return v.df; }

    public double aic() { return deviance() + 2 * v.df; }

    /** df · log(n) + deviance; n is the number of observations, or n − p for nlme's REML convention. */
    public double bic() { return deviance() + v.df * Math.log(v.bicObservations == null ? v.nObs : v.bicObservations); }

    public Double remlCriterion() { return v.remlCriterion; }

    public Double residualStdDev() { return v.residualStdDev; }

    public List<FixedEffect> fixedEffects() { return v.fixedEffects; }

    /**
     * An ordinal model's thresholds α_j in P(Y ≤ j) = F(α_j − η), named "1|2", "2|3", … by the
     * response's categories, with Wald z tests (ordinal's "Threshold coefficients"); empty for every
     * other model.
     */
    public List<FixedEffect> thresholds() { return v.thresholds; }

    /** The estimate of a named coefficient. */
    public double beta(String term) {
        for (FixedEffect f : v.fixedEffects) {
            if (f.term().equals(term)) {
                return f.estimate();
            }
        }
        throw new IllegalArgumentException("no fixed effect '" + term + "'");
    }

    /** Covariance matrix of the fixed-effect estimates, or null. */
    public double[][] fixedEffectsCovariance() { return DenseArrays.copy(v.fixedEffectsCovariance); }

    public List<VarianceComponent> randomEffects() { return v.randomEffects; }

    public List<RandomEffectCorrelation> correlations() { return v.correlations; }

    public List<ConditionalModes> conditionalModes() { return v.conditionalModes; }

    /** The relative covariance parameters at the optimum (lme4's getME(fit, "theta")). */
    public double[] theta() { return v.theta == null ? new double[0] : v.theta.clone(); }

    /** Fitted values on the response scale, conditional on the modes, one per row used. */
    public double[] fitted() { return v.fitted == null ? new double[0] : v.fitted.clone(); }

    /** Residuals divided by the residual standard deviation (Pearson residuals for GLMMs). */
    public double[] scaledResiduals() { return v.scaledResiduals == null ? new double[0] : v.scaledResiduals.clone(); }

    /**
     * The scaled residuals' minimum, quartiles (R's type 7) and maximum when the residuals themselves
     * are not held (a fit whose rows stay elsewhere, e.g. on Spark executors); null otherwise.
     */
    public double[] scaledResidualQuantiles() { return v.scaledResidualQuantiles == null ? null : v.scaledResidualQuantiles.clone(); }

    public OptimizerSummary optimizer() { return v.optimizer; }

    public double fitSeconds() { return v.fitSeconds; }

    /** The log-likelihood at the estimates by importance sampling, or null when not asked for ({@code --loglik-samples}). */
    public ImportanceSampledLikelihood importanceSampled() { return v.importanceSampled; }

    /**
     * The family's own parameters estimated with the model, by name on their natural scale:
     * {"theta": θ} for nbinom2, {"phi": φ} for nbinom1 and beta; empty for every other family.
     */
    public Map<String, Double> familyParameters() { return v.familyParameters; }

    /** Standard errors of {@link #familyParameters()} on their natural scale (delta method from the log scale). */
    public Map<String, Double> familyParameterStdErrors() { return v.familyParameterStdErrors; }

    /**
     * The zero-inflation model's coefficients (logit of the probability of a structural zero, glmmTMB's
     * ziformula) with Wald z tests; empty for a model without zero inflation.
     */
    public List<FixedEffect> zeroInflationFixedEffects() { return v.zeroInflationFixedEffects; }

    /** The zero-inflation formula as given ({@code FitOptions.zeroInflation}), or null without zero inflation. */
    public String zeroInflationFormula() { return v.zeroInflationFormula; }

    /** The covariance of the zero-inflation coefficients, in their order; null without zero inflation. */
    public double[][] zeroInflationCovariance() { return DenseArrays.copy(v.zeroInflationCovariance); }




    /** What this estimator reports beyond the common part, or null for a fit built by hand. */
    public EstimatorDetails details() { return v.details; }

    /**
     * The details as the kind of estimator the caller expects, e.g.
     * {@code fit.details(EstimatorDetails.Gee.class).scale()}.
     *
     * @throws IllegalStateException when the fit was made by another estimator
     */
    public <T extends EstimatorDetails> T details(Class<T> kind) {
        if (!kind.isInstance(v.details)) {
            throw new IllegalStateException("this fit's details are " + (v.details == null ? "absent" : v.details.getClass().getSimpleName())
                    + ", not " + kind.getSimpleName());
        }
        return kind.cast(v.details);
    }

    /** What the fit was made from, or null for a fit built by hand (not by {@code Glimmer.fit}). */
    public FitSource source() { return v.source; }

    /**
     * Predictions for the rows of new data, coded as the data the model was fitted to.
     *
     * @param scale response (the mean) or link (the linear predictor)
     * @param mode  conditional on the fitted groups' modes, population (random effects zero) or marginal
     */
    public Predictions predict(DataFrame data, PredictionScale scale, RandomEffectsMode mode) {
        return knownSource().predict(this, data, scale, mode);
    }

    /** Response, Pearson, deviance and working residuals of every row used, as R's residuals(fit, type =). */
    public Residuals residuals() {
        return knownSource().residuals(this);
    }

    /** nsim responses simulated from the fit (lme4's simulate), one value per row used; the same seed gives the same draws. */
    public double[][] simulate(int nsim, long seed) {
        return knownSource().simulate(this, nsim, seed);
    }

    /** The command line's summary of the fit (lme4's summary), or a one-line description for a fit built by hand. */
    @Override
    public String toString() {
        if (v.source == null) {
            return "MixedModelFit[" + v.method + ", " + v.formula + ", logLik " + v.logLikelihood + "]";
        }
        return v.source.summary(this);
    }

    private FitSource knownSource() {
        if (v.source == null) {
            throw new IllegalStateException("this fit was built by hand, not by Glimmer.fit, so it does not know the data it was fitted to");
        }
        return v.source;
    }

    /** Collects the values of a fit; every list defaults to empty. */
    public static final class Builder {
        private String formula;
        private String family = "gaussian";
        private String link = "identity";
        private String method;
        private Integer nAGQ;
        private int nObs;
        private int nDropped;
        private Map<String, Integer> groups = new LinkedHashMap<>();
        private boolean converged = true;
        private boolean singular;
        private List<String> warnings = new ArrayList<>();
        private double logLikelihood = Double.NaN;
        private int df;
        private Double remlCriterion;
        private Double residualStdDev;
        private List<FixedEffect> fixedEffects = new ArrayList<>();
        private List<FixedEffect> thresholds = new ArrayList<>();
        private double[][] fixedEffectsCovariance;
        private List<VarianceComponent> randomEffects = new ArrayList<>();
        private List<RandomEffectCorrelation> correlations = new ArrayList<>();
        private List<ConditionalModes> conditionalModes = new ArrayList<>();
        private double[] theta;
        private double[] fitted;
        private double[] scaledResiduals;
        private double[] scaledResidualQuantiles;
        private OptimizerSummary optimizer;
        private double fitSeconds;
        private Integer bicObservations;
        private ImportanceSampledLikelihood importanceSampled;
        private Map<String, Double> familyParameters = new LinkedHashMap<>();
        private Map<String, Double> familyParameterStdErrors = new LinkedHashMap<>();
        private List<FixedEffect> zeroInflationFixedEffects = new ArrayList<>();
        private double[][] zeroInflationCovariance;
        private String zeroInflationFormula;

        private EstimatorDetails details;
        private FitSource source;

        public Builder formula(String v) { formula = v; return this; }

        public Builder family(String v) { family = v; return this; }

        public Builder link(String v) { link = v; return this; }

        public Builder method(String v) { method = v; return this; }

        public Builder nAGQ(Integer v) { nAGQ = v; return this; }

        public Builder nObs(int v) { nObs = v; return this; }

        public Builder nDropped(int v) { nDropped = v; return this; }

        public Builder groups(Map<String, Integer> v) { groups = new LinkedHashMap<>(v); return this; }

        public Builder converged(boolean v) { converged = v; return this; }

        public Builder singular(boolean v) { singular = v; return this; }

        public Builder warnings(List<String> v) { warnings = new ArrayList<>(v); return this; }

        public Builder warning(String v) { warnings.add(v); return this; }

        public Builder logLikelihood(double v) { logLikelihood = v; return this; }

        public Builder df(int v) { df = v; return this; }

        public Builder remlCriterion(Double v) { remlCriterion = v; return this; }

        public Builder residualStdDev(Double v) { residualStdDev = v; return this; }

        public Builder fixedEffects(List<FixedEffect> v) { fixedEffects = new ArrayList<>(v); return this; }

        public Builder thresholds(List<FixedEffect> v) { thresholds = new ArrayList<>(v); return this; }

        public Builder fixedEffectsCovariance(double[][] v) { fixedEffectsCovariance = v; return this; }

        public Builder randomEffects(List<VarianceComponent> v) { randomEffects = new ArrayList<>(v); return this; }

        public Builder correlations(List<RandomEffectCorrelation> v) { correlations = new ArrayList<>(v); return this; }

        public Builder conditionalModes(List<ConditionalModes> v) { conditionalModes = new ArrayList<>(v); return this; }

        public Builder theta(double[] v) { theta = v; return this; }

        public Builder fitted(double[] v) { fitted = v; return this; }

        public Builder scaledResiduals(double[] v) { scaledResiduals = v; return this; }

        public Builder scaledResidualQuantiles(double[] v) { scaledResidualQuantiles = v; return this; }

        public Builder optimizer(OptimizerSummary v) { optimizer = v; return this; }

        public Builder fitSeconds(double v) { fitSeconds = v; return this; }

        /** The n in BIC's log(n) when it is not the number of observations (nlme uses n − p for REML fits). */
        public Builder bicObservations(Integer v) { bicObservations = v; return this; }



        public Builder familyParameters(Map<String, Double> v) { familyParameters = new LinkedHashMap<>(v); return this; }

        public Builder familyParameterStdErrors(Map<String, Double> v) { familyParameterStdErrors = new LinkedHashMap<>(v); return this; }

        public Builder zeroInflationFixedEffects(List<FixedEffect> v) { zeroInflationFixedEffects = new ArrayList<>(v); return this; }

        public Builder zeroInflationCovariance(double[][] v) { zeroInflationCovariance = v; return this; }

        public Builder zeroInflationFormula(String v) { zeroInflationFormula = v; return this; }



        public Builder importanceSampled(ImportanceSampledLikelihood v) { importanceSampled = v; return this; }

        /** What this estimator reports beyond the common part. */
        public Builder details(EstimatorDetails v) { details = v; return this; }

        /** What the fit was made from; set by the prepared model that fitted it. */
        public Builder source(FitSource v) { source = v; return this; }

        private static final Builder NONE = new Builder();

        public MixedModelFit build() {
            return new MixedModelFit(this);
        }

        /** The values of the fit this builder came from (itself when it holds a fit's values). */
        private Builder fromFit = NONE;

        /**
         * A copy. Frozen (a fit's values): arrays cloned, lists and maps unmodifiable. Not frozen (a
         * builder from a fit): arrays shared, since a builder only replaces them and build() clones them.
         */
        private Builder copy(boolean frozen) {
            Builder b = new Builder();
            b.formula = formula;
            b.family = family;
            b.link = link;
            b.method = method;
            b.nAGQ = nAGQ;
            b.nObs = nObs;
            b.nDropped = nDropped;
            b.groups = frozen ? Collections.unmodifiableMap(new LinkedHashMap<>(groups)) : new LinkedHashMap<>(groups);
            b.converged = converged;
            b.singular = singular;
            b.warnings = frozen ? List.copyOf(warnings) : new ArrayList<>(warnings);
            b.logLikelihood = logLikelihood;
            b.df = df;
            b.remlCriterion = remlCriterion;
            b.residualStdDev = residualStdDev;
            b.fixedEffects = frozen ? List.copyOf(fixedEffects) : new ArrayList<>(fixedEffects);
            b.thresholds = frozen ? List.copyOf(thresholds) : new ArrayList<>(thresholds);
            b.fixedEffectsCovariance = frozen ? DenseArrays.copy(fixedEffectsCovariance) : fixedEffectsCovariance;
            b.randomEffects = frozen ? List.copyOf(randomEffects) : new ArrayList<>(randomEffects);
            b.correlations = frozen ? List.copyOf(correlations) : new ArrayList<>(correlations);
            b.conditionalModes = frozen ? List.copyOf(conditionalModes) : new ArrayList<>(conditionalModes);
            b.theta = frozen && theta != null ? theta.clone() : theta;
            // the n-long arrays: a fit's own are never written, so a fit derived from it shares them
            b.fitted = frozen && fitted != null && fitted != fromFit.fitted ? fitted.clone() : fitted;
            b.scaledResiduals = frozen && scaledResiduals != null && scaledResiduals != fromFit.scaledResiduals
                    ? scaledResiduals.clone() : scaledResiduals;
            b.scaledResidualQuantiles = frozen && scaledResidualQuantiles != null ? scaledResidualQuantiles.clone() : scaledResidualQuantiles;
            b.fromFit = frozen ? b : this;
            b.optimizer = optimizer;
            b.fitSeconds = fitSeconds;
            b.bicObservations = bicObservations;
            b.importanceSampled = importanceSampled;
            b.familyParameters = frozen ? Collections.unmodifiableMap(new LinkedHashMap<>(familyParameters)) : new LinkedHashMap<>(familyParameters);
            b.familyParameterStdErrors = frozen ? Collections.unmodifiableMap(new LinkedHashMap<>(familyParameterStdErrors))
                    : new LinkedHashMap<>(familyParameterStdErrors);
            b.zeroInflationFixedEffects = frozen ? List.copyOf(zeroInflationFixedEffects) : new ArrayList<>(zeroInflationFixedEffects);
            b.zeroInflationCovariance = frozen ? DenseArrays.copy(zeroInflationCovariance) : zeroInflationCovariance;
            b.zeroInflationFormula = zeroInflationFormula;
            b.details = details;
            b.source = source;
            return b;
        }
    }
}
