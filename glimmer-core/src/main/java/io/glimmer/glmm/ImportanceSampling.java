package io.glimmer.glmm;

import io.glimmer.error.GlimmerException;
import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.response.Response;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The marginal log-likelihood log ∫ p(y | b) N(b; 0, s I) db at given (θ, β) by importance sampling,
 * b the spherical random effects (u = Λ(θ) b) and s their prior variance (1 for a GLMM, σ² for a
 * linear mixed model, whose Λ is relative to σ). Draws come from the Laplace approximation's Gaussian
 * N(b̂, s (L L')⁻¹) around the conditional modes, L the factor PIRLS already has, or from the
 * multivariate t with the same centre and scale and a few degrees of freedom (heavier tails, so the
 * weights stay bounded when p(b | y) is skewed). Sequential draws from one seeded generator, and
 * passes over the rows by fixed chunks: the same seed gives the same bits whatever the thread count.
 */
public final class ImportanceSampling {
    private final GlmmData data;
    private final double[][] lambdas;
    private final double[] beta;
    private final ConditionalLogDensity density;
    private final Pirls pirls;
    private final double[][] zeroModes;
    private final double priorVariance;
    private final int[] q;
    private final double defensive;

    /**
     * @param priorVariance s, the variance of each spherical random effect a priori
     * @param dispersion    the dispersion in the log-density (σ² for a linear model, 1 for binomial and Poisson)
     */
    public ImportanceSampling(Design design, Response response, Family family, double[] theta, double[] beta, double priorVariance,
                              double dispersion) {
        this(design, response, family, null, theta, beta, priorVariance, dispersion);
    }

    /**
     * @param observation the conditional density of an observation model at the fit's parameters (an ordinal
     *                    response's, a family's own parameter's, zero inflation's), or null for the family's
     */
    public ImportanceSampling(Design design, Response response, Family family, ObservationModel.Conditional observation, double[] theta,
                              double[] beta, double priorVariance, double dispersion) {
        if (design.randomTerms().isEmpty()) {
            throw new InputException("the importance-sampled log-likelihood needs a random-effects term such as (1 | group)");
        }
        double[] weights = response.weights() != null ? response.weights() : ones(response.y().length);
        this.data = new GlmmData(design, new Response(response.y(), weights));
        this.pirls = new Pirls(data, family);
        if (observation != null) { // PIRLS's Newton steps on the same density: the proposal is its Laplace approximation
            pirls.conditional(observation);
        }
        this.density = new ConditionalLogDensity(data, family, dispersion, observation);
        CovarianceStructure covariance = new CovarianceStructure(design.randomTerms());
        this.lambdas = covariance.newLambdas();
        covariance.lambdas(theta, lambdas);
        this.beta = beta.clone();
        this.priorVariance = priorVariance;
        this.defensive = family.isGaussianIdentity() ? 0 : LaplaceProposal.DEFENSIVE;
        this.q = design.randomTerms().stream().mapToInt(t -> t.q()).toArray();
        this.zeroModes = new double[design.randomTerms().size()][];
        for (int k = 0; k < zeroModes.length; k++) {
            zeroModes[k] = new double[design.randomTerms().get(k).size()];
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    /**
     * The estimate from {@code samples} draws.
     *
     * @param proposalDf 0 for the Gaussian proposal, else the degrees of freedom of the t proposal
     */
    public ImportanceSampledLikelihood estimate(int samples, long seed, int proposalDf) {
        if (samples < 2) {
            throw new IllegalArgumentException("importance sampling needs at least 2 draws, not " + samples);
        }
        LaplaceProposal proposal = LaplaceProposal.at(pirls, lambdas, beta, zeroModes, priorVariance, proposalDf, defensive);
        if (proposal == null) {
            throw new GlimmerException("PIRLS failed at the estimates: the conditional modes for importance sampling could not be found");
        }
        DrawTarget target = new DrawTarget(data, density, lambdas, beta, q, DrawRunner.PARALLEL);
        return estimate(target, proposal, samples, new SplittableRandom(seed), seed, proposalDf);
    }

    /**
     * The estimate from {@code samples} draws of the proposal: level by level when it is
     * {@link LaplaceProposal#levelwise} (the log-likelihood is the sum of the levels', its variance the
     * sum of theirs, and the effective size reported the smallest level's), else from joint weights.
     */
    static ImportanceSampledLikelihood estimate(DrawTarget target, LaplaceProposal proposal, int samples, SplittableRandom rng, long seed,
                                                int proposalDf) {
        int blocks = (samples + ImportanceDraws.BLOCK - 1) / ImportanceDraws.BLOCK;
        SplittableRandom[] generators = new SplittableRandom[blocks];
        for (int c = 0; c < blocks; c++) {
            generators[c] = rng.split();
        }
        if (proposal.levelwise()) {
            LevelWeights weights = LevelWeights.draw(target, proposal, samples, generators, ImportanceDraws.BLOCK);
            double logLik = target.density.rowConstant();
            double variance = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < weights.levels(); j++) {
                LevelWeights.LevelMean level = weights.mean(j);
                logLik += level.logMean();
                variance += level.variance();
                smallest = Math.min(smallest, level.effectiveSize());
            }
            return new ImportanceSampledLikelihood(logLik, Math.sqrt(variance), smallest, samples, seed, proposalDf);
        }
        double[] logWeights = new double[samples];
        target.runner.forEach(blocks, c -> {
            double[][] b = target.zeros();
            double[] eta = new double[target.data.rows()];
            for (int i = c * ImportanceDraws.BLOCK; i < Math.min(samples, (c + 1) * ImportanceDraws.BLOCK); i++) {
                double priorOverProposal = proposal.draw(generators[c], b);
                logWeights[i] = target.logLikelihood(target.toU(b), eta) + priorOverProposal;
            }
        });
        return summarise(logWeights, seed, proposalDf);
    }

    /** The log mean weight, its delta-method standard error and the effective sample size, stably on the log scale. */
    static ImportanceSampledLikelihood summarise(double[] logWeights, long seed, int proposalDf) {
        int n = logWeights.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logWeights) {
            max = Math.max(max, lw);
        }
        double sum = 0;
        double sumSquares = 0;
        for (double lw : logWeights) {
            double w = Math.exp(lw - max);
            sum += w;
            sumSquares += w * w;
        }
        double mean = sum / n;
        double spread = 0; // two passes: Σw² − n·mean² would lose every digit when the weights are nearly equal
        for (double lw : logWeights) {
            double r = Math.exp(lw - max) - mean;
            spread += r * r;
        }
        double variance = spread / (n - 1);
        double se = Math.sqrt(variance / n) / mean;
        return new ImportanceSampledLikelihood(max + Math.log(mean), se, sum * sum / sumSquares, n, seed, proposalDf);
    }
}
