package io.glimmer.lmm;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.lmm.ConditionalVariances;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.linalg.SmallBlocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns θ and the spherical modes into what users read: variance components, correlations,
 * conditional modes grouped by grouping factor (terms of the same factor merged, as lme4's ranef).
 * Shared by every likelihood-based estimator.
 */
public final class RandomEffectsReport {
    private RandomEffectsReport() {
    }

    /** Variance and standard deviation of each random effect; {@code scale2} is σ² (1 for a GLMM without dispersion). */
    public static List<VarianceComponent> variances(List<RandomEffectsTerm> terms, CovarianceStructure cs, double[] theta, double scale2) {
        List<VarianceComponent> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            RandomEffectsTerm t = terms.get(k);
            double[][] cov = cs.covariance(theta, k, scale2);
            for (int a = 0; a < t.q(); a++) {
                out.add(new VarianceComponent(t.group(), t.termNames().get(a), cov[a][a], Math.sqrt(cov[a][a])));
            }
        }
        return out;
    }

    /** Correlations within each vector-valued term (lower triangle, row term after column term). */
    public static List<RandomEffectCorrelation> correlations(List<RandomEffectsTerm> terms, CovarianceStructure cs, double[] theta) {
        List<RandomEffectCorrelation> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            RandomEffectsTerm t = terms.get(k);
            double[][] cov = cs.covariance(theta, k, 1);
            for (int b = 0; b < t.q(); b++) {
                for (int a = b + 1; a < t.q(); a++) {
                    double d = Math.sqrt(cov[a][a] * cov[b][b]);
                    double r = d > 0 ? cov[a][b] / d : Double.NaN;
                    out.add(new RandomEffectCorrelation(t.group(), t.termNames().get(b), t.termNames().get(a), r));
                }
            }
        }
        return out;
    }

    /** Number of levels per grouping factor, each factor once. */
    public static Map<String, Integer> groups(List<RandomEffectsTerm> terms) {
        Map<String, Integer> g = new LinkedHashMap<>();
        for (RandomEffectsTerm t : terms) {
            g.putIfAbsent(t.group(), t.levelCount());
        }
        return g;
    }

    /**
     * Conditional modes u = λ b per grouping factor.
     *
     * @param modes      per term, levels·q values of u (level-major)
     * @param covariances per grouping factor, levels·Q·Q conditional covariances ({@link ConditionalVariances#of}), or null
     */
    public static List<ConditionalModes> conditionalModes(List<RandomEffectsTerm> terms, double[][] modes, double[][] covariances) {
        List<ConditionalModes> out = new ArrayList<>();
        int[][] groups = ConditionalVariances.groups(terms);
        for (int g = 0; g < groups.length; g++) {
            RandomEffectsTerm first = terms.get(groups[g][0]);
            List<String> names = new ArrayList<>();
            for (int k : groups[g]) {
                names.addAll(terms.get(k).termNames());
            }
            int levels = first.levelCount();
            int size = names.size();
            double[][] values = new double[levels][size];
            int col = 0;
            for (int k : groups[g]) {
                int q = terms.get(k).q();
                for (int l = 0; l < levels; l++) {
                    System.arraycopy(modes[k], l * q, values[l], col, q);
                }
                col += q;
            }
            double[][] cov = null;
            if (covariances != null) {
                cov = new double[levels][];
                for (int l = 0; l < levels; l++) {
                    cov[l] = Arrays.copyOfRange(covariances[g], l * size * size, (l + 1) * size * size);
                }
            }
            out.add(new ConditionalModes(first.group(), names, first.levels(), values, cov));
        }
        return out;
    }

    /** u = λ b for every level of every term. */
    public static double[][] modes(double[][] lambdas, List<RandomEffectsTerm> terms, double[][] spherical) {
        double[][] u = new double[terms.size()][];
        for (int k = 0; k < terms.size(); k++) {
            u[k] = new double[spherical[k].length];
            SmallBlocks.multiplyRightLowerTranspose(spherical[k], terms.get(k).levelCount(), lambdas[k], terms.get(k).q(), u[k]);
        }
        return u;
    }
}
