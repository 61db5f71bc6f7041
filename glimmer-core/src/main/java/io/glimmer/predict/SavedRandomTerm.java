package io.glimmer.predict;

import io.glimmer.linalg.DenseArrays;

import java.util.List;

/**
 * One random-effects term of a saved model: what a prediction needs of it.
 *
 * @param group      the grouping factor as the formula writes it ("Subject", "batch:cask")
 * @param terms      names of the effects ("(Intercept)", "Days")
 * @param covariance q × q covariance of the effects, on the scale of u (σ²λλ' or λλ')
 * @param levels     level names of the grouping factor in the training data
 * @param modes      [level][term] conditional modes
 */
public record SavedRandomTerm(String group, List<String> terms, double[][] covariance, List<String> levels, double[][] modes) {
    public SavedRandomTerm {
        terms = List.copyOf(terms);
        levels = List.copyOf(levels);
        covariance = DenseArrays.copy(covariance);
        modes = DenseArrays.copy(modes);
        if (covariance.length != terms.size() || modes.length != levels.size()) {
            throw new IllegalArgumentException("term '" + group + "': " + terms.size() + " effects and " + levels.size()
                    + " levels, but a " + covariance.length + "-row covariance and " + modes.length + " rows of modes");
        }
    }

    @Override
    public double[][] covariance() {
        return DenseArrays.copy(covariance);
    }

    @Override
    public double[][] modes() {
        return DenseArrays.copy(modes);
    }

    /** Number of effects per level. */
    public int q() {
        return terms.size();
    }

    /** z'Σz: the variance this term adds to a linear predictor with effect values z. */
    public double variance(double[] z, int offset) {
        double s = 0;
        for (int a = 0; a < terms.size(); a++) {
            for (int b = 0; b < terms.size(); b++) {
                s += z[offset + a] * covariance[a][b] * z[offset + b];
            }
        }
        return s;
    }

    /** The mode of effect a at a level. */
    double mode(int level, int a) {
        return modes[level][a];
    }

    /** Whether every effect is an intercept: the term shifts the linear predictor by one normal variable. */
    public boolean interceptOnly() {
        return terms.equals(List.of("(Intercept)"));
    }
}
