package io.glimmer.lmm;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.linalg.SmallBlocks;

import java.util.ArrayList;
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
     * @param modes     per term, levels·q values of u (level-major)
     * @param variances per term, levels·q conditional variances, or null
     */
    public static List<ConditionalModes> conditionalModes(List<RandomEffectsTerm> terms, double[][] modes, double[][] variances) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int k = 0; k < terms.size(); k++) {
            byGroup.computeIfAbsent(terms.get(k).group(), g -> new ArrayList<>()).add(k);
        }
        List<ConditionalModes> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            List<Integer> ks = e.getValue();
            RandomEffectsTerm first = terms.get(ks.get(0));
            List<String> names = new ArrayList<>();
            for (int k : ks) {
                names.addAll(terms.get(k).termNames());
            }
            int levels = first.levelCount();
            double[][] values = new double[levels][names.size()];
            double[][] vars = variances == null ? null : new double[levels][names.size()];
            int col = 0;
            for (int k : ks) {
                int q = terms.get(k).q();
                for (int l = 0; l < levels; l++) {
                    for (int a = 0; a < q; a++) {
                        values[l][col + a] = modes[k][l * q + a];
                        if (vars != null) {
                            vars[l][col + a] = variances[k][l * q + a];
                        }
                    }
                }
                col += q;
            }
            out.add(new ConditionalModes(e.getKey(), names, first.levels(), values, vars));
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
