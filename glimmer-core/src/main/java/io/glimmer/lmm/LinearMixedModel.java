package io.glimmer.lmm;

import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.design.RankCheck;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.linalg.BlockedCholesky;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.optim.BoundedMinimizer;
import io.glimmer.optim.CheckedMinimizer;
import io.glimmer.lmm.ConditionalVariances;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear mixed model y = Xβ + Zu + ε, u = Λ(θ)v, v ~ N(0, σ²I), ε ~ N(0, σ²W⁻¹), in lme4's
 * formulation: β and σ are profiled out, so the objective (ML deviance or REML criterion) is a
 * function of θ alone. Cross-products of [Z X y] are formed once; each evaluation rescales them
 * by Λ(θ) and refactors, without touching the rows.
 */
public final class LinearMixedModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /**
     * BOBYQA's largest first trust-region radius from the moment start: small, as that start is usually
     * close. Also the moment start's floor: BOBYQA moves a start lying within one radius of the bound 0.
     */
    static final double INITIAL_RADIUS = 0.05;
    /** The smallest, for a moment start from very many levels. */
    private static final double SMALLEST_RADIUS = 0.01;
    /** The first radius from the identity start (lme4's start and radius). */
    private static final double IDENTITY_RADIUS = 0.2;
    /** BOBYQA's final radius: the accuracy wanted in θ. */
    static final double FINAL_RADIUS = 1e-6;
    /** Largest moment start for a relative standard deviation. */
    private static final double MAX_START = 10;

    /** The rows, or null for a model made from sums over rows held elsewhere ({@link #fromStatistics}). */
    private final Design design;
    private final double[] y;
    private final double[] weights;
    /** From sums: what the moment start reads instead of the rows; null with rows. */
    private final SufficientStatistics statistics;
    private final List<RandomEffectsTerm> terms;
    private final String formulaText;
    private final List<String> fixedNames;
    private final List<String> droppedColumns;
    private final int nDropped;
    private final boolean reml;
    private final CovarianceStructure covariance;
    /** The factor the last evaluation wrote (after {@link #fit()}: the factor at the optimum). */
    private BlockedCholesky factor;
    /** During {@link #fit()}: the factor at the best θ evaluated so far, kept so the optimum needs no refactorisation. */
    private BlockedCholesky bestFactor;
    private double[] bestTheta;
    private double bestValue;
    private final double[][] lambdas;
    private final int n;
    private final int p;
    private final double sumLogWeights;
    /** X's column of ones, or −1 when there is none. */
    private final int intercept;
    /**
     * The (weighted) mean of y − offset, taken out of the response before the cross products when X
     * has an intercept and added back to its coefficient: the profiled objective is unchanged in exact
     * arithmetic, but the penalised residual sum of squares no longer comes from cancelling large sums,
     * which on large data made the objective visibly noisy to the optimiser.
     */
    private final double shift;

    /**
     * @param y       response, one value per row of the design
     * @param weights prior weights, or null
     * @param reml    REML criterion (true) or maximum likelihood (false)
     */
    public LinearMixedModel(Design design, double[] y, double[] weights, boolean reml) {
        this.design = design;
        this.y = y.clone();
        this.weights = weights == null ? null : weights.clone();
        this.statistics = null;
        this.terms = design.randomTerms();
        this.formulaText = design.formula().text();
        this.fixedNames = design.x().names();
        this.droppedColumns = design.droppedColumns();
        this.nDropped = design.frame().dropped();
        this.reml = reml;
        this.n = design.rows();
        this.p = design.p();
        checkIdentifiable(design, y);
        this.covariance = new CovarianceStructure(design.randomTerms());
        this.lambdas = covariance.newLambdas();
        double lw = 0;
        if (weights != null) {
            for (double w : weights) {
                lw += Math.log(w);
            }
        }
        this.sumLogWeights = lw;
        this.intercept = interceptColumn(design.x().values(), n, p);
        this.shift = intercept < 0 ? 0 : weightedMean(responseLessOffset(), this.weights);
        GroupedColumns[] terms = design.randomTerms().stream().map(RandomEffectsTerm::columns).toArray(GroupedColumns[]::new);
        CrossProducts cp = CrossProducts.structure(terms, p + 1);
        cp.compute(this.weights, denseColumns());
        this.factor = new BlockedCholesky(cp);
    }

    /**
     * A model from sums over rows held elsewhere (a distributed pass): one random-effects term, whose
     * shape (levels, names, q) is given without rows. The fit then reports no fitted values or
     * residuals (they are per row); everything else is as from the rows.
     *
     * @param fixedNames     X's column names; an "(Intercept)" column is the one the shift applies to
     * @param droppedColumns aliased columns removed before the sums
     * @param nDropped       rows removed for missing values
     */
    public static LinearMixedModel fromStatistics(SufficientStatistics statistics, RandomEffectsTerm term, String formula,
                                                  List<String> fixedNames, List<String> droppedColumns, int nDropped, boolean reml) {
        return fromStatistics(statistics, List.of(term), formula, fixedNames, droppedColumns, nDropped, reml);
    }

    /**
     * As {@link #fromStatistics(SufficientStatistics, RandomEffectsTerm, String, List, List, int, boolean)}
     * for several terms (crossed or nested), in the statistics' term order (most columns first, as a
     * design orders them; their rows are not read).
     */
    public static LinearMixedModel fromStatistics(SufficientStatistics statistics, List<RandomEffectsTerm> terms, String formula,
                                                  List<String> fixedNames, List<String> droppedColumns, int nDropped, boolean reml) {
        return new LinearMixedModel(statistics, terms, formula, fixedNames, droppedColumns, nDropped, reml);
    }

    private LinearMixedModel(SufficientStatistics s, List<RandomEffectsTerm> terms, String formula, List<String> fixedNames,
                             List<String> droppedColumns, int nDropped, boolean reml) {
        if (s.n() > Integer.MAX_VALUE) {
            throw new InputException(s.n() + " rows are more than a linear mixed model fit counts (" + Integer.MAX_VALUE + ")");
        }
        this.design = null;
        this.y = null;
        this.weights = null;
        this.statistics = s;
        this.terms = List.copyOf(terms);
        this.formulaText = formula;
        this.fixedNames = List.copyOf(fixedNames);
        this.droppedColumns = List.copyOf(droppedColumns);
        this.nDropped = nDropped;
        this.reml = reml;
        this.n = (int) s.n();
        this.p = s.p();
        checkLevels(terms, n);
        this.covariance = new CovarianceStructure(terms);
        this.lambdas = covariance.newLambdas();
        this.sumLogWeights = s.sumLogWeights();
        this.intercept = fixedNames.indexOf("(Intercept)");
        this.shift = s.shift();
        this.factor = new BlockedCholesky(s.crossProducts(this.terms));
    }

    private static void checkIdentifiable(Design design, double[] y) {
        checkLevels(design.randomTerms(), design.rows());
        double first = y[0];
        boolean constant = true;
        for (double v : y) {
            if (v != first) {
                constant = false;
                break;
            }
        }
        if (constant) {
            throw constantResponse(design.formula().response().deparse(), first);
        }
    }

    /** The one message for a response with a single value. */
    public static InputException constantResponse(String response, double value) {
        return new InputException("the response '" + response + "' is constant (every value is " + value + "); there is nothing to model");
    }

    private static void checkLevels(List<RandomEffectsTerm> terms, int n) {
        for (RandomEffectsTerm t : terms) {
            if (t.levelCount() >= n) {
                throw new InputException("grouping factor '" + t.group() + "' has " + t.levelCount() + " levels for " + n
                        + " observations; a linear mixed model needs fewer levels than observations");
            }
            if (t.size() > n) {
                throw new InputException("the term for '" + t.group() + "' has " + t.size() + " random effects for " + n
                        + " observations; the variance components cannot be identified");
            }
        }
    }

    private double[] responseLessOffset() {
        double[] offset = design.offset();
        double[] r = y.clone();
        if (offset != null) {
            for (int i = 0; i < n; i++) {
                r[i] -= offset[i];
            }
        }
        return r;
    }

    private static int interceptColumn(double[] x, int n, int p) {
        for (int j = 0; j < p; j++) {
            boolean ones = true;
            for (int r = 0; r < n && ones; r++) {
                ones = x[r * p + j] == 1;
            }
            if (ones) {
                return j;
            }
        }
        return -1;
    }

    private static double weightedMean(double[] v, double[] weights) {
        double s = 0;
        double sw = 0;
        for (int r = 0; r < v.length; r++) {
            double w = weights == null ? 1 : weights[r];
            s += w * v[r];
            sw += w;
        }
        return s / sw;
    }

    /** [X, y − offset − shift], n × (p + 1) row-major. */
    private double[] denseColumns() {
        double[] x = design.x().values();
        double[] offset = design.offset();
        double[] f = new double[n * (p + 1)];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, r * p, f, r * (p + 1), p);
            f[r * (p + 1) + p] = y[r] - (offset == null ? 0 : offset[r]) - shift;
        }
        return f;
    }

    public CovarianceStructure covariance() {
        return covariance;
    }

    /** The rows' design, or null for a model made from sums ({@link #fromStatistics}). */
    public Design design() {
        return design;
    }

    public boolean reml() {
        return reml;
    }

    /** The objective at θ: the REML criterion or the ML deviance (−2 log-likelihood, profiled). */
    public double objective(double[] theta) {
        covariance.lambdas(theta, lambdas);
        if (!factored()) {
            return Double.POSITIVE_INFINITY;
        }
        double pwrss = penalisedResidualSumOfSquares();
        double logDet = factor.logDetRandom();
        if (reml) {
            int dof = n - p;
            return logDet + factor.logDetDense(p) + dof * (1 + LOG_2PI + Math.log(pwrss / dof)) - sumLogWeights;
        }
        return logDet + n * (1 + LOG_2PI + Math.log(pwrss / n)) - sumLogWeights;
    }

    /**
     * The ML deviance at θ and a given σ (not profiled out), β at its conditional optimum:
     * log|L_Z|² + r²/σ² + n log(2πσ²) − Σ log wᵢ. Profiling σ or a standard deviation fixes it,
     * so σ cannot be profiled out there (lme4's devfun2). +∞ where σ ≤ 0 or the factor fails.
     */
    public double deviance(double[] theta, double sigma) {
        covariance.lambdas(theta, lambdas);
        if (!(sigma > 0) || !factored()) {
            return Double.POSITIVE_INFINITY;
        }
        double sigma2 = sigma * sigma;
        return factor.logDetRandom() + penalisedResidualSumOfSquares() / sigma2 + n * (LOG_2PI + Math.log(sigma2)) - sumLogWeights;
    }

    /**
     * The objective at θ and σ, neither profiled out: {@link #deviance} for ML; for REML that plus
     * log|R_X|² − p log(2πσ²) (lmerTest's devfun_vp). Half its Hessian at the optimum is the observed
     * information of the variance parameters (θ, σ), which Satterthwaite's degrees of freedom use.
     */
    public double criterion(double[] theta, double sigma) {
        double d = deviance(theta, sigma);
        if (!reml || !Double.isFinite(d)) {
            return d;
        }
        return d + factor.logDetDense(p) - p * (LOG_2PI + Math.log(sigma * sigma));
    }

    /** σ²(R_X'R_X)⁻¹ at θ: the covariance of β̂ given the variance parameters (lmerTest's get_covbeta). */
    public double[][] fixedEffectsCovariance(double[] theta, double sigma) {
        covariance.lambdas(theta, lambdas);
        if (!factored()) {
            throw new IllegalStateException("the penalised system is not positive definite at theta " + Arrays.toString(theta));
        }
        return factor.fixedEffectsCovariance(p, sigma * sigma);
    }

    /** The prior weights, or null. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Factors at the current Λ; false when the system, or its penalised residual r² (a perfect fit), is not positive. */
    private boolean factored() {
        return factor.factor(lambdas) && factor.denseFactor().get(p, p) > 0;
    }

    private double penalisedResidualSumOfSquares() {
        double r = factor.denseFactor().get(p, p);
        return r * r;
    }

    /**
     * The objective, remembering the best θ evaluated and the factor there (two factors swap roles,
     * nothing is copied). The best θ again — the centre of the finite differences, a restart's
     * start — is answered from memory.
     */
    private double tracked(double[] theta) {
        if (bestTheta != null && Arrays.equals(theta, bestTheta)) {
            return bestValue;
        }
        double value = objective(theta);
        if (value < bestValue) {
            bestValue = value;
            bestTheta = theta.clone();
            BlockedCholesky best = factor;
            factor = bestFactor;
            bestFactor = best;
        }
        return value;
    }

    /** Minimises the objective over θ and reports the fit. */
    public MixedModelFit fit() {
        long t0 = System.nanoTime();
        if (bestFactor == null) {
            bestFactor = new BlockedCholesky(factor.crossProducts());
        }
        bestTheta = null;
        bestValue = Double.POSITIVE_INFINITY;
        // The moment start, guarded: where lme4's identity start is better (badly scaled slopes, say)
        // BOBYQA starts there with lme4's radius. Both are evaluated; the winner is then remembered.
        double[] start = design == null ? MomentStart.theta(statistics, terms, covariance, INITIAL_RADIUS, MAX_START)
                : MomentStart.theta(design, responseLessOffset(), weights, covariance, INITIAL_RADIUS, MAX_START);
        double[] identity = covariance.start();
        double radius = initialRadius(start, identity, MomentStart.radius(terms, start, SMALLEST_RADIUS, INITIAL_RADIUS));
        int guard = 0;
        if (!Arrays.equals(start, identity)) {
            guard = 1; // the losing start's evaluation; the winner's is BOBYQA's first, answered from memory
            if (tracked(identity) < tracked(start)) {
                start = identity;
                radius = IDENTITY_RADIUS;
            }
        }
        CheckedMinimizer.Outcome outcome = CheckedMinimizer.minimize(this::tracked, start, covariance.lower(), covariance.upper(),
                radius, FINAL_RADIUS);
        BoundedMinimizer.Result opt = outcome.result();
        double[] theta = opt.x();
        MixedModelFit.Builder b;
        if (Arrays.equals(theta, bestTheta)) {
            factor = bestFactor;
            bestFactor = null; // the scratch factor is not kept beyond the fit
            covariance.lambdas(theta, lambdas);
            b = estimates(theta, bestValue);
        } else {
            bestFactor = null;
            b = estimatesAt(theta);
        }
        bestTheta = null;
        b.optimizer(new OptimizerSummary(opt.name(), start, theta, opt.value(), opt.evaluations() + guard, outcome.converged(), outcome.messages()));
        b.converged(outcome.converged());
        outcome.messages().forEach(b::warning);
        b.fitSeconds((System.nanoTime() - t0) / 1e9);
        return b.build();
    }

    /**
     * BOBYQA's first radius: the moment start's own, or lme4's 0.2 where the moments said nothing and
     * the start is lme4's identity (a small radius there would only slow the search).
     */
    static double initialRadius(double[] start, double[] identity, double momentRadius) {
        return Arrays.equals(start, identity) ? IDENTITY_RADIUS : momentRadius;
    }

    /**
     * The penalised least-squares solution at θ alone: β and the modes u = Λ·(spherical modes) per
     * term. A Gauss–Newton step of a nonlinear mixed model is this
     * solution for its linearised model; nothing else of the fit is computed.
     *
     * @throws IllegalStateException when the system cannot be factored at θ
     */
    public PenalisedSolution solve(double[] theta) {
        covariance.lambdas(theta, lambdas);
        if (!factored()) {
            throw new IllegalStateException("the penalised system is not positive definite at theta " + Arrays.toString(theta));
        }
        return solution();
    }

    /** Back-substitution in the current factor: β (the intercept's shift added back), u and the spherical modes. */
    private PenalisedSolution solution() {
        double[] beta = new double[p];
        double[][] spherical = new double[terms.size()][];
        for (int k = 0; k < terms.size(); k++) {
            spherical[k] = new double[terms.get(k).size()];
        }
        factor.solve(beta, spherical);
        if (intercept >= 0) {
            beta[intercept] += shift;
        }
        return new PenalisedSolution(beta, RandomEffectsReport.modes(lambdas, terms, spherical), spherical);
    }

    /** β, the modes u and the spherical modes (u = Λ·spherical) per random-effects term, level-major; see {@link #solve}. */
    public record PenalisedSolution(double[] beta, double[][] modes, double[][] spherical) {
    }

    /** Everything that follows from θ: β, σ, covariance of β, modes, likelihood; without optimiser details. */
    public MixedModelFit.Builder estimatesAt(double[] theta) {
        return estimates(theta, objective(theta));
    }

    /** {@link #estimatesAt} from the factor and λ already at θ, whose objective is given. */
    private MixedModelFit.Builder estimates(double[] theta, double objective) {
        double pwrss = penalisedResidualSumOfSquares();
        double sigma2 = pwrss / (reml ? n - p : n);
        double sigma = Math.sqrt(sigma2);
        PenalisedSolution solution = solution();
        double[] beta = solution.beta();
        double[][] u = solution.modes();
        double[][] vcov = factor.fixedEffectsCovariance(p, sigma2);

        List<FixedEffect> fixed = FixedEffectsTable.withoutPValues(fixedNames, beta, vcov);
        double[] fitted = design == null ? null : fitted(beta, u);
        double[] scaled = design == null ? null : new double[n];
        for (int r = 0; scaled != null && r < n; r++) {
            double w = weights == null ? 1 : Math.sqrt(weights[r]);
            scaled[r] = w * (y[r] - fitted[r]) / sigma;
        }
        List<String> warnings = new ArrayList<>();
        RankCheck.warning(droppedColumns).ifPresent(warnings::add);
        boolean singular = covariance.singular(theta);
        if (singular) {
            warnings.add("boundary (singular) fit: a variance component is (nearly) zero or a correlation is ±1");
        }
        return MixedModelFit.builder()
                .formula(formulaText)
                .family("gaussian").link("identity")
                .method(reml ? "REML" : "ML").details(new EstimatorDetails.Lmm(reml))
                .nObs(n).nDropped(nDropped)
                .groups(RandomEffectsReport.groups(terms))
                .singular(singular)
                .warnings(warnings)
                .logLikelihood(-objective / 2)
                .df(p + covariance.size() + 1)
                .remlCriterion(reml ? objective : null)
                .residualStdDev(sigma)
                .fixedEffects(fixed)
                .fixedEffectsCovariance(vcov)
                .randomEffects(RandomEffectsReport.variances(terms, covariance, theta, sigma2))
                .correlations(RandomEffectsReport.correlations(terms, covariance, theta))
                .conditionalModes(RandomEffectsReport.conditionalModes(terms, u, ConditionalVariances.of(factor, lambdas, sigma2, terms)))
                .theta(theta)
                .fitted(fitted)
                .scaledResiduals(scaled);
    }

    private double[] fitted(double[] beta, double[][] u) {
        double[] x = design.x().values();
        double[] offset = design.offset();
        double[] fit = new double[n];
        List<RandomEffectsTerm> terms = design.randomTerms();
        for (int r = 0; r < n; r++) {
            double s = LinearPredictor.row(x, p, r, beta, offset == null ? 0 : offset[r]);
            for (int k = 0; k < terms.size(); k++) {
                GroupedColumns g = terms.get(k).columns();
                int q = g.q();
                int level = g.codes()[r];
                for (int a = 0; a < q; a++) {
                    s += g.z()[r * q + a] * u[k][level * q + a];
                }
            }
            fit[r] = s;
        }
        return fit;
    }
}
