package io.glimmer.glmm;

import io.glimmer.design.LinearPredictor;
import io.glimmer.error.GlimmerException;
import io.glimmer.family.Family;
import io.glimmer.linalg.SmallBlocks;

/**
 * The fixed effects' part of the Monte Carlo M-step: the weighted GLM Σ_d w_d log p(y | β, u_d) over the
 * E-step's draws, u_d an offset. Sums over draws go by fixed blocks of {@link #BLOCK} draws (in
 * parallel), merged in block order: the same bits at any thread count.
 */
final class WeightedGlm {
    static final int BLOCK = 64;
    private static final int MAX_HALVINGS = 20;
    private final GlmmData data;
    private final Family family;
    private final ConditionalLogDensity density;
    private final DrawRunner runner;
    private final int p;

    WeightedGlm(GlmmData data, Family family, ConditionalLogDensity density, DrawRunner runner) {
        this.data = data;
        this.family = family;
        this.density = density;
        this.runner = runner;
        this.p = data.p();
    }

    /**
     * Σ_d w_d log p(y | β, u_d), the score and Fisher information (p × p) of the weighted GLM, and each
     * draw's log p(y | β, u_d) (NaN for a draw whose weight is negligible).
     */
    record Moments(double objective, double[] score, double[] information, double[] perDraw) {
    }

    /** Draws with a normalised weight below this are left out of the sums (they change no digit that matters). */
    static final double NEGLIGIBLE = 1e-14;

    Moments moments(DrawSample draws, double[] beta) {
        double[] w = draws.weights();
        int n = data.rows();
        double[] fixed = new double[n];
        LinearPredictor.fill(data.x(), p, data.offset(), beta, fixed, 0, n);
        int blocks = (draws.size() + BLOCK - 1) / BLOCK;
        double[][] partial = new double[blocks][];
        double[] perDraw = new double[draws.size()];
        double constant = density.rowConstant();
        runner.forEach(blocks, c -> {
            double[] sums = new double[1 + p + p * p];
            RowSums rows = new RowSums(n);
            double[] eta = new double[n];
            for (int d = c * BLOCK; d < Math.min(draws.size(), (c + 1) * BLOCK); d++) {
                if (w[d] < NEGLIGIBLE) {
                    perDraw[d] = Double.NaN;
                    continue;
                }
                System.arraycopy(fixed, 0, eta, 0, n);
                data.addRandom(draws.u(d), eta, 0, n);
                perDraw[d] = constant + rows.add(eta, w[d], false);
                sums[0] += w[d] * perDraw[d];
            }
            rows.project(sums, 1, sums, 1 + p);
            partial[c] = sums;
        });
        double[] total = new double[1 + p + p * p];
        for (double[] s : partial) {
            for (int i = 0; i < total.length; i++) {
                total[i] += s[i];
            }
        }
        double[] score = java.util.Arrays.copyOfRange(total, 1, 1 + p);
        double[] info = java.util.Arrays.copyOfRange(total, 1 + p, total.length);
        symmetrise(info);
        return new Moments(total[0], score, info, perDraw);
    }

    /**
     * One block's per-row sums over its draws, Σ_d w_d (score term)_rd and Σ_d w_d (curvature)_rd: X
     * does not change between draws, so X'(·) and X' diag(·) X are formed once per block ({@link #project}),
     * not once per draw (a block's rows cost n·p² once instead of n·p² per draw).
     */
    private final class RowSums {
        final double[] residual;
        final double[] curvature;
        private final double[] mu;
        private final double[] muEta;

        RowSums(int n) {
            residual = new double[n];
            curvature = new double[n];
            mu = new double[n];
            muEta = new double[n];
        }

        /**
         * Adds one draw's terms with the given weight: Fisher's (expected) curvature, or the observed
         * −∂²ℓ/∂η² when {@code observed}; returns Σ_r row(r) (log p(y | η) less the density's constant;
         * 0 when {@code observed}, where only the derivatives are wanted), μ computed once per row for both.
         */
        double add(double[] eta, double weight, boolean observed) {
            double[] y = data.y();
            double[] prior = data.weights();
            boolean exact = !observed || family.isCanonical(); // for a canonical link the two informations are equal
            double logLik = 0;
            family.link().inverseAndDerivative(eta, mu, muEta, 0, eta.length); // one exp a row for the logit link
            for (int r = 0; r < eta.length; r++) {
                double dmu = muEta[r];
                double variance = family.distribution().variance(mu[r]);
                if (!observed) {
                    logLik += density.rowAtMean(r, mu[r]);
                }
                residual[r] += weight * prior[r] * (y[r] - mu[r]) * dmu / variance;
                curvature[r] += weight * (exact ? prior[r] * dmu * dmu / variance : observedCurvature(r, eta[r]));
            }
            return logLik;
        }

        /** X' residual into score[so …] and the lower triangle of X' diag(curvature) X into info[io …]. */
        void project(double[] score, int so, double[] info, int io) {
            projectScore(score, so);
            double[] x = data.x();
            for (int r = 0; r < residual.length; r++) {
                for (int a = 0; a < p; a++) {
                    double cx = curvature[r] * x[r * p + a];
                    for (int c = 0; c <= a; c++) {
                        info[io + a * p + c] += cx * x[r * p + c];
                    }
                }
            }
        }

        /** X' residual into score[so …]. */
        void projectScore(double[] score, int so) {
            double[] x = data.x();
            for (int r = 0; r < residual.length; r++) {
                for (int a = 0; a < p; a++) {
                    score[so + a] += residual[r] * x[r * p + a];
                }
            }
        }

        void clear() {
            java.util.Arrays.fill(residual, 0);
            java.util.Arrays.fill(curvature, 0);
        }
    }

    /** −∂²ℓ_r/∂η² by a central difference of ∂ℓ_r/∂η (non-canonical links, for Louis's information only). */
    private double observedCurvature(int r, double eta) {
        double h = 1e-5 * Math.max(1, Math.abs(eta));
        return -(rowScore(r, eta + h) - rowScore(r, eta - h)) / (2 * h);
    }

    private double rowScore(int r, double eta) {
        double mu = family.link().inverse(eta);
        return data.weights()[r] * (data.y()[r] - mu) * family.link().muEta(eta) / family.distribution().variance(mu);
    }

    private void symmetrise(double[] info) {
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < a; c++) {
                info[c * p + a] = info[a * p + c];
            }
        }
    }

    /**
     * β maximising Σ_d w_d log p(y | β, u_d) by Fisher scoring with step halving from {@code start}, at
     * most {@code steps} steps (1: McCulloch's Monte Carlo Newton–Raphson step), given the moments there
     * ({@link #moments} at {@code start}); the moments at the result.
     */
    Moments maximise(DrawSample draws, Moments atStart, double[] start, int steps, double[] result) {
        double[] beta = start.clone();
        Moments m = atStart;
        for (int it = 0; it < steps; it++) {
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
            Moments at = m;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] + t * step[a];
                }
                at = moments(draws, next);
                if (at.objective() >= m.objective() - 1e-12 * Math.abs(m.objective())) {
                    break;
                }
                t /= 2;
            }
            beta = next;
            m = at;
        }
        System.arraycopy(beta, 0, result, 0, p);
        return m;
    }

    /** Per draw, the complete-data score of β (null for a negligible draw); and Σ_d w_d × the observed information. */
    record Scores(double[][] perDraw, double[] information) {
    }

    Scores scores(DrawSample draws, double[] beta) {
        double[] w = draws.weights();
        int n = data.rows();
        double[] fixed = new double[n];
        LinearPredictor.fill(data.x(), p, data.offset(), beta, fixed, 0, n);
        int blocks = (draws.size() + BLOCK - 1) / BLOCK;
        double[][] partial = new double[blocks][];
        double[][] perDraw = new double[draws.size()][];
        runner.forEach(blocks, c -> {
            double[] info = new double[p * p];
            RowSums weighted = new RowSums(n); // Σ_d w_d × the observed curvature, projected once
            RowSums one = new RowSums(n); // one draw's score terms
            double[] eta = new double[n];
            for (int d = c * BLOCK; d < Math.min(draws.size(), (c + 1) * BLOCK); d++) {
                if (w[d] < NEGLIGIBLE) {
                    continue;
                }
                System.arraycopy(fixed, 0, eta, 0, n);
                data.addRandom(draws.u(d), eta, 0, n);
                perDraw[d] = new double[p];
                one.clear();
                one.add(eta, 1, true);
                for (int r = 0; r < n; r++) {
                    weighted.curvature[r] += w[d] * one.curvature[r];
                }
                one.projectScore(perDraw[d], 0);
            }
            weighted.project(new double[p], 0, info, 0); // its residuals are zero: only the information
            partial[c] = info;
        });
        double[] info = new double[p * p];
        for (double[] s : partial) {
            for (int i = 0; i < info.length; i++) {
                info[i] += s[i];
            }
        }
        symmetrise(info);
        return new Scores(perDraw, info);
    }
}
