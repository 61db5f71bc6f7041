package io.glimmer.glmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Monte Carlo E-step's sample: draws of the random effects u (per term, levels·q values each) from
 * p(u | y) at the current (θ, β), with their normalised weights and log p(y | u). Importance sampling
 * gives independent draws with unequal weights; a Markov chain gives equally weighted, autocorrelated
 * draws in runs (one run per chain and call of {@link #add}). Monte Carlo variances of weighted means
 * come from one formula: Σ_b W_b² (v̄_b − v̄)² over batches b — single draws for importance sampling,
 * batch means of √(run length) consecutive draws for a chain (with B/(B − 1)).
 */
abstract class DrawSample {
    private final List<double[][]> u = new ArrayList<>();
    private double[] logLikelihoods = new double[256];
    private double[] logWeights = new double[256];
    /** Consecutive draws of one chain, [from, to), for batch means; empty for independent draws. */
    private final List<int[]> runs = new ArrayList<>();
    private double[] weights;

    /** Appends {@code m} draws. */
    abstract void add(int m);

    /** The sampler's name, as the fit reports it. */
    abstract String sampler();

    final int size() {
        return u.size();
    }

    final double[][] u(int d) {
        return u.get(d);
    }

    /** log p(y | u_d) at the (θ, β) of the draws; NaN where the sampler leaves it out (levelwise resampled importance draws). */
    final double logLikelihood(int d) {
        return logLikelihoods[d];
    }

    /** Appends one draw; {@code logWeight} is its unnormalised log importance weight (0 for a chain's draws). */
    final void append(double[][] draw, double logLikelihood, double logWeight) {
        int d = u.size();
        if (d == logWeights.length) {
            logWeights = Arrays.copyOf(logWeights, 2 * d);
            logLikelihoods = Arrays.copyOf(logLikelihoods, 2 * d);
        }
        u.add(draw);
        logLikelihoods[d] = logLikelihood;
        logWeights[d] = logWeight;
        weights = null;
    }

    /** Marks draws [from, to) as consecutive states of one chain. */
    final void run(int from, int to) {
        if (to > from) {
            runs.add(new int[]{from, to});
        }
    }

    final double[] logWeights() {
        return Arrays.copyOf(logWeights, size());
    }

    /** The normalised weights (summing to 1). */
    final double[] weights() {
        if (weights == null) {
            int n = size();
            double max = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < n; d++) {
                max = Math.max(max, logWeights[d]);
            }
            double[] w = new double[n];
            double sum = 0;
            for (int d = 0; d < n; d++) {
                w[d] = Math.exp(logWeights[d] - max);
                sum += w[d];
            }
            for (int d = 0; d < n; d++) {
                w[d] /= sum;
            }
            weights = w;
        }
        return weights;
    }

    /** Monte Carlo covariance (width × width, row-major) of the weighted mean of per-draw vectors v_d (null: a negligible draw, skipped). */
    final double[] meanCovariance(double[][] v, double[] mean, int width) {
        double[] w = weights();
        double[] cov = new double[width * width];
        double[] centred = new double[width];
        if (runs.isEmpty()) {
            for (int d = 0; d < v.length; d++) {
                if (v[d] != null) {
                    for (int a = 0; a < width; a++) {
                        centred[a] = w[d] * (v[d][a] - mean[a]);
                    }
                    addOuter(cov, centred, width);
                }
            }
            return cov;
        }
        double meanRun = (double) size() / runs.size();
        int length = Math.max(1, (int) Math.ceil(Math.sqrt(meanRun)));
        int batches = 0;
        for (int[] run : runs) {
            for (int from = run[0]; from < run[1]; from += length) {
                Arrays.fill(centred, 0);
                for (int d = from; d < Math.min(run[1], from + length); d++) {
                    for (int a = 0; a < width; a++) {
                        centred[a] += w[d] * (v[d][a] - mean[a]); // W_b (v̄_b − v̄)
                    }
                }
                addOuter(cov, centred, width);
                batches++;
            }
        }
        double correction = batches > 1 ? batches / (batches - 1.0) : 1;
        for (int i = 0; i < cov.length; i++) {
            cov[i] *= correction;
        }
        return cov;
    }

    private static void addOuter(double[] cov, double[] x, int width) {
        for (int a = 0; a < width; a++) {
            for (int c = 0; c < width; c++) {
                cov[a * width + c] += x[a] * x[c];
            }
        }
    }

    /** Monte Carlo variance of the weighted mean of per-draw values. */
    final double meanVariance(double[] values, double mean) {
        double[][] v = new double[values.length][];
        for (int d = 0; d < v.length; d++) {
            v[d] = new double[]{values[d]};
        }
        return meanCovariance(v, new double[]{mean}, 1)[0];
    }

    /**
     * The effective sample size: Kish's 1 / Σ w̃² for importance weights; for a chain, the size at which
     * independent draws would give log p(y | u)'s mean the Monte Carlo variance that batch means find.
     */
    final double effectiveSize() {
        double[] w = weights();
        double kish = 0;
        for (double x : w) {
            kish += x * x;
        }
        if (runs.isEmpty()) {
            return 1 / kish;
        }
        double[] values = Arrays.copyOf(logLikelihoods, size());
        double mean = 0;
        for (int d = 0; d < values.length; d++) {
            mean += w[d] * values[d];
        }
        double spread = 0;
        for (double x : values) {
            spread += (x - mean) * (x - mean);
        }
        double batchVariance = meanVariance(values, mean);
        return batchVariance > 0 ? Math.min(size(), spread / (values.length - 1) / batchVariance) : size();
    }
}
