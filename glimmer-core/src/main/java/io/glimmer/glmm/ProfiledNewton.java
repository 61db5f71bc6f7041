package io.glimmer.glmm;

import io.glimmer.optim.Descent;
import io.glimmer.linalg.SmallBlocks;

/**
 * Newton's method on β with the random effects profiled out: the joint mode of (β, b) of the
 * penalised log-likelihood for given Λ, and the Laplace deviance there (the first optimisation
 * stage). Each point comes from a {@link Profile}, which finds every level's mode at that β and
 * returns the gradient X'w(μ − y) and the Schur complement of the joint Hessian (X'WX less the
 * levels' parts); a step that does not lower −log-likelihood + ‖b‖²/2 is halved, as in PIRLS.
 * {@link InterceptLaplace} profiles the levels of a binomial (1 | g) in memory; a GLMM whose levels
 * are split over {@link LevelParts} sums the parts' profiles.
 */
final class ProfiledNewton {
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 20;
    /**
     * Converged when the next Newton step would move no β_j by more than this relative to 1 + |β_j|:
     * β is then that close to the mode, and the deviance (flat there) within about ½δ'Sδ, far below 1e-6.
     */
    private static final double TOLERANCE = 1e-8;

    /**
     * The state at one β: profiled modes, −log-likelihood + ‖b‖²/2, the Laplace deviance, the
     * gradient of the first and the Schur complement (p × p, row-major, symmetric).
     */
    record Point(double[] beta, double[] modes, double objective, double deviance, double[] gradient, double[] hessian) {
    }

    /** The profile at β, each level's mode started from {@code modes}; null where it cannot be evaluated. */
    interface Profile {
        Point at(double[] beta, double[] modes);
    }

    /**
     * The joint mode, the Laplace deviance there, and the covariance of β that PIRLS's joint factor
     * gives at it (the inverse of the Schur complement; null if that is not positive definite).
     */
    record Result(double deviance, double[] beta, double[] modes, double[][] betaCovariance) {
    }

    private ProfiledNewton() {
    }

    /** The joint mode from the given start; null when a point cannot be evaluated or the Hessian is not positive definite. */
    static Result jointMode(Profile profile, double[] betaStart, double[] modesStart) {
        Point point = profile.at(betaStart.clone(), modesStart.clone());
        if (point == null) {
            return null;
        }
        int p = betaStart.length;
        double[] step = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!newtonStep(point, step)) {
                return null;
            }
            double change = 0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(step[j]) / (1 + Math.abs(point.beta()[j])));
            }
            if (change <= TOLERANCE) {
                return result(point);
            }
            // Newton's predicted decrease −½g'δ: once it is below the objective's rounding the comparison
            // below cannot see it (and would halve the step to nothing), so the full step is taken unchecked.
            double decrease = 0;
            for (int j = 0; j < p; j++) {
                decrease -= point.gradient()[j] * step[j] / 2;
            }
            boolean unchecked = decrease <= 1e-12 * Math.max(1, Math.abs(point.objective()));
            Point next = null;
            double t = 1;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                double[] beta = new double[p];
                for (int j = 0; j < p; j++) {
                    beta[j] = point.beta()[j] + t * step[j];
                }
                Point trial = profile.at(beta, point.modes().clone());
                if (trial == null) {
                    return null;
                }
                if (unchecked || Descent.noWorse(trial.objective(), point.objective())) {
                    next = trial;
                    break;
                }
                t /= 2;
            }
            if (next == null) { // no descent even for tiny steps: at the mode to working precision
                return result(point);
            }
            point = next;
        }
        return result(point);
    }

    private static Result result(Point point) {
        return new Result(point.deviance(), point.beta(), point.modes(), inverse(point.hessian(), point.beta().length));
    }

    /**
     * The Schur complement S = X'WX − Σ_l H_l'C_l⁻¹H_l of the joint system of one random-effects term
     * from its cross products [Z X r]'W[Z X r] (C_l = Λ'Z_l'WZ_lΛ + I, H_l = Λ'Z_l'WX_l), level by
     * level: unlike the joint factor's dense block it needs no positive definite X'WX, which a part
     * holding a few levels may lack (a factor level absent from its rows).
     *
     * @param lambda the term's Λ (q × q lower, row-major)
     * @return S (p × p, row-major), or null if some C_l is not positive definite
     */
    static double[] schur(io.glimmer.linalg.CrossProducts cp, double[] lambda, int p) {
        int q = cp.term(0).q();
        int levels = cp.term(0).levels();
        double[] d = cp.diagonal(0).values();
        org.ejml.data.DMatrixRMaj fz = cp.denseByTerm(0); // F'WZ: row a (dense column), column level·q + b
        org.ejml.data.DMatrixRMaj ff = cp.denseDiagonal();
        double[] s = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                s[a * p + b] = ff.get(a, b);
            }
        }
        double[] c = new double[q * q];
        double[] h = new double[q * p]; // column a of H_l at h[a·q ..]
        for (int l = 0; l < levels; l++) {
            for (int i = 0; i < q; i++) { // C = Λ'DΛ + I
                for (int j = 0; j < q; j++) {
                    double v = i == j ? 1 : 0;
                    for (int u = 0; u < q; u++) {
                        for (int w = 0; w < q; w++) {
                            v += lambda[u * q + i] * d[l * q * q + u * q + w] * lambda[w * q + j];
                        }
                    }
                    c[i * q + j] = v;
                }
            }
            if (!SmallBlocks.cholesky(c, 0, q)) {
                return null;
            }
            for (int a = 0; a < p; a++) {
                for (int i = 0; i < q; i++) { // (Λ'Z'WX)[i][a]
                    double v = 0;
                    for (int u = 0; u < q; u++) {
                        v += lambda[u * q + i] * fz.get(a, l * q + u);
                    }
                    h[a * q + i] = v;
                }
                SmallBlocks.solveLower(c, 0, q, h, a * q); // Y = L⁻¹H: then H'C⁻¹H = Y'Y
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = 0;
                    for (int i = 0; i < q; i++) {
                        v += h[a * q + i] * h[b * q + i];
                    }
                    s[a * p + b] -= v;
                    if (a != b) {
                        s[b * p + a] -= v;
                    }
                }
            }
        }
        return s;
    }

    /** S⁻¹ column by column from the Cholesky factor of S; null if S is not positive definite. */
    static double[][] inverse(double[] hessian, int p) {
        double[] l = hessian.clone();
        if (!SmallBlocks.cholesky(l, 0, p)) {
            return null;
        }
        double[][] inverse = new double[p][p];
        double[] column = new double[p];
        for (int c = 0; c < p; c++) {
            java.util.Arrays.fill(column, 0);
            column[c] = 1;
            SmallBlocks.solveLower(l, 0, p, column, 0);
            SmallBlocks.solveLowerTranspose(l, 0, p, column, 0);
            for (int j = 0; j < p; j++) {
                inverse[j][c] = column[j];
            }
        }
        return inverse;
    }

    /** δ = −S⁻¹g by the Cholesky factor of the Schur complement S; false if S is not positive definite. */
    private static boolean newtonStep(Point point, double[] step) {
        int p = step.length;
        double[] s = point.hessian().clone();
        if (!SmallBlocks.cholesky(s, 0, p)) {
            return false;
        }
        for (int j = 0; j < p; j++) {
            step[j] = -point.gradient()[j];
        }
        SmallBlocks.solveLower(s, 0, p, step, 0);
        SmallBlocks.solveLowerTranspose(s, 0, p, step, 0);
        for (double v : step) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
