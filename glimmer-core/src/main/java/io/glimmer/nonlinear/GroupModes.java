package io.glimmer.nonlinear;

import io.glimmer.linalg.SmallBlocks;

/**
 * The conditional modes of a nonlinear mixed model at fixed (θ, β), as lme4's nlmer finds them: for
 * every level of the one grouping factor, the spherical random effects u minimising
 * ‖yᵢ − f(β, Λuᵢ)‖² + ‖uᵢ‖², by Gauss–Newton with step halving level by level (the levels are
 * independent given β). At the modes it also gives log det(Λ'ZᵢZᵢ'Λ + I) summed over the levels,
 * Z = ∂f/∂b there: the two parts of the Laplace approximation. Each level's modes u and log det are
 * kept for adaptive quadrature ({@link NonlinearQuadrature}).
 */
final class GroupModes {
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 30;

    private final NonlinearMixedModel model;
    private final int[] codes;
    private final int levels;
    /** The parameter of each random coordinate a (all terms, in term order). */
    private final int[] parameterOf;
    /** Each coordinate's term and index within it, to write b per term. */
    private final int[] termOf;
    private final int[] indexInTerm;
    private final int q;
    /** u per level, level-major (warm start for the next θ, β). */
    private double[] u;

    GroupModes(NonlinearMixedModel model) {
        this.model = model;
        this.codes = model.codes();
        this.levels = model.levelCount();
        int[][] terms = model.termParameters();
        int total = 0;
        for (int[] t : terms) {
            total += t.length;
        }
        q = total;
        parameterOf = new int[q];
        termOf = new int[q];
        indexInTerm = new int[q];
        int a = 0;
        for (int t = 0; t < terms.length; t++) {
            for (int i = 0; i < terms[t].length; i++, a++) {
                parameterOf[a] = terms[t][i];
                termOf[a] = t;
                indexInTerm[a] = i;
            }
        }
        u = new double[levels * q];
    }

    int q() {
        return q;
    }

    /** The Laplace approximation's parts at the modes, and the modes b = Λu per term. */
    record Result(double pwrss, double logDetL2, double[][] b, boolean converged, double[] u, double[] levelLogDet) {
        /** −2 log-likelihood with σ² = pwrss/n profiled out. */
        double deviance(int n) {
            return logDetL2 + n * (1 + Math.log(2 * Math.PI * pwrss / n));
        }
    }

    /**
     * @param lambda the q × q lower-triangular relative covariance factor over all coordinates (row-major;
     *               block-diagonal for several terms)
     */
    Result at(double[] beta, double[] lambda) {
        double[] objective = new double[levels];
        double[] start = u.clone();
        Step s = step(beta, lambda, start, objective);
        boolean converged = false;
        for (int it = 0; it < MAX_ITERATIONS && s != null; it++) {
            if (s.decrement <= 1e-14 * (1 + sum(objective))) {
                converged = true;
                break;
            }
            double[] t = new double[levels];
            java.util.Arrays.fill(t, 1);
            boolean[] done = new boolean[levels];
            double[] candidate = start.clone();
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int i = 0; i < levels; i++) {
                    if (!done[i]) {
                        for (int a = 0; a < q; a++) {
                            candidate[i * q + a] = start[i * q + a] + t[i] * s.delta[i * q + a];
                        }
                    }
                }
                double[] obj = objectives(beta, lambda, candidate);
                boolean all = true;
                for (int i = 0; i < levels; i++) {
                    if (done[i]) {
                        continue;
                    }
                    if (obj[i] <= objective[i]) {
                        done[i] = true;
                    } else if (h == MAX_HALVINGS) {
                        for (int a = 0; a < q; a++) { // no decrease: stay
                            candidate[i * q + a] = start[i * q + a];
                        }
                    } else {
                        t[i] /= 2;
                        all = false;
                    }
                }
                if (all) {
                    break;
                }
            }
            start = candidate;
            s = step(beta, lambda, start, objective);
        }
        if (s == null) {
            return new Result(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, null, false, null, null);
        }
        u = start;
        return new Result(sum(objective), s.logDet, modes(lambda, start), converged, start.clone(), s.levelLogDet);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** The Gauss–Newton step of every level at u, its decrement, and log det of the factor there (summed and per level). */
    private record Step(double[] delta, double decrement, double logDet, double[] levelLogDet) {
    }

    private Step step(double[] beta, double[] lambda, double[] uu, double[] objective) {
        ModelExpression.Inputs in = model.inputs(beta, modes(lambda, uu));
        double[] f = model.formula().mean().values(in);
        double[][] g = new double[q][];
        for (int a = 0; a < q; a++) {
            g[a] = model.parameterGradient(parameterOf[a], in);
        }
        double[] y = model.y();
        double[] a2 = new double[levels * q * q];
        double[] rhs = new double[levels * q];
        java.util.Arrays.fill(objective, 0);
        double[] zl = new double[q];
        for (int r = 0; r < y.length; r++) {
            int i = codes[r];
            double e = y[r] - f[r];
            if (!Double.isFinite(e)) {
                return null;
            }
            objective[i] += e * e;
            for (int c = 0; c < q; c++) { // (ZΛ)_c = Σ_a g_a λ_ac
                double s = 0;
                for (int a = c; a < q; a++) {
                    s += g[a][r] * lambda[a * q + c];
                }
                zl[c] = s;
            }
            int base = i * q * q;
            for (int c = 0; c < q; c++) {
                rhs[i * q + c] += zl[c] * e;
                for (int d = 0; d <= c; d++) {
                    a2[base + c * q + d] += zl[c] * zl[d];
                }
            }
        }
        double[] delta = new double[levels * q];
        double decrement = 0;
        double logDet = 0;
        double[] levelLogDet = new double[levels];
        for (int i = 0; i < levels; i++) {
            int base = i * q * q;
            for (int c = 0; c < q; c++) {
                a2[base + c * q + c] += 1;
                rhs[i * q + c] -= uu[i * q + c];
                objective[i] += uu[i * q + c] * uu[i * q + c];
            }
            if (!SmallBlocks.cholesky(a2, base, q, q)) {
                return null;
            }
            for (int c = 0; c < q; c++) {
                levelLogDet[i] += 2 * Math.log(a2[base + c * q + c]);
                delta[i * q + c] = rhs[i * q + c];
            }
            SmallBlocks.solveLower(a2, base, q, delta, i * q);
            for (int c = 0; c < q; c++) {
                decrement += delta[i * q + c] * delta[i * q + c];
            }
            SmallBlocks.solveLowerTranspose(a2, base, q, delta, i * q);
            logDet += levelLogDet[i];
        }
        return new Step(delta, decrement, logDet, levelLogDet);
    }

    /** ‖yᵢ − f(β, Λuᵢ)‖² + ‖uᵢ‖² of every level i at u (level-major); +∞ where not a number. */
    double[] objectives(double[] beta, double[] lambda, double[] uu) {
        double[] f = model.formula().mean().values(model.inputs(beta, modes(lambda, uu)));
        double[] y = model.y();
        double[] obj = new double[levels];
        for (int r = 0; r < y.length; r++) {
            double e = y[r] - f[r];
            obj[codes[r]] += e * e;
        }
        for (int i = 0; i < levels; i++) {
            for (int a = 0; a < q; a++) {
                obj[i] += uu[i * q + a] * uu[i * q + a];
            }
        }
        for (int i = 0; i < levels; i++) {
            if (Double.isNaN(obj[i])) {
                obj[i] = Double.POSITIVE_INFINITY;
            }
        }
        return obj;
    }

    /** b = Λu per level, written per random-effects term of the model. */
    double[][] modes(double[] lambda, double[] uu) {
        double[][] b = model.zeroEffects();
        int[][] terms = model.termParameters();
        for (int i = 0; i < levels; i++) {
            for (int a = 0; a < q; a++) {
                double s = 0;
                for (int c = 0; c <= a; c++) {
                    s += lambda[a * q + c] * uu[i * q + c];
                }
                b[termOf[a]][i * terms[termOf[a]].length + indexInTerm[a]] = s;
            }
        }
        return b;
    }
}
