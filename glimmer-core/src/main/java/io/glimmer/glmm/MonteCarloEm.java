package io.glimmer.glmm;

import io.glimmer.error.GlimmerException;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.linalg.SmallBlocks;
import io.glimmer.lmm.ConditionalVariances;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.response.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximum likelihood for a GLMM by Monte Carlo EM (McCulloch 1997; Booth &amp; Hobert 1999), started
 * from the Laplace estimates. E-step: importance sampling from the Laplace Gaussian around the
 * conditional modes at the current (θ, β) ({@link LaplaceProposal}), self-normalised. M-step: the
 * closed-form update of each term's covariance, Σ_k = E[Σ_j u_kj u_kj'] / J_k (its Cholesky factor is
 * the new λ_k), and β by Fisher scoring of the weighted GLM Σ_d w_d log p(y | β, u_d). The Monte Carlo
 * sample size follows Caffo, Jank &amp; Jones (2005): a step whose estimated ascent ΔQ is not positive
 * with confidence 1 − α gets more draws; the next sample size is what would make ΔQ's lower bound
 * positive; the run stops when ΔQ's upper bound (1 − γ) is below ε. Standard errors of β by Louis's
 * method from the draws at the estimates (the β block, variance components held fixed). The reported
 * log-likelihood is the importance-sampled one at the estimates. One seeded generator, draws in order:
 * the same seed gives the same bits whatever the thread count.
 */
public final class MonteCarloEm {
    static final int INITIAL_SAMPLES = 500;
    static final int MAX_SAMPLES = 40_000;
    static final int MAX_ITERATIONS = 100;
    /** Draws at the estimates for the log-likelihood and the standard errors, at least. */
    static final int FINAL_SAMPLES = 5_000;
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
    /** Draws with a normalised weight below this are left out of the M-step's sums (they change no digit that matters). */
    private static final double NEGLIGIBLE = 1e-14;
    private static final int MAX_SCORING = 50;
    private static final int MAX_HALVINGS = 20;

    private final Design design;
    private final Family family;
    private final GlmmData data;
    private final Pirls pirls;
    private final CovarianceStructure covariance;
    private final ConditionalLogDensity density;
    private final int p;
    private final int[] q;
    /** Identity λ per term: with u in place of b, η = Xβ + Zu. */
    private final double[][] identity;

    public MonteCarloEm(Design design, Response response, Family family) {
        if (family.distribution().hasDispersion()) {
            throw new IllegalArgumentException("MCEM has no dispersion update: " + family.distribution().name());
        }
        this.design = design;
        this.family = family;
        this.data = new GlmmData(design, response);
        this.pirls = new Pirls(data, family);
        this.covariance = new CovarianceStructure(design.randomTerms());
        this.density = new ConditionalLogDensity(data, family, 1);
        this.p = design.p();
        this.q = design.randomTerms().stream().mapToInt(t -> t.q()).toArray();
        this.identity = covariance.newLambdas();
        for (int k = 0; k < q.length; k++) {
            for (int a = 0; a < q[k]; a++) {
                identity[k][a * q[k] + a] = 1;
            }
        }
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

    /** The MCEM fit from a Laplace fit of the same design (θ and β on its scale). */
    public MixedModelFit fit(MixedModelFit laplace, long seed) {
        long t0 = System.nanoTime();
        double[] theta = laplace.theta();
        for (int i = 0; i < theta.length; i++) {
            if (covariance.isDiagonal(i) && theta[i] < LEAST_START) {
                theta[i] = LEAST_START;
            }
        }
        double[] start = theta.clone();
        double[] beta = laplace.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        double[] betaStart = beta.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] modes = zeroModes();
        int m = INITIAL_SAMPLES;
        int iterations = 0;
        boolean converged = false;
        while (iterations < MAX_ITERATIONS && !converged) {
            iterations++;
            double[][] lambdas = lambdas(theta);
            LaplaceProposal proposal = proposal(lambdas, beta, modes);
            modes = Pirls.copy(proposal.mode().b());
            WeightedDraws draws = new WeightedDraws(proposal, density, lambdas, beta, rng, data.rows());
            draws.add(m, q);
            Step step;
            while (true) {
                step = maximise(draws, beta, lambdas);
                if (step.upper() < EPSILON) {
                    converged = true;
                    break;
                }
                if (step.lower() > 0 || draws.size() >= MAX_SAMPLES) {
                    break;
                }
                draws.add(Math.min(MAX_SAMPLES - draws.size(), (draws.size() + GROWTH - 1) / GROWTH), q);
            }
            theta = step.theta();
            beta = step.beta();
            // Caffo et al.: the size at which this ascent would have a positive lower bound with confidence 1 − β
            double perDrawVariance = step.standardError() * step.standardError() * draws.size();
            double needed = perDrawVariance * (Z_ALPHA + Z_BETA) * (Z_ALPHA + Z_BETA) / (step.ascent() * step.ascent());
            m = (int) Math.min(MAX_SAMPLES, Math.max(m, Math.ceil(Math.min(needed, MAX_SAMPLES))));
        }
        List<String> messages = new ArrayList<>();
        if (!converged) {
            messages.add("MCEM stopped after " + MAX_ITERATIONS + " iterations before its stopping rule held (the estimated ascent was still above "
                    + EPSILON + ")");
        }
        return report(theta, beta, modes, Math.max(m, FINAL_SAMPLES), rng, seed, iterations, converged, messages,
                GeneralizedLinearMixedModel.concat(start, betaStart), t0);
    }

    private LaplaceProposal proposal(double[][] lambdas, double[] beta, double[][] modes) {
        LaplaceProposal proposal = LaplaceProposal.at(pirls, lambdas, beta, modes, 1, 0);
        if (proposal == null) {
            proposal = LaplaceProposal.at(pirls, lambdas, beta, zeroModes(), 1, 0);
        }
        if (proposal == null) {
            throw new GlimmerException("PIRLS failed during MCEM: the conditional modes for the importance sampler could not be found");
        }
        return proposal;
    }

    private double[][] zeroModes() {
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

    /** The M-step from the weighted draws, and its estimated ascent. */
    private Step maximise(WeightedDraws draws, double[] betaOld, double[][] lambdasOld) {
        double[] w = draws.weights();
        double[][] lambdasNew = covarianceUpdate(draws, w);
        double[] betaNew = weightedScoring(draws, w, betaOld);
        double[] eta = new double[data.rows()];
        double[] change = new double[draws.size()];
        double ascent = 0;
        for (int d = 0; d < change.length; d++) {
            if (w[d] < NEGLIGIBLE) {
                continue;
            }
            double[][] u = draws.u(d);
            change[d] = density.at(identity, betaNew, u, eta) - draws.logLikelihood(d) + logPrior(lambdasNew, u) - logPrior(lambdasOld, u);
            ascent += w[d] * change[d];
        }
        double variance = 0; // the self-normalised estimator's: Σ w_d² (λ_d − ΔQ)²
        for (int d = 0; d < change.length; d++) {
            if (w[d] >= NEGLIGIBLE) {
                double r = change[d] - ascent;
                variance += w[d] * w[d] * r * r;
            }
        }
        return new Step(covariance.theta(lambdasNew), betaNew, ascent, Math.sqrt(variance));
    }

    /** λ_k = chol(Σ_d w_d Σ_j u_kj u_kj' / J_k) for every term. */
    private double[][] covarianceUpdate(WeightedDraws draws, double[] w) {
        double[][] lambdas = covariance.newLambdas();
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            double[] s = lambdas[k];
            for (int d = 0; d < draws.size(); d++) {
                if (w[d] < NEGLIGIBLE) {
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

    /** Σ_kj log N(u_kj; 0, λ_k λ_k') without the 2π constant (it cancels in ΔQ). */
    private double logPrior(double[][] lambdas, double[][] u) {
        double s = 0;
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            double logDiag = 0;
            for (int a = 0; a < qk; a++) {
                logDiag += Math.log(lambdas[k][a * qk + a]);
            }
            double[] x = u[k].clone();
            int levels = x.length / qk;
            for (int j = 0; j < levels; j++) {
                SmallBlocks.solveLower(lambdas[k], 0, qk, x, j * qk);
                for (int a = 0; a < qk; a++) {
                    s -= x[j * qk + a] * x[j * qk + a] / 2;
                }
            }
            s -= levels * logDiag;
        }
        return s;
    }

    /** Information X'WX, score X'(…) and Σ w_d log p(y | β, u_d) of the weighted GLM at β. */
    private record Moments(double[] information, double[] score, double objective) {
    }

    private Moments moments(WeightedDraws draws, double[] w, double[] beta, double[][] perDrawScores, double[] perDrawInformation) {
        double[] info = new double[p * p];
        double[] score = new double[p];
        double objective = 0;
        double[] eta = new double[data.rows()];
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        for (int d = 0; d < draws.size(); d++) {
            if (w[d] < NEGLIGIBLE) {
                continue;
            }
            objective += w[d] * density.at(identity, beta, draws.u(d), eta);
            double[] sd = perDrawScores == null ? score : new double[p];
            double weight = perDrawScores == null ? w[d] : 1;
            for (int r = 0; r < eta.length; r++) {
                double mu = family.link().inverse(eta[r]);
                double dmu = family.link().muEta(eta[r]);
                double v = family.distribution().variance(mu);
                double working = prior[r] * dmu * dmu / v;
                double residual = prior[r] * (y[r] - mu) * dmu / v;
                for (int a = 0; a < p; a++) {
                    double xa = x[r * p + a];
                    sd[a] += weight * residual * xa;
                    for (int c = 0; c <= a; c++) {
                        info[a * p + c] += w[d] * working * xa * x[r * p + c];
                    }
                }
            }
            if (perDrawScores != null) {
                perDrawScores[d] = sd;
                for (int a = 0; a < p; a++) {
                    score[a] += w[d] * sd[a];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < a; c++) {
                info[c * p + a] = info[a * p + c];
            }
        }
        if (perDrawInformation != null) {
            System.arraycopy(info, 0, perDrawInformation, 0, info.length);
        }
        return new Moments(info, score, objective);
    }

    /** β maximising Σ_d w_d log p(y | β, u_d): Fisher scoring with step halving, from the current β. */
    private double[] weightedScoring(WeightedDraws draws, double[] w, double[] start) {
        double[] beta = start.clone();
        for (int it = 0; it < MAX_SCORING; it++) {
            Moments m = moments(draws, w, beta, null, null);
            double[] l = m.information().clone();
            if (!SmallBlocks.cholesky(l, 0, p)) {
                throw new GlimmerException("the M-step's information matrix for the fixed effects is not positive definite");
            }
            double[] step = m.score().clone();
            SmallBlocks.solveLower(l, 0, p, step, 0);
            SmallBlocks.solveLowerTranspose(l, 0, p, step, 0);
            double size = 0;
            for (int a = 0; a < p; a++) {
                size = Math.max(size, Math.abs(step[a]) / (1 + Math.abs(beta[a])));
            }
            if (size < 1e-10) {
                break;
            }
            double t = 1;
            double[] next = new double[p];
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] + t * step[a];
                }
                if (objective(draws, w, next) >= m.objective() - 1e-12 * Math.abs(m.objective())) {
                    break;
                }
                t /= 2;
            }
            beta = next.clone();
        }
        return beta;
    }

    private double objective(WeightedDraws draws, double[] w, double[] beta) {
        double[] eta = new double[data.rows()];
        double s = 0;
        for (int d = 0; d < draws.size(); d++) {
            if (w[d] >= NEGLIGIBLE) {
                s += w[d] * density.at(identity, beta, draws.u(d), eta);
            }
        }
        return s;
    }

    /**
     * Louis's observed information for β: E[complete-data information] − Var[complete-data score]
     * under p(u | y), by the weighted draws; its inverse is the covariance of β.
     */
    private double[][] louisCovariance(WeightedDraws draws, double[] beta) {
        double[] w = draws.weights();
        double[][] scores = new double[draws.size()][];
        double[] info = new double[p * p];
        Moments m = moments(draws, w, beta, scores, info);
        double[] mean = m.score();
        for (int d = 0; d < scores.length; d++) {
            if (scores[d] == null) {
                continue;
            }
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    info[a * p + c] -= w[d] * (scores[d][a] - mean[a]) * (scores[d][c] - mean[c]);
                }
            }
        }
        if (!SmallBlocks.cholesky(info, 0, p)) {
            return null;
        }
        return SmallBlocks.inverseCrossProduct(info, p, p, 1);
    }

    private MixedModelFit report(double[] theta, double[] beta, double[][] modes, int samples, SplittableRandom rng, long seed, int iterations,
                                 boolean converged, List<String> messages, double[] start, long t0) {
        double[][] lambdas = lambdas(theta);
        LaplaceProposal proposal = proposal(lambdas, beta, modes);
        double[][] finalModes = Pirls.copy(proposal.mode().b());
        double[] mu = pirls.mu().clone();
        double[][] conditional = ConditionalVariances.of(pirls.factor(), lambdas, 1, design.randomTerms());
        WeightedDraws draws = new WeightedDraws(proposal, density, lambdas, beta, rng, data.rows());
        draws.add(samples, q);
        ImportanceSampledLikelihood is = ImportanceSampling.summarise(draws.logWeights(), seed, 0);
        double[][] vcov = louisCovariance(draws, beta);
        if (vcov == null) {
            messages.add("Louis's observed information is not positive definite (too few effective draws?); standard errors use the PIRLS approximation instead");
            vcov = pirls.jointFactorAt(lambdas, beta, finalModes).fixedEffectsCovariance(p, 1);
        }
        double[] optimum = GeneralizedLinearMixedModel.concat(theta, beta);
        return GlmmReport.common(design, family, null, data, covariance, lambdas, theta, beta, finalModes, mu, 1, vcov, conditional,
                        is.logLikelihood(), messages)
                .method("MCEM")
                .details(new EstimatorDetails.MonteCarlo("MCEM", samples, iterations, seed, draws.effectiveSize()))
                .converged(converged)
                .importanceSampled(is)
                .optimizer(new OptimizerSummary("MCEM", start, optimum, -2 * is.logLikelihood(), iterations, converged, messages))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
    }
}
