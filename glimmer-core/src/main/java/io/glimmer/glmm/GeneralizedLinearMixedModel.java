package io.glimmer.glmm;

import io.glimmer.response.Response;
import io.glimmer.error.GlimmerException;
import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;
import io.glimmer.family.ParametricDistribution;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.glm.Irls;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.optim.BoundedMinimizer;
import io.glimmer.optim.ConvergenceCheck;
import io.glimmer.optim.FiniteDifferences;
import io.glimmer.optim.NewtonPolish;
import io.glimmer.lmm.ConditionalVariances;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * A generalized linear mixed model fitted by maximum likelihood, as lme4's glmer: the Laplace
 * approximation (nAGQ = 1) or adaptive Gauss–Hermite quadrature (nAGQ > 1, one random-effects
 * term), optimised in two stages — θ with β inside PIRLS, then (θ, β) together — with standard
 * errors from the Hessian of the deviance. It reuses the linear model's covariance structure,
 * factorisation and reporting.
 *
 * <p>A family with a parameter of its own ({@link ParametricDistribution}: the negative binomials,
 * the beta) is fitted as glmmTMB fits it: its {@link ObservationModel}'s parameters ψ join θ in
 * both stages (the outer vector is (θ, ψ) in stage one and (θ, ψ, β) in stage two), PIRLS takes
 * Newton steps on −2 Σ log f(y | η, ψ) + ‖b‖², and the Laplace approximation's determinant is that
 * of the observed information.
 */
public final class GeneralizedLinearMixedModel {
    /** lme4's finite-difference step for the Hessian of the deviance. */
    private static final double HESSIAN_STEP = 1e-4;
    /** Step in θ of the second differences that scale stage two's coordinates: their accuracy hardly matters. */
    private static final double SCALING_STEP = 1e-3;
    private static final int SCALING_EVALUATIONS = 2;
    /** Stage two's first trust-region radius, in standard errors (stage one's optimum is usually well inside it). */
    private static final double STAGE_TWO_RADIUS = 0.2;
    /** Stage one's first trust-region radius in θ from the identity start, and from {@link InterceptMoments}' start. */
    private static final double IDENTITY_START_RADIUS = 0.5;
    private static final double MOMENT_START_RADIUS = 0.2;
    /** PIRLS's settled step in stage one (see {@link #mode}). */
    private static final double STAGE_ONE_SETTLED = 1e-7;
    /**
     * Stage two's final radius, in the model's own units as before the scaling: divided by the
     * largest scale, no coordinate of (θ, β) is left less accurately than this.
     */
    private static final double STAGE_TWO_ACCURACY = 1e-7;
    /** Newton steps after stage two for zero-inflated models, until a step promises less than this in deviance. */
    private static final int POLISH_STEPS = 30;
    private static final double POLISH_TOLERANCE = 1e-6;
    /** Stage two's final radius (in standard errors) when the Newton polish follows: it finishes the job in a few steps. */
    private static final double POLISHED_STAGE_TWO_RADIUS = 1e-3;

    /** The rows, or null for a model whose rows are held in {@link LevelParts}. */
    private final Design design;
    /** The parts holding the rows, or null when this model holds them. */
    private final LevelParts parts;
    /** Without rows: what the report needs instead of the design; else null. */
    private final LevelParts.Shape shape;
    private final List<RandomEffectsTerm> terms;
    private final Family family;
    private final int nAGQ;
    private final GlmmData data;
    private final Pirls pirls;
    private final CovarianceStructure covariance;
    /** The conditional density with extra parameters ψ after θ in the outer vector, or null (R's families: none). */
    private final ObservationModel observation;
    /** Number of θ, of θ and ψ together, and of θ and the family's own parameters (ψ without zero inflation's γ). */
    private final int nc;
    private final int nt;
    private final int nf;
    /** The zero-inflation design, or null. */
    private final ModelMatrix zeroInflation;
    private ZeroInflatedStart ziStart;
    /** Evaluations of the Newton polish after stage two (zero-inflated models). */
    private int polishEvaluations;
    /** The polish's derivatives at the optimum it ended on (the Hessian for the standard errors), or null. */
    private FiniteDifferences polishedDerivatives;
    private final double[][] lambdas;
    private final AdaptiveQuadrature quadrature;
    /** The PIRLS-free quadrature of a binomial-logit (1 | g) model, or null. */
    private final InterceptQuadrature interceptQuadrature;
    /** Its first stage (joint mode of β and b without PIRLS), or null. */
    private final InterceptLaplace interceptLaplace;
    private final int p;
    /** Σ saturatedLogDensity over the rows, or NaN when the log-likelihood needs its own pass. */
    private final double saturated;
    private double[] betaWarm;
    private double[][] bWarm;
    /** Λ at which bWarm was found (null: take bWarm as it is). */
    private double[][] lambdaWarm;
    /** The mode of the last stage-one evaluation. */
    private Pirls.Mode stageOneMode;
    /** The covariance of β at the last stage-one evaluation when {@link InterceptLaplace} made it (stageOneMode is then null). */
    private double[][] stageOneCovariance;
    private boolean convergenceWarning;
    /** Conditional variances of the modes at the optimum (lme4's condVar), set by fit(). */
    private double[][] conditionalVariances;

    /** The most adaptive quadrature points per axis (nAGQ) a fit accepts; the least is 1, the Laplace approximation. */
    public static final int MAX_NAGQ = QuadratureRule.MAX_POINTS;

    public GeneralizedLinearMixedModel(Design design, Response response, Family family, int nAGQ) {
        this(design, response, family, nAGQ, (ObservationModel) null, null);
    }

    /**
     * A model whose conditional density is the given observation model (its extra parameters
     * estimated with θ and β), e.g. an ordinal response's {@link io.glimmer.family.CumulativeLink};
     * null: the family's own (R's families).
     */
    public GeneralizedLinearMixedModel(Design design, Response response, Family family, int nAGQ, ObservationModel observation) {
        this(design, response, family, nAGQ, observation, null);
    }

    /**
     * @param zeroInflation the zero-inflation model's design over the same rows (glmmTMB's ziformula), or null:
     *                      its coefficients γ follow the family's own parameters in ψ
     */
    public GeneralizedLinearMixedModel(Design design, Response response, Family family, int nAGQ, ModelMatrix zeroInflation) {
        this(design, response, family, nAGQ, null, zeroInflation);
    }

    private GeneralizedLinearMixedModel(Design design, Response response, Family family, int nAGQ, ObservationModel given,
                                        ModelMatrix zeroInflation) {
        if (design.randomTerms().isEmpty()) {
            throw new InputException("the formula has no random-effects term such as (1 | group)");
        }
        QuadratureRule.checkPoints(nAGQ); // before the other checks name the number
        if (nAGQ > 1 && design.randomTerms().size() != 1) {
            throw new InputException("adaptive Gauss-Hermite quadrature ({--agq " + nAGQ + "}) covers models with a single random-effects term, e.g. (1 | g) or (1 + x | g); this model has "
                    + design.randomTerms().size() + " terms: use {--method Laplace}");
        }
        if (nAGQ > 1 && Math.pow(nAGQ, design.randomTerms().get(0).q()) > 100_000) {
            throw new InputException("adaptive quadrature with " + nAGQ + " points in " + design.randomTerms().get(0).q()
                    + " dimensions needs too many nodes; use fewer points");
        }
        this.design = design;
        this.parts = null;
        this.shape = null;
        this.terms = design.randomTerms();
        this.family = family;
        this.nAGQ = nAGQ;
        this.data = new GlmmData(design, response);
        this.pirls = new Pirls(data, family);
        this.covariance = new CovarianceStructure(design.randomTerms());
        this.zeroInflation = zeroInflation;
        this.observation = given != null ? given : observationModel(family, zeroInflation);
        this.nc = covariance.size();
        this.nt = nc + (observation == null ? 0 : observation.parameterNames().size());
        this.nf = nc + (observation == null ? 0 : observation.familyParameterCount());
        this.lambdas = covariance.newLambdas();
        this.quadrature = nAGQ > 1 ? new AdaptiveQuadrature(data, family, nAGQ) : null;
        this.interceptQuadrature = nAGQ > 1 ? InterceptQuadrature.of(data, family, nAGQ) : null;
        this.interceptLaplace = InterceptLaplace.of(interceptQuadrature);
        this.p = design.p();
        this.saturated = saturatedLogLikelihood();
        this.betaWarm = new double[p];
        this.bWarm = zeroModes();
    }

    /**
     * A model whose rows are held in parts elsewhere, each with whole levels of its one random-effects
     * term ({@link LevelParts}): the same two-stage fit, every evaluation summed over the parts, stage
     * one by {@link ProfiledNewton} over the parts' profiles (PIRLS's joint mode, found with β outside).
     * Families without a dispersion or parameters of their own (binomial, Poisson); no moment start
     * for θ, no separation check and no per-row output (fitted values, residuals).
     */
    public static GeneralizedLinearMixedModel ofParts(LevelParts parts, LevelParts.Shape shape, Family family, int nAGQ) {
        return new GeneralizedLinearMixedModel(parts, shape, family, nAGQ);
    }

    private GeneralizedLinearMixedModel(LevelParts parts, LevelParts.Shape shape, Family family, int nAGQ) {
        this(parts, null, shape, List.of(shape.term()), family, nAGQ, Double.NaN);
        if (nAGQ > 1 && Math.pow(nAGQ, shape.term().q()) > 100_000) {
            throw new InputException("adaptive quadrature with " + nAGQ + " points in " + shape.term().q()
                    + " dimensions needs too many nodes; use fewer points");
        }
    }

    /**
     * The observation model a family (with zero inflation, when its design is given) is fitted with,
     * or null for R's families, whose density is the family's: the one place this choice is made.
     */
    public static ObservationModel observationModel(Family family, ModelMatrix zeroInflation) {
        if (zeroInflation != null) {
            return ObservationModel.of(family).zeroInflated(zeroInflation.values(), zeroInflation.names());
        }
        return family.distribution() instanceof ParametricDistribution ? ObservationModel.of(family) : null;
    }

    /**
     * A model whose rows are held elsewhere and passed over by {@link PirlsRows} (a Spark engine's
     * executors, say), with any random-effects terms PIRLS fits (crossed, nested): the same two-stage
     * Laplace fit, PIRLS's steps and factor here and its row passes there. Families without a
     * dispersion or parameters of their own (binomial, Poisson); no separation check and no per-row
     * output (fitted values, residuals).
     *
     * @param shape     what the report needs of the rows (its term: the first of {@code terms})
     * @param terms     the random-effects terms in the order of the rows' cross products, every level, rows not held
     * @param saturated Σ of the family's saturated log-density over the rows
     */
    public static GeneralizedLinearMixedModel ofRows(PirlsRows rows, LevelParts.Shape shape, List<RandomEffectsTerm> terms, Family family,
                                                     double saturated) {
        return new GeneralizedLinearMixedModel(null, rows, shape, terms, family, 1, saturated);
    }

    /**
     * A model whose rows are held elsewhere: in parts ({@link #ofParts}) or passed over by PIRLS's row
     * passes ({@link #ofRows}, parts null); families without a dispersion or parameters of their own.
     */
    private GeneralizedLinearMixedModel(LevelParts parts, PirlsRows rows, LevelParts.Shape shape, List<RandomEffectsTerm> terms, Family family,
                                        int nAGQ, double saturated) {
        QuadratureRule.checkPoints(nAGQ);
        if (family.distribution().hasDispersion() || family.distribution() instanceof ParametricDistribution) {
            throw new IllegalArgumentException("a model with rows held elsewhere takes families without a dispersion parameter");
        }
        this.design = null;
        this.parts = parts;
        this.shape = shape;
        this.terms = List.copyOf(terms);
        this.family = family;
        this.nAGQ = nAGQ;
        this.data = null;
        this.pirls = rows == null ? null : new Pirls(rows);
        this.covariance = new CovarianceStructure(this.terms);
        this.observation = null;
        this.zeroInflation = null;
        this.nc = covariance.size();
        this.nt = nc;
        this.nf = nc;
        this.lambdas = covariance.newLambdas();
        this.quadrature = null;
        this.interceptQuadrature = null;
        this.interceptLaplace = null;
        this.p = shape.fixedNames().size();
        this.saturated = saturated;
        this.betaWarm = new double[p];
        this.bWarm = zeroModes();
    }

    /** Whether the rows are passed over by a {@link PirlsRows} held elsewhere ({@link #ofRows}). */
    private boolean rowsElsewhere() {
        return design == null && parts == null;
    }

    /** The observation model whose parameters ψ follow θ in the outer vector, or null for R's families. */
    public ObservationModel observation() {
        return observation;
    }

    private double[][] zeroModes() {
        double[][] b = new double[terms.size()][];
        for (int k = 0; k < terms.size(); k++) {
            b[k] = new double[terms.get(k).size()];
        }
        return b;
    }

    /** Dispersion used in the log-density: 1, or (as R's family aic) the mean deviance residual. */
    private double dispersion(Pirls.Mode mode) {
        if (!family.distribution().hasDispersion()) {
            return 1;
        }
        double sw = 0;
        for (double w : data.weights()) {
            sw += w;
        }
        return mode.deviance() / sw;
    }

    private double saturatedLogLikelihood() {
        double[] y = data.y();
        double[] w = data.weights();
        double s = 0;
        for (int r = 0; r < y.length; r++) {
            s += family.distribution().saturatedLogDensity(y[r], w[r]);
        }
        return s;
    }

    /** The log-likelihood of the data at PIRLS's μ: from the mode's deviance where the family allows. */
    private double logLikelihoodAtMode(Pirls.Mode mode, double phi) {
        if (observation != null) { // PIRLS's objective is −2 Σ log f itself
            return -mode.deviance() / 2;
        }
        if (!Double.isNaN(saturated)) {
            return saturated - mode.deviance() / 2;
        }
        double[] mu = pirls.mu();
        double[] y = data.y();
        double[] w = data.weights();
        double s = 0;
        for (int r = 0; r < mu.length; r++) {
            s += family.distribution().logDensity(y[r], mu[r], w[r], phi);
        }
        return s;
    }

    /** Λ(θ) from the outer vector's θ, and the conditional density at its ψ. */
    private void setOuter(double[] outer) {
        covariance.lambdas(outer, lambdas); // reads the first nc values
        if (observation != null) {
            ObservationModel.Conditional density = observation.at(Arrays.copyOfRange(outer, nc, nt));
            pirls.conditional(density);
            if (quadrature != null) {
                quadrature.conditional(density);
            }
        }
    }

    /** The outer vector's lower bounds: θ's, then none for ψ (it is on an unbounded scale). */
    private double[] outerLower() {
        return concat(covariance.lower(), filled(nt - nc, Double.NEGATIVE_INFINITY));
    }

    private double[] outerUpper() {
        return concat(covariance.upper(), filled(nt - nc, Double.POSITIVE_INFINITY));
    }

    private Pirls.Mode mode(double[] theta, double[] beta, double[][] start, double[][] startLambdas, boolean updateBeta) {
        setOuter(theta);
        // Stage one (β free) only gives stage two its start, and its BOBYQA stops at radius 1e-3 in θ,
        // where the deviance moves by ~1e-3: modes within 1e-7 (relative) are plenty there.
        double settled = updateBeta ? STAGE_ONE_SETTLED : Pirls.SETTLED;
        Pirls.Mode m = pirls.run(lambdas, beta, WarmStart.rescale(start, startLambdas, lambdas), updateBeta, settled);
        if (m == null) { // a warm start can be poor far from the optimum: retry from zero modes
            m = pirls.run(lambdas, beta, zeroModes(), updateBeta, settled);
        }
        return m;
    }

    /** The Laplace (or quadrature) deviance at a mode found by PIRLS; +∞ when PIRLS fails. */
    private double devianceAt(Pirls.Mode m, double[] beta) {
        if (m == null) {
            return Double.POSITIVE_INFINITY;
        }
        double phi = dispersion(m);
        if (quadrature != null) {
            return quadrature.deviance(lambdas[0], beta, m.b()[0], pirls.factor().firstBlock(), phi);
        }
        return -2 * logLikelihoodAtMode(m, phi) + m.penalty() + m.logDet();
    }

    /** −2 log-likelihood (Laplace or AGQ) at (θ, β), PIRLS started from the given modes. */
    double deviance(double[] theta, double[] beta, double[][] start) {
        return deviance(theta, beta, start, null);
    }

    /** As {@link #deviance(double[], double[], double[][])}, the start found at Λ = startLambdas (rescaled by {@link WarmStart}). */
    double deviance(double[] theta, double[] beta, double[][] start, double[][] startLambdas) {
        if (parts != null) {
            covariance.lambdas(theta, lambdas);
            LevelParts.Deviance d = parts.deviance(theta, beta, start[0], startLambdas);
            if (Double.isFinite(d.deviance())) {
                bWarm = new double[][]{d.modes()};
                lambdaWarm = Pirls.copy(lambdas);
            }
            return d.deviance();
        }
        if (interceptQuadrature != null) {
            covariance.lambdas(theta, lambdas);
            InterceptQuadrature.Result r = interceptQuadrature.deviance(lambdas[0][0], beta, start[0]);
            if (r != null) {
                bWarm = new double[][]{r.modes()};
                lambdaWarm = null; // its own warm start: the modes are taken as they are
                return r.deviance();
            }
        }
        Pirls.Mode m = mode(theta, beta, start, startLambdas, false);
        if (m != null) {
            bWarm = m.b();
            lambdaWarm = Pirls.copy(lambdas);
        }
        return devianceAt(m, beta);
    }

    /**
     * −2 log-likelihood (Laplace or AGQ) at (θ, β), PIRLS started from the modes of the previous
     * call: what profiling, which moves (θ, β) in small steps, needs.
     */
    public double deviance(double[] theta, double[] beta) {
        return deviance(theta, beta, bWarm, lambdaWarm);
    }

    /**
     * {@link LevelParts#deviance}'s part from this model's rows (the part's levels) by PIRLS: the deviance
     * and the modes found. {@link LevelPart} tries the per-level path first.
     */
    LevelParts.Deviance partDeviance(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        double d = deviance(theta, beta, new double[][]{start}, startLambdas);
        return new LevelParts.Deviance(d, bWarm[0].clone());
    }

    /**
     * {@link LevelParts#profile}'s part: the modes at β by PIRLS with β fixed, −log-likelihood + ‖b‖²/2
     * (up to a constant), the Laplace deviance, the gradient in β and the Schur complement of PIRLS's joint factor.
     */
    LevelParts.Profile partProfile(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        Pirls.Mode m = mode(theta, beta, new double[][]{start}, startLambdas, false);
        if (m != null) {
            pirls.jointFactorAt(lambdas, beta, m.b()); // the cross products with X at the mode (its factor may fail: a part's X'WX may be singular)
        }
        double[] schur = m == null ? null : ProfiledNewton.schur(pirls.factor().crossProducts(), lambdas[0], p);
        if (schur == null) {
            return new LevelParts.Profile(Double.NaN, Double.POSITIVE_INFINITY, null, null, null);
        }
        double deviance = -2 * logLikelihoodAtMode(m, dispersion(m)) + m.penalty() + m.logDet();
        return new LevelParts.Profile(m.penalised() / 2, deviance, pirls.betaScore(), schur, m.b()[0].clone());
    }

    /**
     * The part methods' per-level path for a binomial–logit (1 | g) part, Laplace included (the local
     * fit keeps PIRLS for Laplace); null where it does not apply. Made anew on each call.
     */
    InterceptPart levelPath() {
        return design == null || observation != null ? null : InterceptPart.of(data, family, interceptQuadrature, saturated);
    }

    /** {@link LevelParts#optimum}'s part: the deviance, modes and conditional covariances at the optimum. */
    LevelParts.Optimum partOptimum(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        Pirls.Mode m = mode(theta, beta, new double[][]{start}, startLambdas, false);
        if (m == null) {
            throw new GlimmerException("PIRLS failed at the optimum: the conditional modes could not be found");
        }
        double deviance = devianceAt(m, beta);
        double[] variances = ConditionalVariances.of(pirls.factor(), lambdas, dispersion(m), terms)[0];
        return new LevelParts.Optimum(deviance, m.b()[0].clone(), variances, m.converged(), m.iterations());
    }

    /**
     * The conditional covariances of the random effects ({@link ConditionalVariances#of}) at given
     * (θ, β), from PIRLS's factor at the mode there, as {@link #fit} reports them at its optimum:
     * for checking them against another program's estimates.
     */
    public double[][] conditionalCovariancesAt(double[] theta, double[] beta) {
        if (parts != null) {
            return new double[][]{parts.optimum(theta, beta, zeroModes()[0], null).conditionalVariances()};
        }
        Pirls.Mode m = mode(theta, beta, zeroModes(), null, false);
        if (m == null) {
            throw new GlimmerException("PIRLS failed at the given (theta, beta): the conditional modes could not be found");
        }
        return ConditionalVariances.of(pirls.factor(), lambdas, dispersion(m), terms);
    }

    /**
     * The fit at given parameters, nothing optimised: PIRLS's modes at (θ, β), their conditional
     * variances and the Laplace (or AGQ) deviance there, as {@link #fit} reports them at its optimum,
     * with β's covariance as given (a saved model's). For a model of one of R's families held in rows.
     *
     * @param betaCovariance the covariance reported for β, or null for PIRLS's approximation at the mode
     */
    public MixedModelFit fitAt(double[] theta, double[] beta, double[][] betaCovariance) {
        if (parts != null || observation != null) {
            throw new IllegalArgumentException("a fit at given parameters is made for R's families, rows held here");
        }
        if (theta.length != nc || beta.length != p) {
            throw new IllegalArgumentException(theta.length + " theta and " + beta.length + " beta for a model with " + nc + " and " + p);
        }
        long t0 = System.nanoTime();
        List<String> messages = new ArrayList<>();
        Pirls.Mode m = finalMode(theta, beta, zeroModes(), null, "the given parameters", messages);
        double deviance = devianceAt(m, beta);
        double phi = dispersion(m);
        double[][] modes = m.b();
        double[] mu = fittedValues(theta);
        double[][] vcov = betaCovariance != null ? betaCovariance : pirls.jointFactorAt(lambdas, beta, modes).fixedEffectsCovariance(p, phi);
        return GlmmReport.common(design, family, null, null, data, covariance, lambdas, theta, beta, modes, mu, phi, vcov, conditionalVariances,
                        -deviance / 2, messages)
                .method(nAGQ > 1 ? "AGQ" : "Laplace").nAGQ(nAGQ).details(new EstimatorDetails.Glmm(nAGQ))
                .converged(true).fitSeconds((System.nanoTime() - t0) / 1e9).build();
    }

    /**
     * PIRLS's mode at the end of a fit, at (θ and ψ, β): a failure is an error, not converging a message;
     * the conditional variances are taken there, while PIRLS's factor still holds the mode's weights.
     */
    private Pirls.Mode finalMode(double[] outer, double[] beta, double[][] start, double[][] startLambdas, String where, List<String> messages) {
        Pirls.Mode m = mode(outer, beta, start, startLambdas, false);
        if (m == null) {
            throw new GlimmerException("PIRLS failed at " + where + ": the conditional modes could not be found");
        }
        if (!m.converged()) {
            messages.add("PIRLS did not converge at " + where + " (" + m.iterations() + " iterations)");
        }
        conditionalVariances = ConditionalVariances.of(pirls.factor(), lambdas, dispersion(m), terms);
        return m;
    }

    /** The first stage's objective: the Laplace deviance with β at its joint mode with b. */
    private double stageOne(double[] theta) {
        if (parts != null) {
            covariance.lambdas(theta, lambdas);
            ProfiledNewton.Result r = ProfiledNewton.jointMode(profileOfParts(theta, lambdaWarm), betaWarm, bWarm[0]);
            if (r == null) {
                return Double.POSITIVE_INFINITY;
            }
            betaWarm = r.beta();
            bWarm = new double[][]{r.modes()};
            lambdaWarm = Pirls.copy(lambdas);
            stageOneMode = null;
            stageOneCovariance = r.betaCovariance();
            return r.deviance();
        }
        if (interceptLaplace != null) {
            covariance.lambdas(theta, lambdas);
            ProfiledNewton.Result r = interceptLaplace.jointMode(lambdas[0][0], betaWarm, bWarm[0]);
            if (r != null) {
                betaWarm = r.beta();
                bWarm = new double[][]{r.modes()};
                lambdaWarm = null;
                stageOneMode = null;
                stageOneCovariance = r.betaCovariance();
                return r.deviance();
            }
        }
        Pirls.Mode m = mode(theta, betaWarm, bWarm, lambdaWarm, true);
        if (m == null) {
            return Double.POSITIVE_INFINITY;
        }
        betaWarm = m.beta();
        bWarm = m.b();
        lambdaWarm = Pirls.copy(lambdas);
        stageOneMode = m;
        stageOneCovariance = null; // from an earlier θ: never to be used for this one
        return -2 * logLikelihoodAtMode(m, dispersion(m)) + m.penalty() + m.logDet();
    }

    /**
     * The parts' profile at θ (Λ set): the first point's modes were found at {@code startLambdas},
     * later points' at this Λ.
     */
    private ProfiledNewton.Profile profileOfParts(double[] theta, double[][] startLambdas) {
        double[] at = theta.clone();
        double[][] here = Pirls.copy(lambdas);
        double[][][] from = {startLambdas == null ? null : Pirls.copy(startLambdas)};
        return (beta, modes) -> {
            LevelParts.Profile r = parts.profile(at, beta, modes, from[0]);
            from[0] = here;
            return r.gradient() == null ? null : new ProfiledNewton.Point(beta, r.modes(), r.objective(), r.deviance(), r.gradient(), r.schur());
        };
    }

    private double[] glmStart() {
        if (parts != null) { // the GLM is the joint mode with Λ = 0
            double[] zero = new double[nc];
            covariance.lambdas(zero, lambdas);
            ProfiledNewton.Result r = ProfiledNewton.jointMode(profileOfParts(zero, null), new double[p], zeroModes()[0]);
            if (r == null || !allFinite(r.beta())) {
                throw new GlimmerException("the start for the mixed model (a GLM fit) failed: the fixed effects could not be estimated");
            }
            return r.beta();
        }
        if (rowsElsewhere()) { // the GLM is PIRLS's joint mode with Λ = 0
            covariance.lambdas(new double[nc], lambdas);
            Pirls.Mode m = pirls.run(lambdas, new double[p], zeroModes(), true);
            if (m == null || !allFinite(m.beta())) {
                throw new GlimmerException("the start for the mixed model (a GLM fit) failed: the fixed effects could not be estimated");
            }
            return m.beta();
        }
        if (observation != null && !observation.startsFromGlm()) {
            return new double[p];
        }
        if (zeroInflation != null) {
            return zeroInflatedStart().beta();
        }
        if (interceptLaplace != null) { // the GLM is the joint mode with λ = 0
            ProfiledNewton.Result r = interceptLaplace.jointMode(0, new double[p], zeroModes()[0]);
            if (r != null && allFinite(r.beta())) {
                return r.beta();
            }
        }
        return glmStartFit().beta();
    }

    private io.glimmer.glm.GlmFit glmStartFit() {
        Family start = family.distribution() instanceof ParametricDistribution d ? d.startFamily() : family;
        return Irls.start(design.x(), data.offset(), data.y(), data.weights(), start, "the start for the mixed model");
    }

    /** The zero-inflated GLM's start, made once. */
    private ZeroInflatedStart zeroInflatedStart() {
        if (ziStart == null) {
            ziStart = ZeroInflatedStart.of(design.x(), data.offset(), data.y(), data.weights(), zeroInflation);
        }
        return ziStart;
    }

    /** ψ's start: the observation model's moment estimate at the GLM start's means (and the zero-inflated GLM's γ). */
    private double[] extraStart() {
        if (observation == null) {
            return new double[0];
        }
        if (!observation.startsFromGlm()) {
            return observation.start(data.y(), data.weights(), null);
        }
        if (zeroInflation != null) {
            ZeroInflatedStart s = zeroInflatedStart();
            double[] psi = observation.start(data.y(), s.countWeights(), s.mu());
            System.arraycopy(s.gamma(), 0, psi, nf - nc, s.gamma().length);
            return psi;
        }
        double[] eta = glmStartFit().eta();
        double[] mu = new double[eta.length];
        for (int r = 0; r < mu.length; r++) {
            mu[r] = family.link().inverse(eta[r]);
        }
        return observation.start(data.y(), data.weights(), mu);
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    public MixedModelFit fit() {
        long t0 = System.nanoTime();
        List<String> messages = new ArrayList<>();
        if (design != null && family.distribution().name().equals("binomial")) {
            SeparationCheck.warning(design.x(), data.y(), data.weights()).ifPresent(messages::add);
        }
        betaWarm = glmStart();
        double[] betaStart = betaWarm.clone();
        bWarm = zeroModes();
        lambdaWarm = null;
        double[] thetaStart = concat(covariance.start(), extraStart());
        double[] moments = covariance.start();
        // From the identity start (optima lie anywhere in [0, a few]) a first radius of 0.5 took fewer
        // evaluations than 0.2 on every Laplace benchmark shape (b 26 -> 20, c 38 -> 25, e 53 -> 42);
        // from a moment start, near the optimum, 0.2 does (e 42 -> 18 evaluations in stage one).
        // (A single θ goes to Brent, whose bracket steps at least 1 from any start: a nearer one gained nothing, d 62 -> 66.)
        boolean fromMoments = observation == null && nt > 1 && (data != null ? InterceptMoments.fill(data, family, betaWarm, moments) == nt
                : rowsElsewhere() && momentsFromRows(moments) == nt);
        if (fromMoments) {
            // BOBYQA moves a start lying strictly inside one first radius of the bound 0 out to the radius;
            // doing it here first changes nothing in the search and makes the reported start the one evaluated.
            for (int i = 0; i < nt; i++) {
                if (moments[i] > 0 && moments[i] < MOMENT_START_RADIUS) {
                    moments[i] = MOMENT_START_RADIUS;
                }
            }
            thetaStart = moments;
        }
        double firstRadius = fromMoments ? MOMENT_START_RADIUS : IDENTITY_START_RADIUS;
        // Stage one only gives stage two its start, and stage two's first trust region (0.2 standard
        // errors) is far wider than 1e-3: polishing θ further here changed no optimum and cost 10-20% of the evaluations.
        BoundedMinimizer.Result one = BoundedMinimizer.minimize(this::stageOne, thetaStart, outerLower(), outerUpper(), firstRadius, 1e-3);
        stageOne(one.x()); // leave β and b at the first stage's optimum
        messages.addAll(one.messages());

        ScaledCoordinates scaled = stageTwoCoordinates(one.x());
        double[] start = scaled.toScaled(concat(one.x(), betaWarm));
        double[] lower = concat(outerLower(), filled(p, Double.NEGATIVE_INFINITY));
        BoundedMinimizer.Result two = BoundedMinimizer.minimize(z -> {
            double[] x = scaled.toModel(z);
            return deviance(Arrays.copyOf(x, nt), Arrays.copyOfRange(x, nt, nt + p), bWarm, lambdaWarm);
        }, start, scaled.lower(outerLower()), scaled.upper(outerUpper()), STAGE_TWO_RADIUS,
                zeroInflation != null ? POLISHED_STAGE_TWO_RADIUS : STAGE_TWO_ACCURACY / scaled.largestScale());
        messages.addAll(two.messages());
        double[] optimum = scaled.toModel(two.x());
        if (zeroInflation != null) { // γ and the intercept form a ridge that stage two's BOBYQA often stops on
            NewtonPolish.Result polished = NewtonPolish.polish(x -> deviance(Arrays.copyOf(x, nt), Arrays.copyOfRange(x, nt, nt + p), bWarm, lambdaWarm),
                    optimum, lower, HESSIAN_STEP, POLISH_STEPS, POLISH_TOLERANCE);
            optimum = polished.x();
            polishEvaluations = polished.evaluations();
            polishedDerivatives = polished.derivatives();
        }
        double[] outer = Arrays.copyOf(optimum, nt);
        double[] theta = Arrays.copyOf(optimum, nc);
        double[] beta = Arrays.copyOfRange(optimum, nt, nt + p);
        if (parts != null) {
            return optimumOfParts(theta, beta, optimum, lower, messages, one, two, concat(thetaStart, betaStart), t0);
        }

        Pirls.Mode m = finalMode(outer, beta, bWarm, lambdaWarm, "the optimum", messages);
        double deviance = devianceAt(m, beta);
        double phi = dispersion(m);
        double[][] modes = m.b();
        if (rowsElsewhere()) {
            return optimumOfRows(theta, beta, optimum, modes, deviance, lower, messages, one, two, concat(thetaStart, betaStart), t0);
        }
        double[] mu = fittedValues(outer);

        double[][] full = hessianCovariance(optimum, modes, lower, messages);
        double[][] vcov = full == null ? null : block(full, nt, p);
        if (vcov == null) {
            if (observation != null) { // (R's families keep the Λ of the Hessian's last point here, as before)
                setOuter(outer);
            }
            vcov = pirls.jointFactorAt(lambdas, beta, modes).fixedEffectsCovariance(p, phi);
        }
        setOuter(outer);
        FamilyParameters extra = nf == nc ? null
                : FamilyParameters.of(observation, Arrays.copyOfRange(outer, nc, nf), full == null ? null : block(full, nc, nf - nc));
        ZeroInflationEstimates zi = zeroInflation == null ? null : ZeroInflationEstimates.of(zeroInflation, Arrays.copyOfRange(outer, nf, nt),
                full == null ? null : block(full, nf, nt - nf));
        return report(theta, beta, modes, mu, deviance, phi, vcov, extra, zi, messages, one, two, concat(thetaStart, betaStart), optimum, t0);
    }

    /** The end of {@link #fit} for a model held in parts: the optimum's modes, the Hessian, the report without rows. */
    private MixedModelFit optimumOfParts(double[] theta, double[] beta, double[] optimum, double[] lower, List<String> messages,
                                         BoundedMinimizer.Result one, BoundedMinimizer.Result two, double[] start, long t0) {
        covariance.lambdas(theta, lambdas);
        LevelParts.Optimum o = parts.optimum(theta, beta, bWarm[0], lambdaWarm);
        if (!o.converged()) {
            messages.add("PIRLS did not converge at the optimum (" + o.iterations() + " iterations)");
        }
        conditionalVariances = new double[][]{o.conditionalVariances()};
        double[][] modes = {o.modes()};
        bWarm = modes;
        lambdaWarm = Pirls.copy(lambdas);
        double[][] vcov = hessianCovariance(optimum, modes, lower, messages);
        vcov = vcov == null ? null : block(vcov, nt, p);
        covariance.lambdas(theta, lambdas);
        if (vcov == null) {
            double[] schur = parts.profile(theta, beta, modes[0], Pirls.copy(lambdas)).schur();
            vcov = schur == null ? null : ProfiledNewton.inverse(schur, p);
            if (vcov == null) {
                throw new GlimmerException("PIRLS failed at the optimum: the covariance of the fixed effects could not be found");
            }
        }
        MixedModelFit.Builder b = GlmmReport.withoutRows(shape, terms, List.of(), family, null, null, covariance, lambdas, theta, beta, modes, 1, vcov,
                conditionalVariances, -o.deviance() / 2, messages);
        return finish(b, theta, messages, one, two, start, optimum, t0);
    }

    /** The end of {@link #fit} for rows held elsewhere: as for rows here, the report without the rows' part. */
    private MixedModelFit optimumOfRows(double[] theta, double[] beta, double[] optimum, double[][] modes, double deviance, double[] lower,
                                        List<String> messages, BoundedMinimizer.Result one, BoundedMinimizer.Result two, double[] start, long t0) {
        double[][] full = hessianCovariance(optimum, modes, lower, messages);
        double[][] vcov = full == null ? null : block(full, nt, p);
        if (vcov == null) {
            vcov = pirls.jointFactorAt(lambdas, beta, modes).fixedEffectsCovariance(p, 1);
        }
        covariance.lambdas(theta, lambdas);
        MixedModelFit.Builder b = GlmmReport.withoutRows(shape, terms, List.of(), family, null, null, covariance, lambdas, theta, beta, modes, 1, vcov,
                conditionalVariances, -deviance / 2, messages);
        return finish(b, theta, messages, one, two, start, optimum, t0);
    }

    /**
     * {@link InterceptMoments}' start from the rows' cross products at the GLM start (Λ = 0, β = the
     * GLM's): there Z'WZ holds each level's Σw and Z'W(z − Xβ) its Σw·e.
     */
    private int momentsFromRows(double[] start) {
        covariance.lambdas(new double[nc], lambdas);
        Pirls.Mode m = pirls.run(lambdas, betaWarm, zeroModes(), false);
        if (m == null) {
            return 0;
        }
        io.glimmer.linalg.CrossProducts cp = pirls.factor().crossProducts();
        int replaced = 0;
        int i = 0;
        for (int k = 0; k < terms.size(); k++) {
            RandomEffectsTerm t = terms.get(k);
            int q = t.q();
            if (q == 1 && t.termNames().equals(List.of("(Intercept)"))) {
                double variance = InterceptMoments.interceptVariance(cp.diagonal(k).values(), cp.denseByTerm(k).data);
                if (variance > 0 && Double.isFinite(variance)) {
                    start[i] = Math.sqrt(variance);
                    replaced++;
                }
            }
            i += q * (q + 1) / 2;
        }
        return replaced;
    }

    /**
     * The fitted values at the last mode: PIRLS's μ, or the observation model's own where it has
     * them (an ordinal model's probability of the observed category).
     */
    private double[] fittedValues(double[] outer) {
        double[] mu = pirls.mu().clone();
        if (observation != null) {
            ObservationModel.Conditional density = observation.at(Arrays.copyOfRange(outer, nc, nt));
            double[] eta = pirls.eta();
            double[] y = data.y();
            for (int r = 0; r < mu.length; r++) {
                double f = density.fitted(r, y[r], eta[r]);
                if (!Double.isNaN(f)) {
                    mu[r] = f;
                }
            }
        }
        return mu;
    }

    /**
     * Stage two's coordinates around stage one's optimum: β scaled by PIRLS's covariance there, θ by
     * second differences of the stage-two objective ({@link #SCALING_EVALUATIONS} per θ_i, plus one).
     */
    private ScaledCoordinates stageTwoCoordinates(double[] theta) {
        double[] beta = betaWarm.clone();
        double[][] modes = Pirls.copy(bWarm);
        setOuter(theta);
        double[][] at = Pirls.copy(lambdas);
        var joint = stageOneMode == null ? null : pirls.jointFactorAt(lambdas, beta, modes);
        double[][] betaCovariance = joint == null ? stageOneCovariance : joint.fixedEffectsCovariance(p, dispersion(stageOneMode));
        double[] lower = outerLower();
        double[] scale = new double[theta.length];
        double f0 = deviance(theta, beta, modes, at);
        double[] t = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            double curvature;
            if (theta[i] - SCALING_STEP >= lower[i]) {
                t[i] = theta[i] + SCALING_STEP;
                double fp = deviance(t, beta, modes, at);
                t[i] = theta[i] - SCALING_STEP;
                curvature = (fp - 2 * f0 + deviance(t, beta, modes, at)) / (SCALING_STEP * SCALING_STEP);
            } else { // on (or next to) a bound: one-sided
                t[i] = theta[i] + SCALING_STEP;
                double fp = deviance(t, beta, modes, at);
                t[i] = theta[i] + 2 * SCALING_STEP;
                curvature = (deviance(t, beta, modes, at) - 2 * fp + f0) / (SCALING_STEP * SCALING_STEP);
            }
            t[i] = theta[i];
            scale[i] = Math.sqrt(2 / curvature); // NaN (then 1) where not positive
        }
        bWarm = modes;
        lambdaWarm = at;
        betaWarm = beta;
        return ScaledCoordinates.of(theta, scale, beta, betaCovariance);
    }

    /** The square block of a matrix from index {@code from}, {@code size} wide. */
    private static double[][] block(double[][] a, int from, int size) {
        double[][] v = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(a[from + i], from, v[i], 0, size);
        }
        return v;
    }

    /** 2 H⁻¹ of the deviance's Hessian over (θ, ψ, β); null (with a warning) if H is not positive definite. */
    private double[][] hessianCovariance(double[] optimum, double[][] modes, double[] lower, List<String> messages) {
        MirroredStarts starts = new MirroredStarts(optimum, modes, lambdas);
        FiniteDifferences d = polishedDerivatives != null ? polishedDerivatives : FiniteDifferences.at(x -> {
            MirroredStarts.Start start = starts.startFor(x);
            double value = deviance(Arrays.copyOf(x, nt), Arrays.copyOfRange(x, nt, nt + p), start.b(), start.lambda());
            starts.found(x, Double.isFinite(value) ? bWarm : null, lambdaWarm);
            return value;
        }, optimum, HESSIAN_STEP);
        ConvergenceCheck.warning(d, optimum, lower).ifPresent(w -> {
            messages.add(w);
            convergenceWarning = true;
        });
        RealMatrix hm = MatrixUtils.createRealMatrix(d.hessian());
        try {
            return inv(hm);
        } catch (RuntimeException e) {
            messages.add("the Hessian of the deviance is not positive definite; standard errors use the PIRLS approximation instead");
            return null;
        }
    }

    /** 2 H⁻¹ by Cholesky; throws when H is not positive definite. */
    private static double[][] inv(RealMatrix h) {
        RealMatrix inv = new CholeskyDecomposition(h, 1e-12, 1e-14).getSolver().getInverse();
        double[][] v = inv.scalarMultiply(2).getData();
        return v;
    }

    private MixedModelFit report(double[] theta, double[] beta, double[][] modes, double[] mu, double deviance, double phi, double[][] vcov,
                                 FamilyParameters extra, ZeroInflationEstimates zi, List<String> messages, BoundedMinimizer.Result one,
                                 BoundedMinimizer.Result two, double[] start, double[] optimum, long t0) {
        return finish(GlmmReport.common(design, family, extra, zi, data, covariance, lambdas, theta, beta, modes, mu, phi, vcov, conditionalVariances,
                -deviance / 2, messages), theta, messages, one, two, start, optimum, t0);
    }

    private MixedModelFit finish(MixedModelFit.Builder report, double[] theta, List<String> messages, BoundedMinimizer.Result one,
                                 BoundedMinimizer.Result two, double[] start, double[] optimum, long t0) {
        return report.method(nAGQ > 1 ? "AGQ" : "Laplace").nAGQ(nAGQ).details(new EstimatorDetails.Glmm(nAGQ))
                .converged(one.converged() && two.converged() && !convergenceWarning)
                .optimizer(new OptimizerSummary(two.name(), start, optimum, two.value(),
                        one.evaluations() + 1 + SCALING_EVALUATIONS * theta.length + two.evaluations() + polishEvaluations, two.converged(), messages))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
