package io.glimmer.glmm;

import io.glimmer.InputException;
import io.glimmer.design.Design;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.response.Response;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hipparchus.special.Gamma;

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
    private final Family family;
    private final Pirls pirls;
    private final double[][] lambdas;
    private final double[] beta;
    private final double priorVariance;
    private final double dispersion;
    private final double saturated;
    private final Pirls.Mode mode;
    private final int q;

    /**
     * @param priorVariance s, the variance of each spherical random effect a priori
     * @param dispersion    the dispersion in the log-density (σ² for a linear model, 1 for binomial and Poisson)
     */
    public ImportanceSampling(Design design, Response response, Family family, double[] theta, double[] beta, double priorVariance,
                              double dispersion) {
        if (design.randomTerms().isEmpty()) {
            throw new InputException("the importance-sampled log-likelihood needs a random-effects term such as (1 | group)");
        }
        double[] weights = response.weights() != null ? response.weights() : ones(response.y().length);
        this.data = new GlmmData(design, new Response(response.y(), weights));
        this.family = family;
        this.pirls = new Pirls(data, family);
        CovarianceStructure covariance = new CovarianceStructure(design.randomTerms());
        this.lambdas = covariance.newLambdas();
        covariance.lambdas(theta, lambdas);
        this.beta = beta.clone();
        this.priorVariance = priorVariance;
        this.dispersion = dispersion;
        this.saturated = saturatedLogLikelihood();
        double[][] zero = new double[design.randomTerms().size()][];
        int total = 0;
        for (int k = 0; k < zero.length; k++) {
            zero[k] = new double[design.randomTerms().get(k).size()];
            total += zero[k].length;
        }
        this.q = total;
        this.mode = pirls.run(lambdas, this.beta, zero, false, Pirls.SETTLED);
        if (mode == null) {
            throw new io.glimmer.GlimmerException("PIRLS failed at the estimates: the conditional modes for importance sampling could not be found");
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private double saturatedLogLikelihood() {
        double s = 0;
        for (int r = 0; r < data.rows(); r++) {
            s += family.distribution().saturatedLogDensity(data.y()[r], data.weights()[r]);
        }
        return s;
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
        double[] logWeights = logWeights(samples, seed, proposalDf);
        return summarise(logWeights, seed, proposalDf);
    }

    /** log w_i = log p(y | b_i) + log N(b_i; 0, s I) − log g(b_i), in draw order. */
    double[] logWeights(int samples, long seed, int proposalDf) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] modes = mode.b();
        double[][] b = Pirls.copy(modes);
        double[] eta = new double[data.rows()];
        double halfLogDet = pirls.factor().logDetRandom() / 2;
        double sd = Math.sqrt(priorVariance);
        // log g(b) up to the terms it shares with the prior's log density (−q/2 log 2πs cancels).
        double tConstant = proposalDf == 0 ? 0
                : Gamma.logGamma((proposalDf + q) / 2.0) - Gamma.logGamma(proposalDf / 2.0) - q / 2.0 * Math.log(proposalDf / 2.0);
        double[] out = new double[samples];
        for (int i = 0; i < samples; i++) {
            double z2 = 0;
            for (double[] bk : b) {
                for (int j = 0; j < bk.length; j++) {
                    double z = rng.nextGaussian();
                    bk[j] = z;
                    z2 += z * z;
                }
            }
            double stretch = 1;
            if (proposalDf > 0) { // t = z / √(χ²_ν / ν), χ²_ν a sum of ν squared normals
                double chi2 = 0;
                for (int d = 0; d < proposalDf; d++) {
                    double e = rng.nextGaussian();
                    chi2 += e * e;
                }
                stretch = Math.sqrt(proposalDf / chi2);
            }
            pirls.factor().solveRandomTranspose(b);
            double norm2 = 0;
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[k].length; j++) {
                    b[k][j] = modes[k][j] + sd * stretch * b[k][j];
                    norm2 += b[k][j] * b[k][j];
                }
            }
            double logProposal = proposalDf == 0 ? halfLogDet - z2 / 2
                    : tConstant + halfLogDet - (proposalDf + q) / 2.0 * Math.log1p(z2 * stretch * stretch / proposalDf);
            out[i] = conditionalLogLikelihood(b, eta) - norm2 / (2 * priorVariance) - logProposal;
        }
        return out;
    }

    /** log p(y | b) with every normalising constant. */
    private double conditionalLogLikelihood(double[][] b, double[] eta) {
        data.linearPredictor(lambdas, beta, b, eta);
        Distribution dist = family.distribution();
        double[] y = data.y();
        double[] w = data.weights();
        double s = 0;
        if (!Double.isNaN(saturated)) {
            for (int r = 0; r < eta.length; r++) {
                s += dist.devianceResidual(y[r], family.link().inverse(eta[r]), w[r]);
            }
            return saturated - s / 2;
        }
        for (int r = 0; r < eta.length; r++) {
            s += dist.logDensity(y[r], family.link().inverse(eta[r]), w[r], dispersion);
        }
        return s;
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
        double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
        double se = Math.sqrt(variance / n) / mean;
        return new ImportanceSampledLikelihood(max + Math.log(mean), se, sum * sum / sumSquares, n, seed, proposalDf);
    }
}
