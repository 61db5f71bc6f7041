package io.glimmer.glmm;

import io.glimmer.linalg.Parallel;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The first optimisation stage (the Laplace deviance with β at its joint mode with b) for the
 * models of {@link InterceptQuadrature}, binomial–logit with one random intercept, without PIRLS's
 * sparse machinery. For given λ it is Newton's method on β with each level's b profiled out by that
 * level's own one-dimensional Newton iteration: the gradient X'w(μ − y) and the Schur complement
 * X'WX − Σ_i h_i h_i'/c_i of the joint Hessian (h_i = λ X_i'W_i 1, c_i = λ² Σ_{rows of i} W + 1,
 * W = w μ(1 − μ)) come from one pass over the rows grouped by level; a step that does not lower
 * −log-likelihood + ‖b‖²/2 is halved ({@link ProfiledNewton}). The deviance is PIRLS's Laplace one,
 * −2 log-likelihood + ‖b̂‖² + Σ log c_i.
 */
final class InterceptLaplace {
    private final InterceptQuadrature levels;
    private final int p;
    private final int chunks;
    /** Per chunk of levels: −log-likelihood + ‖b‖²/2, −2 log-likelihood + ‖b‖² + Σ log c, gradient, Schur complement. */
    private final double[] chunkObjective;
    private final double[] chunkDeviance;
    private final double[][] chunkGradient;
    private final double[][] chunkHessian;
    private final boolean[] chunkFailed;

    private InterceptLaplace(InterceptQuadrature levels) {
        this.levels = levels;
        this.p = levels.p;
        this.chunks = (levels.levels + InterceptQuadrature.LEVEL_CHUNK - 1) / InterceptQuadrature.LEVEL_CHUNK;
        chunkObjective = new double[chunks];
        chunkDeviance = new double[chunks];
        chunkGradient = new double[chunks][p];
        chunkHessian = new double[chunks][p * p];
        chunkFailed = new boolean[chunks];
    }

    /** The first stage for the model of {@code levels}, or null unless its counts are whole (log-likelihood = −½ deviance + constant). */
    static InterceptLaplace of(InterceptQuadrature levels) {
        return levels != null && levels.wholeCounts && levels.p > 0 ? new InterceptLaplace(levels) : null;
    }

    /**
     * The joint mode of (β, b) for this λ from the given start, and the Laplace deviance there.
     *
     * @return null when some η leaves the logit clamp's range or the Hessian is not positive definite
     *         (the caller then runs PIRLS)
     */
    ProfiledNewton.Result jointMode(double lambda, double[] betaStart, double[] modesStart) {
        return ProfiledNewton.jointMode((beta, modes) -> at(lambda, beta, modes), betaStart, modesStart);
    }

    /** Profiles every level's mode at β (warm-started from {@code modes}, overwritten) and sums the chunks in order; null where declined. */
    ProfiledNewton.Point at(double lambda, double[] beta, double[] modes) {
        IntConsumer chunk = c -> chunk(c, lambda, beta, modes);
        if (levels.parallel) { // each chunk's sums are the same on any thread
            Parallel.forEach(chunks, chunk);
        } else {
            for (int c = 0; c < chunks; c++) {
                chunk.accept(c);
            }
        }
        double objective = 0;
        double deviance = 0;
        double[] gradient = new double[p];
        double[] hessian = new double[p * p];
        for (int c = 0; c < chunks; c++) {
            if (chunkFailed[c]) {
                return null;
            }
            objective += chunkObjective[c];
            deviance += chunkDeviance[c];
            for (int j = 0; j < p; j++) {
                gradient[j] += chunkGradient[c][j];
            }
            for (int k = 0; k < p * p; k++) {
                hessian[k] += chunkHessian[c][k];
            }
        }
        for (int a = 0; a < p; a++) { // the upper triangle from the lower
            for (int b = a + 1; b < p; b++) {
                hessian[a * p + b] = hessian[b * p + a];
            }
        }
        return new ProfiledNewton.Point(beta, modes, objective, deviance, gradient, hessian);
    }

    private void chunk(int c, double lambda, double[] beta, double[] modes) {
        double[] gradient = chunkGradient[c];
        double[] hessian = chunkHessian[c];
        Arrays.fill(gradient, 0);
        Arrays.fill(hessian, 0);
        double objective = 0;
        double deviance = 0;
        chunkFailed[c] = false;
        double[] h = new double[p];
        InterceptQuadrature.Scratch scratch = new InterceptQuadrature.Scratch(1);
        int l1 = Math.min(levels.levels, (c + 1) * InterceptQuadrature.LEVEL_CHUNK);
        for (int l = c * InterceptQuadrature.LEVEL_CHUNK; l < l1; l++) {
            int r0 = levels.levelStart[l];
            int r1 = levels.levelStart[l + 1];
            if (r0 == r1) {
                modes[l] = 0;
                continue;
            }
            if (!levels.prepare(l, beta)) {
                chunkFailed[c] = true;
                return;
            }
            double mode = 0;
            if (lambda != 0) {
                double[] found = levels.newton(l, lambda, modes[l]);
                if (found == null) {
                    chunkFailed[c] = true;
                    return;
                }
                mode = found[0];
            }
            modes[l] = mode;
            double shift = lambda * mode;
            if (!(levels.levelMax[l] + shift <= InterceptQuadrature.ETA_LIMIT && levels.levelMin[l] + shift >= -InterceptQuadrature.ETA_LIMIT)) {
                chunkFailed[c] = true;
                return;
            }
            // W = w μ(1 − μ) and the residual w(μ − y) at the mode, into X'W X, X'w(μ − y) and h = X_l'W_l 1
            double g = Math.exp(levels.levelCentre[l] + shift);
            Arrays.fill(h, 0);
            double information = 0;
            for (int i = r0; i < r1; i++) {
                double t = levels.expFixed[i] * g;
                double q = 1 / (1 + t);
                double mu = t * q;
                double v = levels.weight[i] * mu * q;
                double residual = levels.weight[i] * mu - levels.weightedY[i];
                information += v;
                int row = i * p;
                for (int a = 0; a < p; a++) {
                    double xa = levels.x[row + a];
                    gradient[a] += residual * xa;
                    h[a] += v * xa;
                    double vxa = v * xa;
                    for (int b = 0; b <= a; b++) {
                        hessian[a * p + b] += vxa * levels.x[row + b];
                    }
                }
            }
            double curvature = lambda * lambda * information + 1;
            double scale = lambda * lambda / curvature;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    hessian[a * p + b] -= scale * h[a] * h[b];
                }
            }
            scratch.shift[0] = shift;
            levels.logLikelihoods(l, scratch);
            double logLik = scratch.logLik[0];
            objective += -logLik + mode * mode / 2;
            deviance += -2 * logLik + mode * mode + Math.log(curvature);
        }
        chunkObjective[c] = objective;
        chunkDeviance[c] = deviance;
    }
}
