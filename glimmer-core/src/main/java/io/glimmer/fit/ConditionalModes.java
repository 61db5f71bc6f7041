package io.glimmer.fit;

import io.glimmer.linalg.DenseArrays;
import java.util.List;

/**
 * Conditional modes (BLUPs for a linear model) of one grouping factor, on the scale of the random
 * effects (u = Λ(θ)·spherical modes), like lme4's ranef().
 */
public final class ConditionalModes {
    private final String group;
    private final List<String> terms;
    private final List<String> levels;
    private final double[][] values;
    private final double[][] conditionalCovariances;

    /**
     * @param values                 [level][term]
     * @param conditionalCovariances [level] the q × q conditional covariance matrix of the level's
     *                               effects (row-major, terms in order; lme4's postVar), or null
     */
    public ConditionalModes(String group, List<String> terms, List<String> levels, double[][] values, double[][] conditionalCovariances) {
        this.group = group;
        this.terms = List.copyOf(terms);
        this.levels = List.copyOf(levels);
        this.values = DenseArrays.copy(values);
        if (conditionalCovariances != null) {
            for (double[] c : conditionalCovariances) {
                if (c.length != this.terms.size() * this.terms.size()) {
                    throw new IllegalArgumentException("a conditional covariance matrix of " + group + " has " + c.length
                            + " values for " + this.terms.size() + " terms");
                }
            }
        }
        this.conditionalCovariances = conditionalCovariances == null ? null : DenseArrays.copy(conditionalCovariances);
    }

    public String group() {
        return group;
    }

    public List<String> terms() {
        return terms;
    }

    public List<String> levels() {
        return levels;
    }

    /** The mode of one effect at one level. */
    public double value(int level, int term) {
        return values[level][term];
    }

    /** The modes of one level, one per term. */
    public double[] level(int level) {
        return values[level].clone();
    }

    /** Conditional variance of one effect at one level, or NaN when not computed. */
    public double conditionalVariance(int level, int term) {
        return conditionalCovariance(level, term, term);
    }

    /** Conditional covariance of two effects at one level, or NaN when not computed. */
    public double conditionalCovariance(int level, int term1, int term2) {
        return conditionalCovariances == null ? Double.NaN : conditionalCovariances[level][term1 * terms.size() + term2];
    }

    /**
     * A prediction interval for one random effect of one level: mode ± z·√(conditional variance),
     * the interval lme4 users draw from ranef(condVar = TRUE) (dotplot); NaN bounds without variances.
     *
     * @param confidence e.g. 0.95
     */
    public double[] predictionInterval(int level, int term, double confidence) {
        double z = confidence == 0.95 ? Z95 : normalQuantile(confidence); // once, not once per level and effect (shape f: 100,000)
        double half = z * Math.sqrt(conditionalVariance(level, term));
        return new double[]{value(level, term) - half, value(level, term) + half};
    }

    private static final double Z95 = normalQuantile(0.95);

    /** The standard normal quantile at (1 + confidence) / 2. */
    private static double normalQuantile(double confidence) {
        return new org.hipparchus.distribution.continuous.NormalDistribution(0, 1).inverseCumulativeProbability((1 + confidence) / 2);
    }

    public boolean hasConditionalVariances() {
        return conditionalCovariances != null;
    }
}
