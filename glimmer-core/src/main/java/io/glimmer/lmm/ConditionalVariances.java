package io.glimmer.lmm;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.BlockedCholesky;
import io.glimmer.linalg.SelectedInverse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conditional covariance matrices of the random effects given the data at the estimates, as lme4's
 * {@code ranef(fit, condVar = TRUE)} ("postVar"): per grouping factor and level, the block of
 * s² Λ (Λ'Z'WZΛ + I)⁻¹ Λ' on the scale of u. W is the prior weights of a linear model or the PIRLS
 * weights at the mode of a GLMM; s² is σ² or the GLMM's dispersion (1 for binomial and Poisson).
 * When a factor has several terms, e.g. {@code (Days || Subject)}, its block holds all of them with
 * the covariances between them (lme4 gives only each term's own block).
 *
 * <p>Exact for any number of terms: the blocks of (Λ'Z'WZΛ + I)⁻¹ come from the fit's own blocked
 * factor ({@link SelectedInverse}), without forming or factoring the system again.
 */
public final class ConditionalVariances {
    private ConditionalVariances() {
    }

    /**
     * @param factor  the blocked factor of the fit, factored at θ̂ (and the weights of the fit)
     * @param lambdas relative covariance factors λ_k (q_k × q_k lower, row-major) at θ̂, one per term
     * @param scale2  σ² (linear model) or the dispersion (GLMM)
     * @param terms   the random-effects terms of the factor, in its order
     * @return per grouping factor, in order of first appearance among the terms, levels·Q·Q values:
     *         each level's Q × Q covariance matrix (row-major), Q the effects of all the factor's terms in order
     */
    public static double[][] of(BlockedCholesky factor, double[][] lambdas, double scale2, List<RandomEffectsTerm> terms) {
        int[][] groups = groups(terms);
        double[][][] blocks = SelectedInverse.levelBlocks(factor, groups); // [group][level] Q×Q block of A⁻¹
        double[][] out = new double[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            int[] ts = groups[g];
            int[] start = SelectedInverse.starts(factor, ts);
            int size = start[ts.length];
            int levels = blocks[g].length;
            out[g] = new double[levels * size * size];
            for (int l = 0; l < levels; l++) {
                double[] v = blocks[g][l];
                for (int i = 0; i < ts.length; i++) {
                    for (int j = 0; j < ts.length; j++) {
                        sandwich(v, size, start[i], start[j], lambdas[ts[i]], terms.get(ts[i]).q(), lambdas[ts[j]],
                                terms.get(ts[j]).q(), scale2, out[g], l * size * size);
                    }
                }
            }
        }
        return out;
    }

    /** Term indices per grouping factor, ascending, factors in order of first appearance. */
    public static int[][] groups(List<RandomEffectsTerm> terms) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int k = 0; k < terms.size(); k++) {
            byGroup.computeIfAbsent(terms.get(k).group(), g -> new ArrayList<>()).add(k);
        }
        return byGroup.values().stream().map(ks -> ks.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** out(i·, j·) = s² λ_i V(i·, j·) λ_j' for one pair of terms' blocks of the size × size matrix v. */
    private static void sandwich(double[] v, int size, int ri, int cj, double[] li, int qi, double[] lj, int qj, double s2,
                                 double[] out, int off) {
        for (int a = 0; a < qi; a++) {
            for (int b = 0; b < qj; b++) {
                double s = 0;
                for (int x = 0; x <= a; x++) {
                    for (int y = 0; y <= b; y++) {
                        s += li[a * qi + x] * v[(ri + x) * size + cj + y] * lj[b * qj + y];
                    }
                }
                out[off + (ri + a) * size + cj + b] = s2 * s;
            }
        }
    }
}
