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
 * When that estimate of I is not positive definite (crossed random intercepts: nearly all of the GLM
 * score's information on the intercept is missing, and E[−H] − Var[S] is lost in Monte Carlo error),
 * I is estimated again with Var[S] and E[−H] in the centred parameterisation of
 * {@link HierarchicalCentring}: the same observed information, far less Monte Carlo error in it. With
 * crossed random intercepts both are computed and the one with the smaller largest fraction of missing
 * information on the centrable β is taken, s̄ and V too (Fisher's identity holds in either; on crossed
 * terms the plain s̄ of the intercept is as noisy as its Var[S]). With a single term the plain form is kept
 * unless it fails: on cbpp the two are equally good estimates of I, but the Newton step's reported
 * Monte Carlo error counts only s̄'s noise, not I's, so switching moves the step by more than it says.
 */
final class LouisInformation {
    /** Below this λ a term's prior carries too little of β to centre it there (λ⁻² would swamp everything). */
    private static final double CENTRED_LEAST = 1e-3;
    /** The largest fraction of missing information, Var[S_c] / E[−H_cc], among the β that could be centred. */
    private final double missing;
    private final int dim;
    private final double[] meanScore;
    private final double[][] inverse;
    private final double[] scoreCovariance;

    private LouisInformation(int dim, double[] meanScore, double[][] inverse, double[] scoreCovariance, double missing) {
        this.missing = missing;
        this.dim = dim;
        this.meanScore = meanScore;
        this.inverse = inverse;
        this.scoreCovariance = scoreCovariance;
    }

    /** The information at (λ, β) from the draws there, or null when it is not positive definite. */
    static LouisInformation of(DrawSample draws, WeightedGlm glm, CovarianceStructure covariance, double[][] lambdas, double[] beta, int[] q,
                               IntUnaryOperator levels, HierarchicalCentring centring) {
        LouisInformation plain = of(draws, glm, covariance, lambdas, beta, q, levels, centring, false);
        if (centring == null || (plain != null && !centring.crossed())) { // one term: the plain form unless it fails (see the class comment)
            return plain;
        }
        LouisInformation centred = of(draws, glm, covariance, lambdas, beta, q, levels, centring, true);
        if (plain == null || centred == null) {
            return plain == null ? centred : plain;
        }
        return centred.missing < plain.missing ? centred : plain;
    }

    /** @param centre Var[S] in the centred parameterisation of {@link HierarchicalCentring} (else plain) */
    private static LouisInformation of(DrawSample draws, WeightedGlm glm, CovarianceStructure covariance, double[][] lambdas, double[] beta,
                                       int[] q, IntUnaryOperator levels, HierarchicalCentring centring, boolean centre) {
        int t = covariance.size();
        int p = beta.length;
        int dim = t + p;
        double[] w = draws.weights();
        WeightedGlm.Scores fixed = glm.scores(draws, beta);
        double[][] scores = new double[draws.size()][];
        double[] mean = new double[dim];
        int[] candidates = centredTerms(centring, lambdas, p);
        int[] centredIn = centre ? candidates : centredTerms(null, lambdas, p);
        int[] thetaIndex = new int[q.length];
        for (int k = 1; k < q.length; k++) {
            thetaIndex[k] = thetaIndex[k - 1] + q[k - 1] * (q[k - 1] + 1) / 2;
        }
        double[][] meanU = new double[q.length][];
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
            for (int c = 0; c < p; c++) { // a centred β_c's score is the prior's, X_L'u/λ²
                int k = centredIn[c];
                if (k >= 0) {
                    double[] u = draws.u(d)[k];
                    double[] x = centring.levelValues(c);
                    double sum = 0;
                    for (int j = 0; j < u.length; j++) {
                        sum += x[j] * u[j];
                    }
                    s[t + c] = sum / (lambdas[k][0] * lambdas[k][0]);
                    if (meanU[k] == null) {
                        meanU[k] = new double[u.length];
                    }
                }
            }
            for (int k = 0; k < q.length; k++) {
                if (meanU[k] != null) {
                    double[] u = draws.u(d)[k];
                    for (int j = 0; j < u.length; j++) {
                        meanU[k][j] += w[d] * u[j];
                    }
                }
            }
            for (int a = 0; a < dim; a++) {
                mean[a] += w[d] * s[a];
            }
            scores[d] = s;
        }
        double[] info = new double[dim * dim];
        double[] completeDiagonal = new double[p]; // E[−H] of each β, before Var[S] comes off
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
        for (int c = 0; c < p; c++) { // the centred β_c leave the GLM: their E[−H] is the prior's, with λ's cross term
            int k = centredIn[c];
            if (k < 0) {
                continue;
            }
            double lambda = lambdas[k][0];
            double[] x = centring.levelValues(c);
            for (int a = 0; a < p; a++) {
                info[(t + c) * dim + t + a] = 0;
                info[(t + a) * dim + t + c] = 0;
            }
            for (int a = 0; a < p; a++) {
                if (centredIn[a] == k) {
                    double[] xa = centring.levelValues(a);
                    double g = 0;
                    for (int j = 0; j < x.length; j++) {
                        g += x[j] * xa[j];
                    }
                    info[(t + c) * dim + t + a] = g / (lambda * lambda);
                }
            }
            double cross = 0; // −E[∂²ℓ_c/∂λ∂β_c] = 2 X_L'ū/λ³
            for (int j = 0; j < x.length; j++) {
                cross += x[j] * meanU[k][j];
            }
            cross *= 2 / (lambda * lambda * lambda);
            info[thetaIndex[k] * dim + t + c] = cross;
            info[(t + c) * dim + thetaIndex[k]] = cross;
        }
        for (int c = 0; c < p; c++) {
            completeDiagonal[c] = info[(t + c) * dim + t + c];
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
        double missing = 0; // the largest fraction of missing information among the β that can be centred
        for (int c = 0; c < p; c++) {
            if (candidates[c] >= 0) {
                double complete = completeDiagonal[c];
                missing = Math.max(missing, (complete - info[(t + c) * dim + t + c]) / complete);
            }
        }
        double[] factor = info.clone();
        if (!SmallBlocks.cholesky(factor, 0, dim)) {
            return null;
        }
        double[][] inverse = SmallBlocks.inverseCrossProduct(factor, dim, dim, 1);
        return new LouisInformation(dim, mean, inverse, draws.meanCovariance(scores, mean, dim), missing);
    }

    /** Per column of X, the term its β is centred in for this information, or −1 (none, or that term's λ at 0). */
    private static int[] centredTerms(HierarchicalCentring centring, double[][] lambdas, int p) {
        int[] out = new int[p];
        for (int c = 0; c < p; c++) {
            int k = centring == null ? -1 : centring.term(c);
            out[c] = k >= 0 && lambdas[k][0] > CENTRED_LEAST ? k : -1;
        }
        return out;
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
