package io.glimmer.glmm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Monte Carlo E-step: draws of the random effects u = Λb from the Laplace proposal at the current
 * (θ, β), each with its self-normalised importance weight for p(u | y) and its log p(y | u) at that
 * (θ, β). More draws can be appended from the same proposal and generator when a step is swamped by
 * Monte Carlo error.
 */
final class WeightedDraws {
    private final LaplaceProposal proposal;
    private final ConditionalLogDensity density;
    private final double[][] lambdas;
    private final double[] beta;
    private final SplittableRandom rng;
    private final double[][] b;
    private final double[] eta;
    /** Per draw, u per term (levels·q values each). */
    private final List<double[][]> u = new ArrayList<>();
    private final List<Double> logWeights = new ArrayList<>();
    private final List<Double> logLikelihoods = new ArrayList<>();
    private double[] weights;

    WeightedDraws(LaplaceProposal proposal, ConditionalLogDensity density, double[][] lambdas, double[] beta, SplittableRandom rng, int rows) {
        this.proposal = proposal;
        this.density = density;
        this.lambdas = lambdas;
        this.beta = beta;
        this.rng = rng;
        this.b = Pirls.copy(proposal.mode().b());
        this.eta = new double[rows];
    }

    /** Appends {@code m} draws. */
    void add(int m, int[] q) {
        for (int i = 0; i < m; i++) {
            double priorOverProposal = proposal.draw(rng, b);
            double logLik = density.at(lambdas, beta, b, eta);
            double[][] draw = new double[b.length][];
            for (int k = 0; k < b.length; k++) {
                draw[k] = new double[b[k].length];
                io.glimmer.linalg.SmallBlocks.multiplyRightLowerTranspose(b[k], b[k].length / q[k], lambdas[k], q[k], draw[k]);
            }
            u.add(draw);
            logWeights.add(logLik + priorOverProposal);
            logLikelihoods.add(logLik);
        }
        weights = null;
    }

    int size() {
        return u.size();
    }

    double[][] u(int d) {
        return u.get(d);
    }

    /** log p(y | u_d) at the (θ, β) of the draws. */
    double logLikelihood(int d) {
        return logLikelihoods.get(d);
    }

    /** The self-normalised weights (summing to 1). */
    double[] weights() {
        if (weights == null) {
            double max = Double.NEGATIVE_INFINITY;
            for (double lw : logWeights) {
                max = Math.max(max, lw);
            }
            double[] w = new double[logWeights.size()];
            double sum = 0;
            for (int d = 0; d < w.length; d++) {
                w[d] = Math.exp(logWeights.get(d) - max);
                sum += w[d];
            }
            for (int d = 0; d < w.length; d++) {
                w[d] /= sum;
            }
            weights = w;
        }
        return weights;
    }

    double[] logWeights() {
        return logWeights.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Kish's effective sample size 1 / Σ w̃². */
    double effectiveSize() {
        double s = 0;
        for (double w : weights()) {
            s += w * w;
        }
        return 1 / s;
    }
}
