package io.glimmer.predict;

import io.glimmer.design.ZeroInflationDesign;
import io.glimmer.linalg.DenseArrays;

import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.design.StoredCoding;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted model reduced to what predicting from it needs, self-contained: formula, family, link,
 * method, the fixed effects with their covariance, θ and σ, how the training data were coded, and
 * each random-effects term with its covariance, levels and conditional modes. A plain immutable
 * value; the command line writes it as JSON ({@link #FORMAT_VERSION} versions that file).
 *
 * @param coefficientNames the columns of X that were estimated (aliased ones left out)
 * @param betaCovariance   covariance of β̂, or null when the fit has none
 * @param sigma            residual standard deviation, or null (binomial, Poisson)
 * @param randomTerms      in the order of the fit's random-effects terms (largest first)
 * @param categories       an ordinal model's response categories in order; empty for every other model
 * @param thresholds       an ordinal model's thresholds α (one fewer than the categories); empty otherwise
 * @param zeroInflation    the zero-inflation model, or null
 * @param nonlinear        a nonlinear model's mean and parameters (its β are named as nlme names them), or null
 */
public record SavedModel(String formula, String family, String link, String method, int nObs,
                         List<String> coefficientNames, double[] beta, double[][] betaCovariance,
                         double[] theta, Double sigma, StoredCoding coding, List<SavedRandomTerm> randomTerms,
                         List<String> categories, double[] thresholds, ZeroInflation zeroInflation, Nonlinear nonlinear) {
    /**
     * A nonlinear mixed model as prediction needs it beyond the common parts: the mean's formula
     * ({@code formula} is the same text), its parameters, which of them have random effects (the random
     * terms' effects in order, of the one grouping factor) and the covariates of parameters.
     *
     * @param parameters       the parameter names, in the fit's order
     * @param randomParameters the parameter of each random effect, in the order of the random terms' effects
     * @param fixed            {@code --fixed} as given, or null when every parameter is a constant
     */
    public record Nonlinear(List<String> parameters, List<String> randomParameters, String fixed) {
        public Nonlinear {
            parameters = List.copyOf(parameters);
            randomParameters = List.copyOf(randomParameters);
        }
    }

    /**
     * A zero-inflation model as prediction needs it: p₀ = logit⁻¹(x_zi'γ) from its formula, coefficients and coding.
     *
     * @param formula one-sided, as given
     * @param names   the columns of its design that were estimated
     * @param gamma   their estimates
     * @param coding  levels and scale() constants of its variables
     */
    public record ZeroInflation(String formula, List<String> names, double[] gamma, StoredCoding coding) {
        public ZeroInflation {
            names = List.copyOf(names);
            gamma = gamma.clone();
            coding = coding == null ? StoredCoding.none() : coding;
            if (names.size() != gamma.length) {
                throw new IllegalArgumentException(names.size() + " zero-inflation coefficient names and " + gamma.length + " estimates");
            }
        }

        @Override
        public double[] gamma() {
            return gamma.clone();
        }
    }

    /** Version of the saved-model file format; readers refuse other versions. */
    public static final int FORMAT_VERSION = 1;

    public SavedModel {
        coefficientNames = List.copyOf(coefficientNames);
        beta = beta.clone();
        betaCovariance = DenseArrays.copy(betaCovariance);
        theta = theta == null ? new double[0] : theta.clone();
        coding = coding == null ? StoredCoding.none() : coding;
        randomTerms = List.copyOf(randomTerms);
        categories = categories == null ? List.of() : List.copyOf(categories);
        thresholds = thresholds == null ? new double[0] : thresholds.clone();
        if (!categories.isEmpty() && thresholds.length != categories.size() - 1) {
            throw new IllegalArgumentException(categories.size() + " categories and " + thresholds.length + " thresholds");
        }
        if (beta.length != coefficientNames.size() || betaCovariance != null && betaCovariance.length != beta.length) {
            throw new IllegalArgumentException(coefficientNames.size() + " coefficient names, " + beta.length + " estimates and a "
                    + (betaCovariance == null ? 0 : betaCovariance.length) + "-row covariance");
        }
    }

    /** A model that is not ordinal. */
    public SavedModel(String formula, String family, String link, String method, int nObs, List<String> coefficientNames, double[] beta,
                      double[][] betaCovariance, double[] theta, Double sigma, StoredCoding coding, List<SavedRandomTerm> randomTerms) {
        this(formula, family, link, method, nObs, coefficientNames, beta, betaCovariance, theta, sigma, coding, randomTerms, null, null, null);
    }

    /** A model with a linear predictor (not nonlinear). */
    public SavedModel(String formula, String family, String link, String method, int nObs, List<String> coefficientNames, double[] beta,
                      double[][] betaCovariance, double[] theta, Double sigma, StoredCoding coding, List<SavedRandomTerm> randomTerms,
                      List<String> categories, double[] thresholds, ZeroInflation zeroInflation) {
        this(formula, family, link, method, nObs, coefficientNames, beta, betaCovariance, theta, sigma, coding, randomTerms, categories,
                thresholds, zeroInflation, null);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Whether this is an ordinal (cumulative-link) model. */
    public boolean ordinal() {
        return !categories.isEmpty();
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[][] betaCovariance() {
        return DenseArrays.copy(betaCovariance);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /**
     * The model of a fit, with the design it was fitted on (for the coding of the data and the
     * random-effects terms).
     *
     * @throws InputException for an estimator whose predictions this model cannot reproduce
     */
    public static SavedModel of(MixedModelFit fit, Design design) {
        return of(fit, design, List.of(), null);
    }

    /**
     * As {@link #of(MixedModelFit, Design)}, with an ordinal response's categories (the fit's thresholds
     * between them; empty for any other model) and the fit's zero-inflation design (or null).
     */
    public static SavedModel of(MixedModelFit fit, Design design, List<String> categories, ZeroInflationDesign zeroInflation) {
        if (fit.details() instanceof EstimatorDetails.ConditionalLogistic) {
            throw new InputException("a conditional logistic regression has no intercept for new strata; it cannot be saved for prediction");
        }
        List<String> names = new ArrayList<>();
        double[] beta = new double[fit.fixedEffects().size()];
        for (FixedEffect f : fit.fixedEffects()) {
            if (!design.x().names().contains(f.term())) {
                throw new InputException("the fixed effect '" + f.term() + "' is not a column of the model matrix; this fit cannot be saved for prediction");
            }
            beta[names.size()] = f.estimate();
            names.add(f.term());
        }
        List<SavedRandomTerm> terms = new ArrayList<>();
        Map<String, Integer> columnOfGroup = new HashMap<>();
        List<VarianceComponent> unused = new ArrayList<>(fit.randomEffects());
        for (RandomEffectsTerm t : design.randomTerms()) {
            int first = columnOfGroup.getOrDefault(t.group(), 0);
            columnOfGroup.put(t.group(), first + t.q());
            terms.add(term(fit, t.group(), t.termNames(), t.levels(), unused, first));
        }
        ZeroInflation zi = zeroInflation == null ? null : new ZeroInflation(zeroInflation.text(),
                fit.zeroInflationFixedEffects().stream().map(FixedEffect::term).toList(),
                fit.zeroInflationFixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray(), zeroInflation.coding());
        return new SavedModel(fit.formula(), fit.family(), fit.link(), fit.method(), fit.nObs(), names, beta,
                fit.fixedEffectsCovariance(), fit.theta(), fit.residualStdDev(), design.frame().coding(design.formula()), terms,
                categories, fit.thresholds().stream().mapToDouble(FixedEffect::estimate).toArray(), zi);
    }

    /**
     * One random-effects term of a fit: its covariance and its columns of the group's modes.
     *
     * @param unused the fit's variance components not yet taken by an earlier term (this one's are removed)
     * @param first  the term's first column among its group's modes
     */
    static SavedRandomTerm term(MixedModelFit fit, String group, List<String> names, List<String> levels, List<VarianceComponent> unused,
                                int first) {
        return new SavedRandomTerm(group, names, covariance(group, names, unused, fit.correlations()), levels, modes(fit, group, names, levels, first));
    }

    /** Σ of one term from the reported variances (taken in order, as the estimators report them) and correlations. */
    private static double[][] covariance(String group, List<String> names, List<VarianceComponent> unused,
                                         List<RandomEffectCorrelation> correlations) {
        int q = names.size();
        double[] sd = new double[q];
        for (int a = 0; a < q; a++) {
            VarianceComponent found = null;
            for (VarianceComponent v : unused) {
                if (v.group().equals(group) && v.term().equals(names.get(a))) {
                    found = v;
                    break;
                }
            }
            if (found == null) {
                throw new InputException("the fit reports no variance for '" + names.get(a) + "' of '" + group + "'; it cannot be saved for prediction");
            }
            unused.remove(found);
            sd[a] = found.stdDev();
        }
        double[][] cov = new double[q][q];
        for (int a = 0; a < q; a++) {
            cov[a][a] = sd[a] * sd[a];
            for (int b = 0; b < a; b++) {
                double r = 0;
                for (RandomEffectCorrelation c : correlations) {
                    if (c.group().equals(group) && c.term1().equals(names.get(b)) && c.term2().equals(names.get(a))) {
                        r = Double.isFinite(c.correlation()) ? c.correlation() : 0;
                        break;
                    }
                }
                cov[a][b] = cov[b][a] = r * sd[a] * sd[b];
            }
        }
        return cov;
    }

    /** The term's columns of its group's modes: terms of one grouping factor are reported side by side. */
    private static double[][] modes(MixedModelFit fit, String group, List<String> names, List<String> levels, int firstColumn) {
        int q = names.size();
        for (ConditionalModes m : fit.conditionalModes()) {
            if (!m.group().equals(group)) {
                continue;
            }
            if (firstColumn + q > m.terms().size() || !m.terms().subList(firstColumn, firstColumn + q).equals(names)
                    || !m.levels().equals(levels)) {
                break;
            }
            double[][] out = new double[m.levels().size()][q];
            for (int l = 0; l < out.length; l++) {
                for (int a = 0; a < q; a++) {
                    out[l][a] = m.value(l, firstColumn + a);
                }
            }
            return out;
        }
        throw new InputException("the fit has no conditional modes for '" + group + "'; it cannot be saved for prediction");
    }

    /** The saved term of a group with these effects, or null. */
    SavedRandomTerm term(String group, List<String> effects, List<SavedRandomTerm> exclude) {
        for (SavedRandomTerm t : randomTerms) {
            if (t.group().equals(group) && t.terms().equals(effects) && !exclude.contains(t)) {
                return t;
            }
        }
        return null;
    }
}
