package io.glimmer.glmm;

import io.glimmer.design.Design;
import io.glimmer.error.GlimmerException;
import io.glimmer.family.Family;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FitMonitor;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.linalg.SmallBlocks;
import io.glimmer.lmm.ConditionalVariances;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.options.MonteCarloSampler;
import io.glimmer.response.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximum likelihood for a GLMM by Monte Carlo EM or Monte Carlo Newton–Raphson (McCulloch 1997;
 * Booth &amp; Hobert 1999), started from the Laplace estimates. E-step: draws from p(u | y) at the
 * current (θ, β) by importance sampling ({@link ImportanceDraws}), Metropolis–Hastings
 * ({@link MetropolisDraws}) or, for the probit link, Gibbs sampling ({@link ProbitGibbsDraws}).
 * M-step: each term's covariance in closed form, Σ_k = E[Σ_j u_kj u_kj'] / J_k (its Cholesky factor the
 * new λ_k), and β by one Fisher-scoring step of the weighted GLM Σ_d w_d log p(y | β, u_d) from the current
 * β (a generalised EM step; MCNR moves every parameter by Louis's Newton step instead). A chain E-step is
 * thinned after the first iteration to one kept draw per size/ESS sweeps. The sample size follows Caffo,
 * Jank &amp; Jones (2005): a step whose estimated ascent ΔQ is not positive with confidence 1 − α gets
 * more draws; the next size is what would make ΔQ's lower bound positive; the run stops when ΔQ's upper
 * bound (1 − γ) is below ε. At the end, from draws at the estimates, Louis's observed information over
 * (θ, β) gives one Newton–Raphson step (removing what the stopping rule left), the standard errors and
 * the Monte Carlo standard errors of the estimates, I⁻¹ V I⁻¹ (V the Monte Carlo covariance of the
 * mean score); the log-likelihood is importance-sampled there. Every generator is split from the seed
 * in a fixed order and every sum over draws merged in a fixed order: the same seed gives the same bits
 * whatever the thread count.
 */
public final class MonteCarloEm {
    static final int INITIAL_SAMPLES = 500;
    static final int MAX_SAMPLES = 40_000;
    static final int MAX_ITERATIONS = 100;
    /** Draws at the estimates for the final step, the log-likelihood and the standard errors, at least. */
    static final int FINAL_SAMPLES = 5_000;
    /** Effective sizes vary by a few per cent between samples and proposals: aim this much above FINAL_SAMPLES. */
    private static final double FINAL_MARGIN = 1.1;
    /** α = 0.25, β = 0.25 (Caffo et al.'s choices): z quantiles of the ascent's lower bound and of the sample-size rule. */
    private static final double Z_ALPHA = 0.6745;
    private static final double Z_BETA = 0.6745;
    /** γ = 0.1 and ε: stop when ΔQ < ε with confidence 0.9. */
    private static final double Z_GAMMA = 1.2816;
    private static final double EPSILON = 1e-3;
    /** A step swamped by Monte Carlo error gets 1/GROWTH more draws. */
    private static final int GROWTH = 3;
    /** A diagonal θ below this is lifted to it before the start: EM cannot leave a zero variance (every draw of u is 0 there). */
    private static final double LEAST_START = 0.05;
    private static final int MAX_HALVINGS = 30;
    /** A chain is thinned to at most one kept state in this many sweeps. */
    private static final int MAX_THINNING = 10;

    private final Design design;
    private final Family family;
    private final GlmmData data;
    private final Pirls pirls;
    private final CovarianceStructure covariance;
    private final ConditionalLogDensity density;
    private final WeightedGlm glm;
    private final MonteCarloSampler sampler;
    private final boolean newtonRaphson;
    private final DrawRunner runner;
    private final int p;
    private final int[] q;
    /** The centred parameterisation Louis's information takes, for its Monte Carlo precision. */
    private final HierarchicalCentring centring;

    /**
     * @param newtonRaphson MCNR (one scoring step for β per iteration) rather than MCEM
     * @param sampler       the E-step; null for importance sampling
     */
    public MonteCarloEm(Design design, Response response, Family family, boolean newtonRaphson, MonteCarloSampler sampler) {
        this(design, response, family, newtonRaphson, sampler, DrawRunner.PARALLEL);
    }

    MonteCarloEm(Design design, Response response, Family family, boolean newtonRaphson, MonteCarloSampler sampler, DrawRunner runner) {
        if (family.distribution().hasDispersion()) {
            throw new IllegalArgumentException("MCEM has no dispersion update: " + family.distribution().name());
        }
        this.sampler = sampler == null ? MonteCarloSampler.IMPORTANCE : sampler;
        if (this.sampler == MonteCarloSampler.GIBBS && !family.link().name().equals("probit")) { // the estimation's check says it to users
            throw new IllegalArgumentException("the Gibbs sampler is for the probit link, not " + family.name());
        }
        this.design = design;
        this.family = family;
        this.data = new GlmmData(design, response);
        this.pirls = new Pirls(data, family);
        this.covariance = new CovarianceStructure(design.randomTerms());
        this.density = new ConditionalLogDensity(data, family, 1);
        this.runner = runner;
        this.glm = new WeightedGlm(data, family, density, runner);
        this.newtonRaphson = newtonRaphson;
        this.p = design.p();
        this.q = design.randomTerms().stream().mapToInt(t -> t.q()).toArray();
        this.centring = HierarchicalCentring.of(data);
    }

    private String method() {
        return newtonRaphson ? "MCNR" : "MCEM";
    }

    /** One M-step's result and its estimated ascent ΔQ with standard error. */
    private record Step(double[] theta, double[] beta, double ascent, double standardError) {
        double lower() {
            return ascent - Z_ALPHA * standardError;
        }

        double upper() {
            return ascent + Z_GAMMA * standardError;
        }
    }

    /** The fit from a Laplace fit of the same design (θ and β on its scale). */
    public MixedModelFit fit(MixedModelFit laplace, long seed, FitMonitor monitor) {
        long t0 = System.nanoTime();
        double[] theta = laplace.theta();
        for (int i = 0; i < theta.length; i++) {
            if (covariance.isDiagonal(i) && theta[i] < LEAST_START) {
                theta[i] = LEAST_START;
            }
        }
        double[] start = GeneralizedLinearMixedModel.concat(theta, laplace.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray());
        double[] beta = Arrays.copyOfRange(start, theta.length, start.length);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] modes = zeros();
        int m = INITIAL_SAMPLES;
        int thinning = 1;
        int cap = MAX_SAMPLES; // in kept draws: MAX_SAMPLES sweeps of a thinned chain
        int iterations = 0;
        boolean converged = false;
        boolean stopped = false;
        while (iterations < MAX_ITERATIONS && !converged) {
            if (monitor.stopRequested()) {
                stopped = true;
                break;
            }
            iterations++;
            double[][] lambdas = lambdas(theta);
            DrawTarget target = new DrawTarget(data, density, lambdas, beta, q, runner);
            LaplaceProposal proposal = proposal(lambdas, beta, modes);
            modes = Pirls.copy(proposal.mode().b());
            DrawSample draws = sample(target, proposal, sampler, rng.split());
            thin(draws, thinning);
            draws.add(m);
            if (iterations == 1) {
                thinning = thinningFor(draws);
                cap = MAX_SAMPLES / thinning;
            }
            Step step = null;
            boolean newton = newtonRaphson;
            while (newton) {
                step = newtonStep(draws, target, theta);
                if (step == null) { // Louis's information not positive definite (far from the maximum): an EM step instead
                    newton = false;
                    break;
                }
                // converged when the step's predicted gain is below ε and no longer only Monte Carlo noise, whose own size is below ε
                if (step.ascent() < EPSILON && step.standardError() < EPSILON) {
                    converged = true;
                    break;
                }
                if (step.ascent() > 2 * step.standardError() || draws.size() >= cap || monitor.stopRequested()) {
                    break;
                }
                draws.add(Math.min(cap - draws.size(), draws.size()));
            }
            while (!newton) {
                step = maximise(draws, target);
                if (step.upper() < EPSILON) {
                    converged = true;
                    break;
                }
                if (step.lower() > 0 || draws.size() >= cap || monitor.stopRequested()) {
                    break;
                }
                draws.add(Math.min(cap - draws.size(), (draws.size() + GROWTH - 1) / GROWTH));
            }
            double change = 0;
            for (int i = 0; i < theta.length; i++) {
                change = Math.max(change, Math.abs(step.theta()[i] - theta[i]));
            }
            for (int a = 0; a < p; a++) {
                change = Math.max(change, Math.abs(step.beta()[a] - beta[a]));
            }
            theta = step.theta();
            beta = step.beta();
            monitor.iteration(method(), iterations, draws.size(), change);
            // Caffo et al.: the size at which this ascent would have a positive lower bound with confidence 1 − β
            if (newton) {
                m = Math.max(m, draws.size());
            } else {
                double perDrawVariance = step.standardError() * step.standardError() * draws.size();
                double needed = perDrawVariance * (Z_ALPHA + Z_BETA) * (Z_ALPHA + Z_BETA) / (step.ascent() * step.ascent());
                m = (int) Math.min(cap, Math.max(m, Math.ceil(Math.min(needed, cap))));
            }
            if (iterations == 1 && thinning > 1) { // the sizes so far count every state; from here, kept draws about one effective draw each
                m = Math.max(1, (m + thinning - 1) / thinning);
            }
        }
        List<String> messages = new ArrayList<>();
        if (stopped) {
            messages.add(method() + " was stopped by request after " + iterations + " iterations: the estimates are the last iteration's,"
                    + " before the stopping rule held (not converged)");
        } else if (!converged) {
            messages.add(method() + " stopped after " + MAX_ITERATIONS + " iterations before its stopping rule held (the estimated ascent was still above "
                    + EPSILON + ")");
        }
        return report(theta, beta, modes, Math.min(cap, Math.max(m, FINAL_SAMPLES)), thinning, rng, seed, iterations, converged, messages, start, t0);
    }

    private DrawSample sample(DrawTarget target, LaplaceProposal proposal, MonteCarloSampler kind, SplittableRandom rng) {
        return switch (kind) {
            case IMPORTANCE -> new ImportanceDraws(target, proposal, rng);
            case METROPOLIS -> new MetropolisDraws(target, family, proposal.mode(), pirls.eta().clone(), rng);
            case GIBBS -> new ProbitGibbsDraws(target, proposal.mode().b(), rng);
        };
    }

    /** A chain's sweeps per kept draw: its states' spacing in effective terms, size / ESS, from a first sample kept whole. */
    private static int thinningFor(DrawSample draws) {
        if (!(draws instanceof ChainDraws)) {
            return 1;
        }
        double perEffective = draws.size() / Math.max(1, draws.effectiveSize());
        return (int) Math.max(1, Math.min(MAX_THINNING, Math.round(perEffective)));
    }

    private static void thin(DrawSample draws, int sweeps) {
        if (draws instanceof ChainDraws chain) {
            chain.thin(sweeps);
        }
    }

    private LaplaceProposal proposal(double[][] lambdas, double[] beta, double[][] modes) {
        LaplaceProposal proposal = LaplaceProposal.at(pirls, lambdas, beta, modes, 1, 0, LaplaceProposal.DEFENSIVE);
        if (proposal == null) {
            proposal = LaplaceProposal.at(pirls, lambdas, beta, zeros(), 1, 0, LaplaceProposal.DEFENSIVE);
        }
        if (proposal == null) {
            throw new GlimmerException("PIRLS failed during " + method() + ": the conditional modes for the E-step could not be found");
        }
        return proposal;
    }

    private double[][] zeros() {
        double[][] b = new double[q.length][];
        for (int k = 0; k < q.length; k++) {
            b[k] = new double[design.randomTerms().get(k).size()];
        }
        return b;
    }

    private double[][] lambdas(double[] theta) {
        double[][] l = covariance.newLambdas();
        covariance.lambdas(theta, l);
        return l;
    }

    private int levels(int k) {
        return data.terms()[k].levels();
    }

    /** The M-step from the draws, and its estimated ascent ΔQ = Σ w_d [ℓ_c(new; u_d) − ℓ_c(old; u_d)] with its Monte Carlo s.e. */
    private Step maximise(DrawSample draws, DrawTarget target) {
        double[] w = draws.weights();
        double[][] lambdasNew = covarianceUpdate(draws, w);
        double[] betaNew = new double[p];
        WeightedGlm.Moments old = glm.moments(draws, target.beta); // each draw's log p(y | β_old, u_d) too
        // one Fisher-scoring step (with halving) per iteration: a generalised EM step, locally as fast as EM (Lange 1995, the EM
        // gradient algorithm), for Σ_d w_d log p(y | β, u_d) is near quadratic in β; scoring to convergence cost three or four more passes
        WeightedGlm.Moments at = glm.maximise(draws, old, target.beta, 1, betaNew);
        double[] change = new double[draws.size()];
        double ascent = 0;
        for (int d = 0; d < change.length; d++) {
            if (w[d] < WeightedGlm.NEGLIGIBLE) {
                continue;
            }
            double prior = 0;
            for (int k = 0; k < q.length; k++) {
                double[] s = PriorScore.crossProduct(draws.u(d)[k], q[k]);
                prior += PriorScore.value(lambdasNew[k], q[k], levels(k), s) - PriorScore.value(target.lambdas[k], q[k], levels(k), s);
            }
            change[d] = at.perDraw()[d] - old.perDraw()[d] + prior;
            ascent += w[d] * change[d];
        }
        double variance = draws.meanVariance(change, ascent);
        return new Step(covariance.theta(lambdasNew), betaNew, ascent, Math.sqrt(variance));
    }

    /**
     * MCNR's step: ψ + I⁻¹s̄ by Louis's information from the draws ({@link LouisInformation}); as "ascent" the
     * gain the quadratic model predicts, s̄'I⁻¹s̄/2, and as its "standard error" what Monte Carlo noise alone
     * gives it on average, tr(I⁻¹V)/2. Null when the information is not positive definite.
     */
    private Step newtonStep(DrawSample draws, DrawTarget target, double[] theta) {
        LouisInformation louis = LouisInformation.of(draws, glm, covariance, target.lambdas, target.beta, q, this::levels, centring);
        if (louis == null) {
            return null;
        }
        double[] psi = louis.newtonStep(GeneralizedLinearMixedModel.concat(theta, target.beta), covariance, MAX_HALVINGS);
        return new Step(Arrays.copyOfRange(psi, 0, theta.length), Arrays.copyOfRange(psi, theta.length, psi.length), louis.predictedGain() / 2,
                louis.noiseGain() / 2);
    }

    /** λ_k = chol(Σ_d w_d Σ_j u_kj u_kj' / J_k) for every term. */
    private double[][] covarianceUpdate(DrawSample draws, double[] w) {
        double[][] lambdas = covariance.newLambdas();
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            double[] s = lambdas[k];
            for (int d = 0; d < draws.size(); d++) {
                if (w[d] < WeightedGlm.NEGLIGIBLE) {
                    continue;
                }
                double[] u = draws.u(d)[k];
                int levels = u.length / qk;
                for (int j = 0; j < levels; j++) {
                    for (int a = 0; a < qk; a++) {
                        for (int c = 0; c <= a; c++) {
                            s[a * qk + c] += w[d] * u[j * qk + a] * u[j * qk + c] / levels;
                        }
                    }
                }
            }
            if (!SmallBlocks.cholesky(s, 0, qk)) { // a variance at zero or a correlation at ±1: keep the diagonal
                for (int a = 0; a < qk; a++) {
                    double diag = Math.max(0, s[a * qk + a]);
                    Arrays.fill(s, a * qk, (a + 1) * qk, 0);
                    s[a * qk + a] = Math.sqrt(diag);
                }
            }
        }
        return lambdas;
    }

    private MixedModelFit report(double[] theta0, double[] beta0, double[][] modes, int samples, int thinning, SplittableRandom rng, long seed, int iterations,
                                 boolean converged, List<String> messages, double[] start, long t0) {
        double[][] lambdas0 = lambdas(theta0);
        DrawTarget target0 = new DrawTarget(data, density, lambdas0, beta0, q, runner);
        LaplaceProposal proposal0 = proposal(lambdas0, beta0, modes);
        DrawSample draws = sample(target0, proposal0, sampler, rng.split());
        thin(draws, thinning);
        draws.add(samples);
        LouisInformation louis = LouisInformation.of(draws, glm, covariance, lambdas0, beta0, q, this::levels, centring);
        double[] theta = theta0;
        double[] beta = beta0;
        double[] mcErrors = null;
        double[][] vcov = null;
        if (louis != null) {
            double[] psi = louis.newtonStep(GeneralizedLinearMixedModel.concat(theta0, beta0), covariance, MAX_HALVINGS);
            theta = Arrays.copyOfRange(psi, 0, theta0.length);
            beta = Arrays.copyOfRange(psi, theta0.length, psi.length);
            mcErrors = louis.monteCarloStandardErrors();
            vcov = louis.fixedEffectsCovariance(theta0.length, p);
        } else {
            messages.add("Louis's observed information is not positive definite (too few effective draws?): no final Newton step, and the"
                    + " standard errors use the PIRLS approximation");
        }
        double[][] lambdas = lambdas(theta);
        LaplaceProposal proposal = proposal(lambdas, beta, modes);
        double[][] finalModes = Pirls.copy(proposal.mode().b());
        double[] mu = pirls.mu().clone();
        double[][] conditional = ConditionalVariances.of(pirls.factor(), lambdas, 1, design.randomTerms());
        if (vcov == null) {
            vcov = pirls.jointFactorAt(lambdas, beta, finalModes).fixedEffectsCovariance(p, 1);
            proposal = proposal(lambdas, beta, finalModes);
        }
        // the likelihood from at least FINAL_SAMPLES effective draws, not merely drawn: the efficiency the draws above had, with a margin
        double efficiency = draws.effectiveSize() / draws.size() / thinning; // per state of a thinned chain, as before thinning
        int isSamples = (int) Math.min(MAX_SAMPLES, Math.max(samples, Math.ceil(FINAL_MARGIN * FINAL_SAMPLES / efficiency)));
        ImportanceSampledLikelihood is = ImportanceSampling.estimate(new DrawTarget(data, density, lambdas, beta, q, runner), proposal, isSamples,
                rng.split(), seed, 0);
        double[] optimum = GeneralizedLinearMixedModel.concat(theta, beta);
        return GlmmReport.common(design, family, null, data, covariance, lambdas, theta, beta, finalModes, mu, 1, vcov, conditional,
                        is.logLikelihood(), messages)
                .method(method())
                .details(new EstimatorDetails.MonteCarlo(method(), samples, iterations, seed, draws.effectiveSize(), draws.sampler(), mcErrors))
                .converged(converged)
                .importanceSampled(is)
                .optimizer(new OptimizerSummary(method(), start, optimum, -2 * is.logLikelihood(), iterations, converged, messages))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
    }
}
