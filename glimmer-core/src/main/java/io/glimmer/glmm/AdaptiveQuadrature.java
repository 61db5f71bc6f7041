package io.glimmer.glmm;

import io.glimmer.design.LinearPredictor;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;
import io.glimmer.linalg.BlockDiagonal;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.Parallel;
import io.glimmer.linalg.SmallBlocks;

import java.util.function.IntConsumer;

/**
 * Adaptive Gauss–Hermite quadrature of the marginal likelihood for a model with one random-effects
 * term (scalar as lme4's nAGQ > 1, or vector-valued with a product rule). Each level's integral
 * over its spherical effects b is taken on nodes b̂ + L⁻ᵀz centred at the conditional mode b̂ and
 * scaled by the level's block L of the PIRLS factor:
 * <pre>
 *   −2 log L_i = −2 log Σ_k W_k exp(ℓ_i(b_k) − ‖b_k‖²/2 + ‖z_k‖²/2) + log det(L L')
 * </pre>
 * With one node this is exactly the Laplace approximation.
 */
final class AdaptiveQuadrature {
    private final GlmmData data;
    private final Family family;
    private final QuadratureRule rule;
    private final GroupedColumns term;
    private final int[] levelStart;
    private final int[] levelRows;
    /** offset + Xβ per row, refilled by each call (one buffer per model: not thread-safe). */
    private final double[] fixed;
    /** Per chunk of {@link #LEVEL_CHUNK} levels, its sum; the chunks' sums are added in order. */
    private final double[] levelTotals;
    /** Levels per parallel chunk: fixed, so that the sum does not depend on the number of threads. */
    private static final int LEVEL_CHUNK = 256;
    /** The conditional density of an {@link ObservationModel} at its current parameters, or null for the family's. */
    private ObservationModel.Conditional conditionalDensity;

    AdaptiveQuadrature(GlmmData data, Family family, int points) {
        this.data = data;
        this.family = family;
        this.term = data.terms()[0];
        this.rule = QuadratureRule.normal(points, term.q());
        int m = term.levels();
        levelStart = new int[m + 1];
        for (int code : term.codes()) {
            levelStart[code + 1]++;
        }
        for (int l = 0; l < m; l++) {
            levelStart[l + 1] += levelStart[l];
        }
        levelRows = new int[term.codes().length];
        int[] fill = levelStart.clone();
        for (int r = 0; r < term.codes().length; r++) {
            levelRows[fill[term.codes()[r]]++] = r;
        }
        fixed = new double[data.rows()];
        levelTotals = new double[(m + LEVEL_CHUNK - 1) / LEVEL_CHUNK];
    }

    /** Sets the conditional density the nodes evaluate (null: the family's log density). */
    void conditional(ObservationModel.Conditional density) {
        this.conditionalDensity = density;
    }

    /**
     * −2 log-likelihood by quadrature around the modes.
     *
     * @param lambda     the term's relative covariance factor (q × q, row-major)
     * @param mode       spherical modes of the term, levels·q
     * @param factor     the first block of the PIRLS factor at the mode
     * @param dispersion dispersion for the log-density (1 for binomial and poisson)
     */
    double deviance(double[] lambda, double[] beta, double[] mode, BlockDiagonal factor, double dispersion) {
        int p = data.p();
        double[] x = data.x();
        double[] offset = data.offset();
        data.forEachChunk(c -> {
            LinearPredictor.fill(x, p, offset, beta, fixed, data.chunkStart(c), data.chunkStart(c + 1));
        });
        IntConsumer levels = c -> levelTotals[c] = deviance(lambda, mode, factor, dispersion, c * LEVEL_CHUNK,
                Math.min(term.levels(), (c + 1) * LEVEL_CHUNK));
        if (data.parallel()) { // each level's sum is the same on any thread
            Parallel.forEach(levelTotals.length, levels);
        } else {
            for (int c = 0; c < levelTotals.length; c++) {
                levels.accept(c);
            }
        }
        double total = 0;
        for (double t : levelTotals) {
            total += t;
        }
        return total;
    }

    /** The sum of −2 log L_i over levels [l0, l1), in level order. */
    private double deviance(double[] lambda, double[] mode, BlockDiagonal factor, double dispersion, int l0, int l1) {
        int q = term.q();
        double[] b = new double[q];
        double[] u = new double[q];
        double[] a = new double[rule.size()];
        double total = 0;
        for (int level = l0; level < l1; level++) {
            int lOff = level * q * q;
            double logDet = 0;
            for (int d = 0; d < q; d++) {
                logDet += 2 * Math.log(factor.values()[lOff + d * q + d]);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < rule.size(); k++) {
                double[] z = rule.node(k);
                System.arraycopy(z, 0, b, 0, q);
                SmallBlocks.solveLowerTranspose(factor.values(), lOff, q, b, 0);
                double bb = 0;
                double zz = 0;
                for (int d = 0; d < q; d++) {
                    b[d] += mode[level * q + d];
                    bb += b[d] * b[d];
                    zz += z[d] * z[d];
                }
                for (int c = 0; c < q; c++) {
                    double s = 0;
                    for (int t = 0; t <= c; t++) {
                        s += lambda[c * q + t] * b[t];
                    }
                    u[c] = s;
                }
                a[k] = logLikelihood(level, fixed, u, dispersion) - bb / 2 + zz / 2;
                max = Math.max(max, a[k]);
            }
            double sum = 0;
            for (int k = 0; k < rule.size(); k++) {
                sum += rule.weight(k) * Math.exp(a[k] - max);
            }
            total += -2 * (max + Math.log(sum)) + logDet;
        }
        return total;
    }

    private double logLikelihood(int level, double[] fixed, double[] u, double dispersion) {
        int q = term.q();
        double[] z = term.z();
        double[] y = data.y();
        double[] w = data.weights();
        double s = 0;
        for (int i = levelStart[level]; i < levelStart[level + 1]; i++) {
            int r = levelRows[i];
            double eta = fixed[r];
            for (int c = 0; c < q; c++) {
                eta += z[r * q + c] * u[c];
            }
            if (conditionalDensity != null) {
                s += conditionalDensity.logDensity(r, y[r], eta, w[r]);
            } else {
                s += family.distribution().logDensity(y[r], family.link().inverse(eta), w[r], dispersion);
            }
        }
        return s;
    }
}
