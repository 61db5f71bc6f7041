package io.glimmer.glmm;

import io.glimmer.error.InputException;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.SmallBlocks;

import java.util.SplittableRandom;

/**
 * McCulloch's (1994) exact Gibbs sampler for the probit-normal model: each Bernoulli trial of row r is
 * y = 1{η_r + ε > 0}, ε ~ N(0, 1). A sweep draws the trials' latent values from their truncated normals
 * ({@link TruncatedNormal}; only their sum per row matters), then each level's block b_kj from its
 * Gaussian full conditional: precision P_j = I + λ'(Σ_r n_r z_r z_r')λ (n_r the row's trials, fixed for
 * the sample, factored once), mean P_j⁻¹ λ' Σ_r z_r (Σ latent − n_r · the rest of η_r).
 */
final class ProbitGibbsDraws extends ChainDraws {
    private final double[][][] precision;
    private final int[] trials;
    private final int[] successes;

    ProbitGibbsDraws(DrawTarget target, double[][] modes, SplittableRandom rng) {
        super(target, modes, rng);
        double[] y = target.data.y();
        double[] w = target.data.weights();
        this.trials = new int[y.length];
        this.successes = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            double s = y[r] * w[r];
            trials[r] = (int) Math.round(w[r]);
            successes[r] = (int) Math.round(s);
            if (Math.abs(w[r] - trials[r]) > 1e-8 || Math.abs(s - successes[r]) > 1e-8) {
                throw new InputException("the Gibbs sampler needs whole numbers of trials and successes; row " + (r + 1)
                        + " has " + s + " of " + w[r] + " (use {--mc-sampler importance} or {--mc-sampler metropolis})");
            }
        }
        int terms = target.q.length;
        this.precision = new double[terms][][];
        double[] n = new double[y.length];
        for (int r = 0; r < n.length; r++) {
            n[r] = trials[r];
        }
        for (int k = 0; k < terms; k++) {
            precision[k] = levelPrecisionFactors(k, n);
        }
    }

    @Override
    String sampler() {
        return "gibbs";
    }

    @Override
    void sweep(Chain chain) {
        double[] eta = chain.eta;
        double[] latent = new double[eta.length]; // Σ over the row's trials of the latent values
        for (int r = 0; r < eta.length; r++) {
            double s = trials[r] * eta[r];
            for (int t = 0; t < successes[r]; t++) {
                s += TruncatedNormal.above(-eta[r], chain.rng);
            }
            for (int t = successes[r]; t < trials[r]; t++) {
                s -= TruncatedNormal.above(eta[r], chain.rng);
            }
            latent[r] = s;
        }
        GroupedColumns[] terms = target.data.terms();
        for (int k = 0; k < terms.length; k++) {
            int qk = terms[k].q();
            double[] bk = chain.b[k];
            double[] coefficients = new double[qk];
            double[] mean = new double[qk];
            LevelRows lr = levelRows[k];
            for (int j = 0; j < terms[k].levels(); j++) {
                java.util.Arrays.fill(mean, 0);
                for (int i = lr.start()[j]; i < lr.start()[j + 1]; i++) {
                    int r = lr.rows()[i];
                    rowCoefficients(k, r, coefficients);
                    double own = 0;
                    for (int a = 0; a < qk; a++) {
                        own += coefficients[a] * bk[j * qk + a];
                    }
                    double rest = eta[r] - own;
                    for (int a = 0; a < qk; a++) {
                        mean[a] += coefficients[a] * (latent[r] - trials[r] * rest);
                    }
                }
                double[] factor = precision[k][j];
                SmallBlocks.solveLower(factor, 0, qk, mean, 0);
                for (int a = 0; a < qk; a++) {
                    mean[a] += chain.rng.nextGaussian(); // L⁻¹m + e, then L'⁻¹: mean P⁻¹m, covariance P⁻¹
                }
                SmallBlocks.solveLowerTranspose(factor, 0, qk, mean, 0);
                for (int i = lr.start()[j]; i < lr.start()[j + 1]; i++) {
                    int r = lr.rows()[i];
                    rowCoefficients(k, r, coefficients);
                    double change = 0;
                    for (int a = 0; a < qk; a++) {
                        change += coefficients[a] * (mean[a] - bk[j * qk + a]);
                    }
                    eta[r] += change;
                }
                System.arraycopy(mean, 0, bk, j * qk, qk);
            }
        }
    }
}
