package io.glimmer.gee;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.design.RankCheck;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;
import io.glimmer.glm.Irls;
import io.glimmer.response.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generalized estimating equations (Liang and Zeger 1986) as R's geepack::geeglm computes them:
 * a marginal model g(μ) = Xβ with a working correlation within the clusters of
 * {@code options.cluster()}, scale and correlation by geepack's moment estimators, and robust
 * (sandwich) standard errors with Wald z tests.
 *
 * <pre>{@code
 * GeeFit gee = GeeEstimator.fitGee(data, "resp ~ age + smoke",
 *         FitOptions.builder().method(Method.GEE).family("binomial").cluster("id").corstr("exchangeable").build());
 * }</pre>
 */
public final class GeeEstimator {
    private static final List<Distribution> FAMILIES = List.of(Distribution.GAUSSIAN, Distribution.BINOMIAL,
            Distribution.POISSON, Distribution.GAMMA);

    private GeeEstimator() {
    }

    /**
     * Checks that need no rows: no random-effects terms, a response, a family geepack covers, a
     * known working correlation and a cluster column that exists.
     *
     * @throws InputException naming what is wrong
     */
    public static void check(DataFrame data, Formula formula, FitOptions options) {
        checkFormula(formula);
        family(options);
        CorrelationStructure.parse(options.corstr());
        clusterColumn(data, options.cluster());
    }

    /**
     * Fits the GEE to a prepared design and response.
     *
     * @param cluster         each row's cluster, one per row of the design (rows without one already removed)
     * @param droppedBefore   rows removed before the design for a missing cluster
     */
    public static GeeFit fitGee(Design design, Response response, Family family, CorrelationStructure structure, Column cluster,
                                int droppedBefore) {
        long t0 = System.nanoTime();
        String clusterColumn = cluster.name();
        Clusters clusters = Clusters.of(cluster);
        double[] offset = design.offset() == null ? new double[design.rows()] : design.offset();
        MarginalModel model = new MarginalModel(family, design.x(), response.y(), response.weights(), offset, clusters);
        WorkingCorrelation corr = structure.create(clusters.maxSize());
        if (!corr.isIndependence() && clusters.maxSize() < 2) {
            throw new InputException("every cluster of '" + clusterColumn + "' has a single row, so there is no within-cluster correlation to estimate; use {--corstr independence}");
        }

        double[] start = Irls.start(design.x(), offset, response.y(), response.weights(), family, "the start of the GEE").beta();
        GeeSolution independence = GeeSolver.solve(model, new IndependenceCorrelation(), start);
        GeeSolution solution = corr.isIndependence() ? independence : GeeSolver.solve(model, corr, independence.beta());
        SandwichCovariance covariance = SandwichCovariance.at(model, corr, solution);
        Qic qic = Qic.of(model, solution, covariance.robust(), corr.parameters(), independence);

        List<String> warnings = warnings(design, clusters, corr, solution);
        List<String> alphaNames = new ArrayList<>();
        for (int a = 0; a < corr.parameters(); a++) {
            alphaNames.add(corr.parameterName(a));
        }
        MixedModelFit fit = MixedModelFit.builder()
                .formula(design.formula().text())
                .family(family.name())
                .link(family.link().name())
                .method("GEE")
                .nObs(design.rows())
                .nDropped(design.frame().dropped() + droppedBefore)
                .groups(Map.of(clusterColumn, clusters.count()))
                .converged(solution.converged())
                .warnings(warnings)
                .logLikelihood(Double.NaN)
                .df(design.p())
                .fixedEffects(fixedEffects(design.x().names(), solution.beta(), covariance.robust()))
                .fixedEffectsCovariance(covariance.robust())
                .fitted(model.mu(solution.beta()))
                .scaledResiduals(standardisedPearson(model, solution))
                .optimizer(new OptimizerSummary("Fisher scoring with moment estimates (geepack)", independence.beta(),
                        solution.beta(), solution.change(), solution.iterations(), solution.converged(), List.of()))
                .details(new EstimatorDetails.Gee(structure.label(), alphaNames, Arrays.stream(solution.alpha()).boxed().toList(),
                        solution.phi(), qic.qic(), qic.qicU(), qic.qicC()))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
        return new GeeFit(fit, structure, solution.alpha(), alphaNames, covariance, qic, clusters, solution.iterations());
    }

    private static void checkFormula(Formula formula) {
        if (!formula.randomTerms().isEmpty()) {
            throw new InputException("GEE fits a marginal model: remove the "
                    + formula.randomTerms().stream().map(t -> "(" + t.label() + ")").collect(Collectors.joining(", "))
                    + " term" + (formula.randomTerms().size() == 1 ? "" : "s") + " and give the clusters with {--cluster}");
        }
        if (formula.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
    }

    static Family family(FitOptions options) {
        Family family = Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
        if (!FAMILIES.contains(family.distribution())) {
            throw new InputException("GEE supports the " + FAMILIES.stream().map(Distribution::name).collect(Collectors.joining(", "))
                    + " families (geepack's), not " + family.name());
        }
        return family;
    }

    private static String clusterColumn(DataFrame data, String cluster) {
        if (cluster == null || cluster.isBlank()) {
            throw new InputException("GEE needs {--cluster COLUMN}: the column whose values identify the clusters (e.g. subjects)");
        }
        if (!data.has(cluster)) {
            throw new InputException("cluster column '" + cluster + "' is not in " + data.source()
                    + " (columns: " + String.join(", ", data.names()) + ")");
        }
        return cluster;
    }

    private static List<FixedEffect> fixedEffects(List<String> names, double[] beta, double[][] covariance) {
        // Two-sided normal p-value; geepack prints the Wald χ² = z² with 1 df, which has the same p-value.
        return FixedEffectsTable.withZTests(names, beta, covariance);
    }

    /** Pearson residuals √w (y − μ)/√(φ V(μ)). */
    private static double[] standardisedPearson(MarginalModel m, GeeSolution s) {
        double[] r = m.pearsonResiduals(s.beta());
        for (int i = 0; i < r.length; i++) {
            r[i] *= Math.sqrt(m.weights()[i] / s.phi());
        }
        return r;
    }

    private static List<String> warnings(Design design, Clusters clusters, WorkingCorrelation corr, GeeSolution s) {
        List<String> warnings = new ArrayList<>();
        RankCheck.warning(design.droppedColumns()).ifPresent(warnings::add);
        if (!clusters.contiguous()) {
            warnings.add("the rows of each cluster of '" + clusters.column() + "' are not adjacent; rows with the same value were"
                    + " taken as one cluster in data order (geepack would take each run as a separate cluster: sort the data by '"
                    + clusters.column() + "' to compare)");
        }
        if (!s.converged()) {
            warnings.add("the GEE iterations did not converge in " + s.iterations() + " iterations (last change " + String.format("%.2g", s.change()) + ")");
        }
        if (!corr.isIndependence() && !Dense.positiveDefinite(corr.matrix(s.alpha(), clusters.maxSize()))) {
            warnings.add("the estimated working correlation matrix is not positive definite for clusters of " + clusters.maxSize() + " rows");
        }
        return warnings;
    }
}
