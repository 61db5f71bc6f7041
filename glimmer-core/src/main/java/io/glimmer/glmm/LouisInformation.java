package io.glimmer.glmm;

import io.glimmer.linalg.SmallBlocks;
import io.glimmer.lmm.CovarianceStructure;

import java.util.function.IntUnaryOperator;

/**
 * Louis's (1982) observed information of the marginal likelihood over ψ = (θ, β) from draws of
 * p(u | y): I = E[−∂²ℓ_c/∂ψ∂ψ'] − Var[∂ℓ_c/∂ψ], ℓ_c the complete-data log-likelihood (its θ part from
 * {@link PriorScore}, its β part the GLM's with u an offset, so the Hessian is block-diagonal and
 * the scores' covariance is not). The mean complete-data score s̄ estimates the marginal score
 * (Fisher's identity), so ψ + I⁻¹s̄ is a Newton–Raphson step of the likelihood; its Monte Carlo
 * covariance is I⁻¹ V I⁻¹, V the Monte Carlo covariance of s̄ (the sample's own, batch means for a chain).
 */
final class LouisInformation {
    private final int dim;
    private final double[] meanScore;
    private final double[][] inverse;
    private final double[] scoreCovariance;

    private LouisInformation(int dim, double[] meanScore, double[][] inverse, double[] scoreCovariance) {
        this.dim = dim;
        this.meanScore = meanScore;
        this.inverse = inverse;
        this.scoreCovariance = scoreCovariance;
    }

    /** The information at (λ, β) from the draws there, or null when it is not positive definite. */
    static LouisInformation of(DrawSample draws, WeightedGlm glm, CovarianceStructure covariance, double[][] lambdas, double[] beta, int[] q,
                               IntUnaryOperator levels) {
        int t = covariance.size();
        int p = beta.length;
        int dim = t + p;
        double[] w = draws.weights();
        WeightedGlm.Scores fixed = glm.scores(draws, beta);
        double[][] scores = new double[draws.size()][];
        double[] mean = new double[dim];
        double[][] meanCross = new double[q.length][];
        for (int k = 0; k < q.length; k++) {
            meanCross[k] = new double[q[k] * q[k]];
        }
        for (int d = 0; d < scores.length; d++) {
            if (fixed.perDraw()[d] == null) {
                continue;
            }
            double[] s = new double[dim];
            int offset = 0;
            for (int k = 0; k < q.length; k++) {
                double[] cross = PriorScore.crossProduct(draws.u(d)[k], q[k]);
                PriorScore.gradient(lambdas[k], q[k], levels.applyAsInt(k), cross, s, offset);
                for (int i = 0; i < cross.length; i++) {
                    meanCross[k][i] += w[d] * cross[i];
                }
                offset += q[k] * (q[k] + 1) / 2;
            }
            System.arraycopy(fixed.perDraw()[d], 0, s, t, p);
            for (int a = 0; a < dim; a++) {
                mean[a] += w[d] * s[a];
            }
            scores[d] = s;
        }
        double[] info = new double[dim * dim];
        int offset = 0;
        for (int k = 0; k < q.length; k++) { // E[−H] for θ: f is linear in S, so its Hessian at the mean S
            int size = q[k] * (q[k] + 1) / 2;
            double[] h = PriorScore.hessian(lambdas[k], q[k], levels.applyAsInt(k), meanCross[k]);
            for (int a = 0; a < size; a++) {
                for (int c = 0; c < size; c++) {
                    info[(offset + a) * dim + offset + c] = -h[a * size + c];
                }
            }
            offset += size;
        }
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                info[(t + a) * dim + t + c] = fixed.information()[a * p + c];
            }
        }
        for (int d = 0; d < scores.length; d++) {
            if (scores[d] == null) {
                continue;
            }
            for (int a = 0; a < dim; a++) {
                double da = scores[d][a] - mean[a];
                for (int c = 0; c < dim; c++) {
                    info[a * dim + c] -= w[d] * da * (scores[d][c] - mean[c]);
                }
            }
        }
        double[] factor = info.clone();
        if (!SmallBlocks.cholesky(factor, 0, dim)) {
            return null;
        }
        double[][] inverse = SmallBlocks.inverseCrossProduct(factor, dim, dim, 1);
        return new LouisInformation(dim, mean, inverse, draws.meanCovariance(scores, mean, dim));
    }

    /** ψ + I⁻¹s̄, the step halved until every diagonal θ stays positive. */
    double[] newtonStep(double[] psi, CovarianceStructure covariance, int halvings) {
        double[] step = new double[dim];
        for (int a = 0; a < dim; a++) {
            for (int c = 0; c < dim; c++) {
                step[a] += inverse[a][c] * meanScore[c];
            }
        }
        double[] next = new double[dim];
        double factor = 1;
        for (int h = 0; h <= halvings; h++) {
            boolean inside = true;
            for (int a = 0; a < dim; a++) {
                next[a] = psi[a] + factor * step[a];
                if (a < covariance.size() && covariance.isDiagonal(a) && next[a] <= 0) {
                    inside = false;
                }
            }
            if (inside) {
                return next;
            }
            factor /= 2;
        }
        return psi.clone();
    }

    /** s̄'I⁻¹s̄: twice the gain in log-likelihood the Newton step predicts. */
    double predictedGain() {
        double g = 0;
        for (int a = 0; a < dim; a++) {
            for (int c = 0; c < dim; c++) {
                g += meanScore[a] * inverse[a][c] * meanScore[c];
            }
        }
        return g;
    }

    /** tr(I⁻¹V): the expected value of {@link #predictedGain} at the maximum, from Monte Carlo noise alone. */
    double noiseGain() {
        double g = 0;
        for (int a = 0; a < dim; a++) {
            for (int c = 0; c < dim; c++) {
                g += inverse[a][c] * scoreCovariance[c * dim + a];
            }
        }
        return g;
    }

    /** √diag(I⁻¹ V I⁻¹): the Monte Carlo standard errors of the estimates after the step, θ then β. */
    double[] monteCarloStandardErrors() {
        double[] se = new double[dim];
        for (int a = 0; a < dim; a++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                for (int e = 0; e < dim; e++) {
                    s += inverse[a][c] * scoreCovariance[c * dim + e] * inverse[e][a];
                }
            }
            se[a] = Math.sqrt(Math.max(0, s));
        }
        return se;
    }

    /** The β block of I⁻¹, the fixed effects' covariance (θ estimated too, so not the conditional block). */
    double[][] fixedEffectsCovariance(int t, int p) {
        double[][] v = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                v[a][c] = inverse[t + a][t + c];
            }
        }
        return v;
    }
}
