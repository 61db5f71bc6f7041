package io.glimmer.glmm;

import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.design.RankCheck;
import io.glimmer.family.Family;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.lmm.RandomEffectsReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of a GLMM's fit that does not depend on how the likelihood was maximised (Laplace, AGQ or
 * Monte Carlo): coefficients with z tests, variance components, modes, fitted values, Pearson
 * residuals, the rank and singularity warnings. The caller adds its method, details and optimiser.
 */
final class GlmmReport {
    private GlmmReport() {
    }

    /**
     * @param lambdas Λ(θ) at the estimates
     * @param modes   spherical conditional modes at the estimates
     * @param extra   the family's own estimated parameters (nbinom2's θ, beta's φ) or an ordinal model's thresholds, or null
     * @param mu      fitted means at the modes
     */
    static MixedModelFit.Builder common(Design design, Family family, FamilyParameters extra, GlmmData data, CovarianceStructure covariance, double[][] lambdas,
                                        double[] theta, double[] beta, double[][] modes, double[] mu, double phi, double[][] vcov,
                                        double[][] conditionalVariances, double logLikelihood, List<String> messages) {
        return common(design, family, extra, null, data, covariance, lambdas, theta, beta, modes, mu, phi, vcov, conditionalVariances, logLikelihood, messages);
    }

    /**
     * As above, for a zero-inflated model: fitted values (1 − p₀)μ, the response's mean, and Pearson
     * residuals by its variance, (1 − p₀)(V(μ) + p₀μ²); df counts γ.
     *
     * @param zi the zero-inflation model's estimates, or null
     */
    static MixedModelFit.Builder common(Design design, Family family, FamilyParameters extra, ZeroInflationEstimates zi, GlmmData data,
                                        CovarianceStructure covariance, double[][] lambdas, double[] theta, double[] beta, double[][] modes,
                                        double[] mu, double phi, double[][] vcov, double[][] conditionalVariances, double logLikelihood,
                                        List<String> messages) {
        double[] y = data.y();
        double[] w = data.weights();
        boolean thresholds = extra != null && extra.coefficients();
        // an ordinal summary shows no scaled residuals, as clmm's; its residuals on the category scores are ObservationResiduals'
        double[] pearson = thresholds ? null : new double[mu.length];
        Family fitted = extra == null ? family : extra.bind(family);
        double[] mean = zi == null ? mu : zi.responseMeans(mu);
        for (int r = 0; pearson != null && r < mu.length; r++) {
            double variance = zi == null ? fitted.variance(mu[r]) : zi.responseVariance(r, mu[r], fitted.variance(mu[r]));
            pearson[r] = (y[r] - mean[r]) * Math.sqrt(w[r] / variance / phi);
        }
        LevelParts.Shape shape = new LevelParts.Shape(design.formula().text(), design.x().names(), design.randomTerms().get(0), design.rows(), design.frame().dropped());
        return withoutRows(shape, design.randomTerms(), design.droppedColumns(), family, extra, zi, covariance, lambdas, theta, beta, modes, phi,
                vcov, conditionalVariances, logLikelihood, messages)
                .fitted(mean)
                .scaledResiduals(pearson);
    }

    /**
     * The rows' part of {@link #common} left out (fitted values, Pearson residuals): for a model whose
     * rows are held elsewhere ({@link LevelParts}).
     */
    static MixedModelFit.Builder withoutRows(LevelParts.Shape shape, List<RandomEffectsTerm> terms, List<String> droppedColumns, Family family,
                                             FamilyParameters extra, ZeroInflationEstimates zi, CovarianceStructure covariance, double[][] lambdas,
                                             double[] theta, double[] beta,
                                             double[][] modes, double phi, double[][] vcov, double[][] conditionalVariances, double logLikelihood,
                                             List<String> messages) {
        boolean thresholds = extra != null && extra.coefficients();
        List<String> warnings = new ArrayList<>(messages);
        RankCheck.warning(droppedColumns).ifPresent(message -> warnings.add(0, message));
        boolean singular = covariance.singular(theta);
        if (singular) {
            warnings.add("boundary (singular) fit: a variance component is (nearly) zero or a correlation is ±1");
        }
        boolean dispersionFamily = family.distribution().hasDispersion();
        double scale2 = 1; // random effects are on the linear-predictor scale
        return MixedModelFit.builder()
                .formula(shape.formula())
                .family(family.distribution().name()).link(family.link().name())
                .nObs(shape.nObs()).nDropped(shape.nDropped())
                .groups(RandomEffectsReport.groups(terms))
                .singular(singular)
                .warnings(warnings)
                .logLikelihood(logLikelihood)
                .df(beta.length + covariance.size() + (extra == null ? 0 : extra.values().size()) + (zi == null ? 0 : zi.gamma().length)
                        + (dispersionFamily ? 1 : 0))
                .zeroInflationFixedEffects(zi == null ? List.of() : zi.table())
                .zeroInflationCovariance(zi == null ? null : zi.covariance())
                .residualStdDev(dispersionFamily ? Math.sqrt(phi) : null)
                .fixedEffects(FixedEffectsTable.withZTests(shape.fixedNames(), beta, vcov))
                .fixedEffectsCovariance(vcov)
                .randomEffects(RandomEffectsReport.variances(terms, covariance, theta, scale2))
                .correlations(RandomEffectsReport.correlations(terms, covariance, theta))
                .conditionalModes(RandomEffectsReport.conditionalModes(terms, RandomEffectsReport.modes(lambdas, terms, modes), conditionalVariances))
                .theta(theta)
                .familyParameters(extra == null || thresholds ? Map.of() : extra.values())
                .familyParameterStdErrors(extra == null || thresholds ? Map.of() : extra.stdErrors())
                .thresholds(thresholds ? FixedEffectsTable.withZTests(List.copyOf(extra.values().keySet()),
                        extra.values().values().stream().mapToDouble(Double::doubleValue).toArray(), extra.covariance()) : List.of());
    }
}
