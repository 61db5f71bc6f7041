package io.glimmer.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable fitted model: what every estimator reports and the output layer prints. Quantities
 * that do not apply to an estimator are null (REML criterion of an ML fit, residual standard
 * deviation of a binomial GLMM, ...).
 */
public final class MixedModelFit {
    private final String formula;
    private final String family;
    private final String link;
    private final String method;
    private final Integer nAGQ;
    private final int nObs;
    private final int nDropped;
    private final Map<String, Integer> groups;
    private final boolean converged;
    private final boolean singular;
    private final List<String> warnings;
    private final double logLikelihood;
    private final int df;
    private final Double remlCriterion;
    private final Double residualStdDev;
    private final List<FixedEffect> fixedEffects;
    private final double[][] fixedEffectsCovariance;
    private final List<VarianceComponent> randomEffects;
    private final List<RandomEffectCorrelation> correlations;
    private final List<ConditionalModes> conditionalModes;
    private final double[] theta;
    private final double[] fitted;
    private final double[] scaledResiduals;
    private final OptimizerSummary optimizer;
    private final double fitSeconds;
    private final Integer bicObservations;
    private final Map<String, Double> statistics;
    private final Double correlationAlpha;
    private final Double scale;
    private final Double correlationParameter;

    private MixedModelFit(Builder b) {
        formula = b.formula;
        family = b.family;
        link = b.link;
        method = b.method;
        nAGQ = b.nAGQ;
        nObs = b.nObs;
        nDropped = b.nDropped;
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.groups));
        converged = b.converged;
        singular = b.singular;
        warnings = List.copyOf(b.warnings);
        logLikelihood = b.logLikelihood;
        df = b.df;
        remlCriterion = b.remlCriterion;
        residualStdDev = b.residualStdDev;
        fixedEffects = List.copyOf(b.fixedEffects);
        fixedEffectsCovariance = copy(b.fixedEffectsCovariance);
        randomEffects = List.copyOf(b.randomEffects);
        correlations = List.copyOf(b.correlations);
        conditionalModes = List.copyOf(b.conditionalModes);
        theta = b.theta == null ? new double[0] : b.theta.clone();
        fitted = b.fitted == null ? new double[0] : b.fitted.clone();
        scaledResiduals = b.scaledResiduals == null ? new double[0] : b.scaledResiduals.clone();
        optimizer = b.optimizer;
        fitSeconds = b.fitSeconds;
        bicObservations = b.bicObservations;
        statistics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.statistics));
        correlationAlpha = b.correlationAlpha;
        scale = b.scale;
        correlationParameter = b.correlationParameter;
    }

    private static double[][] copy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this fit's values, to derive a modified copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.formula = formula;
        b.family = family;
        b.link = link;
        b.method = method;
        b.nAGQ = nAGQ;
        b.nObs = nObs;
        b.nDropped = nDropped;
        b.groups = new LinkedHashMap<>(groups);
        b.converged = converged;
        b.singular = singular;
        b.warnings = new ArrayList<>(warnings);
        b.logLikelihood = logLikelihood;
        b.df = df;
        b.remlCriterion = remlCriterion;
        b.residualStdDev = residualStdDev;
        b.fixedEffects = new ArrayList<>(fixedEffects);
        b.fixedEffectsCovariance = copy(fixedEffectsCovariance);
        b.randomEffects = new ArrayList<>(randomEffects);
        b.correlations = new ArrayList<>(correlations);
        b.conditionalModes = new ArrayList<>(conditionalModes);
        b.theta = theta.clone();
        b.fitted = fitted.clone();
        b.scaledResiduals = scaledResiduals.clone();
        b.optimizer = optimizer;
        b.fitSeconds = fitSeconds;
        b.bicObservations = bicObservations;
        b.statistics = new LinkedHashMap<>(statistics);
        b.correlationAlpha = correlationAlpha;
        b.scale = scale;
        b.correlationParameter = correlationParameter;
        return b;
    }

    public String formula() { return formula; }

    public String family() { return family; }

    public String link() { return link; }

    /** "REML", "ML", "Laplace", "AGQ", "PQL", "GEE", "conditional". */
    public String method() { return method; }

    /** Quadrature points of a GLMM fit (1 for Laplace), or null. */
    public Integer nAGQ() { return nAGQ; }

    public int nObs() { return nObs; }

    /** Rows removed for missing values in a variable the model uses. */
    public int nDropped() { return nDropped; }

    /** Number of levels of each grouping factor, in the order of the random-effects table. */
    public Map<String, Integer> groups() { return groups; }

    public boolean converged() { return converged; }

    /** Some variance component or correlation on the boundary of its space. */
    public boolean singular() { return singular; }

    public List<String> warnings() { return warnings; }

    /** The log-likelihood (the REML log-likelihood for a REML fit, as lme4's logLik). */
    public double logLikelihood() { return logLikelihood; }

    /** −2 × log-likelihood. */
    public double deviance() { return -2 * logLikelihood; }

    /** Number of estimated parameters. */
    public int df() { return df; }

    public double aic() { return deviance() + 2 * df; }

    /** df · log(n) + deviance; n is the number of observations, or n − p for nlme's REML convention. */
    public double bic() { return deviance() + df * Math.log(bicObservations == null ? nObs : bicObservations); }

    public Double remlCriterion() { return remlCriterion; }

    public Double residualStdDev() { return residualStdDev; }

    public List<FixedEffect> fixedEffects() { return fixedEffects; }

    /** The estimate of a named coefficient. */
    public double beta(String term) {
        for (FixedEffect f : fixedEffects) {
            if (f.term().equals(term)) {
                return f.estimate();
            }
        }
        throw new IllegalArgumentException("no fixed effect '" + term + "'");
    }

    /** Covariance matrix of the fixed-effect estimates, or null. */
    public double[][] fixedEffectsCovariance() { return copy(fixedEffectsCovariance); }

    public List<VarianceComponent> randomEffects() { return randomEffects; }

    public List<RandomEffectCorrelation> correlations() { return correlations; }

    public List<ConditionalModes> conditionalModes() { return conditionalModes; }

    /** The relative covariance parameters at the optimum (lme4's getME(fit, "theta")). */
    public double[] theta() { return theta.clone(); }

    /** Fitted values on the response scale, conditional on the modes, one per row used. */
    public double[] fitted() { return fitted.clone(); }

    /** Residuals divided by the residual standard deviation (Pearson residuals for GLMMs). */
    public double[] scaledResiduals() { return scaledResiduals.clone(); }

    public OptimizerSummary optimizer() { return optimizer; }

    public double fitSeconds() { return fitSeconds; }

    /**
     * Further statistics an estimator reports, by name: "QIC", "QICu", "QICC" (GEE);
     * "likelihood_ratio_chisq", "likelihood_ratio_df", "likelihood_ratio_p_value" (conditional logit).
     */
    public Map<String, Double> statistics() { return statistics; }

    public Double correlationAlpha() { return correlationAlpha; }

    public Double scale() { return scale; }

    public Double correlationParameter() { return correlationParameter; }

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
        private double[][] fixedEffectsCovariance;
        private List<VarianceComponent> randomEffects = new ArrayList<>();
        private List<RandomEffectCorrelation> correlations = new ArrayList<>();
        private List<ConditionalModes> conditionalModes = new ArrayList<>();
        private double[] theta;
        private double[] fitted;
        private double[] scaledResiduals;
        private OptimizerSummary optimizer;
        private double fitSeconds;
        private Integer bicObservations;
        private Map<String, Double> statistics = new LinkedHashMap<>();
        private Double correlationAlpha;
        private Double scale;
        private Double correlationParameter;

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

        public Builder fixedEffectsCovariance(double[][] v) { fixedEffectsCovariance = v; return this; }

        public Builder randomEffects(List<VarianceComponent> v) { randomEffects = new ArrayList<>(v); return this; }

        public Builder correlations(List<RandomEffectCorrelation> v) { correlations = new ArrayList<>(v); return this; }

        public Builder conditionalModes(List<ConditionalModes> v) { conditionalModes = new ArrayList<>(v); return this; }

        public Builder theta(double[] v) { theta = v; return this; }

        public Builder fitted(double[] v) { fitted = v; return this; }

        public Builder scaledResiduals(double[] v) { scaledResiduals = v; return this; }

        public Builder optimizer(OptimizerSummary v) { optimizer = v; return this; }

        public Builder fitSeconds(double v) { fitSeconds = v; return this; }

        /** The n in BIC's log(n) when it is not the number of observations (nlme uses n − p for REML fits). */
        public Builder bicObservations(Integer v) { bicObservations = v; return this; }

        public Builder statistic(String name, double value) { statistics.put(name, value); return this; }

        public Builder correlationAlpha(Double v) { correlationAlpha = v; return this; }

        public Builder scale(Double v) { scale = v; return this; }

        public Builder correlationParameter(Double v) { correlationParameter = v; return this; }

        public MixedModelFit build() {
            return new MixedModelFit(this);
        }
    }
}
