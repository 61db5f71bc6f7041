package io.glimmer.glmm;

import io.glimmer.linalg.GroupedColumns;

/**
 * Which fixed effects Louis's information takes in the centred parameterisation (Gelfand, Sahu &amp;
 * Carlin 1995): a column of X that is constant within the levels of a random intercept (the intercept
 * itself, a subject-level covariate) moves into that term's mean, ũ_j = u_j + x_j'β_C ~ N(x_j'β_C, λ²),
 * leaving η = X₋β₋ + Zũ. The marginal likelihood and its observed information are the same; what
 * changes is the complete-data score of β_C, now X_L'u/λ² from the prior instead of the GLM's X'(y − μ)
 * summed over every row. With few binary rows a level (and with crossed terms, whose means trade off
 * along a ridge p(u | y) barely constrains) almost all of the GLM score's information on β_C is missing,
 * and Louis's difference E[−H] − Var[S] of two nearly equal large numbers is lost in Monte Carlo
 * error; in the centred form the missing fraction is that of the level means only. A column goes to the
 * random intercept with the most levels among those it is constant in.
 */
final class HierarchicalCentring {
    /** Per column of X: the term it is centred in, or −1. */
    private final int[] term;
    /** Per column: its value per level of that term (null where the column is not centred). */
    private final double[][] levelValues;

    /** Two or more random intercepts: crossed (or nested) terms whose means trade off along a ridge. */
    private final boolean crossed;

    private HierarchicalCentring(int[] term, double[][] levelValues, boolean crossed) {
        this.term = term;
        this.levelValues = levelValues;
        this.crossed = crossed;
    }

    static HierarchicalCentring of(GlmmData data) {
        int p = data.p();
        GroupedColumns[] terms = data.terms();
        int[] term = new int[p];
        double[][] values = new double[p][];
        for (int c = 0; c < p; c++) {
            term[c] = -1;
            for (int k = 0; k < terms.length; k++) {
                if (!data.unitZ(k) || (term[c] >= 0 && terms[k].levels() <= terms[term[c]].levels())) {
                    continue;
                }
                double[] v = levelColumn(data.x(), p, c, terms[k].codes(), terms[k].levels());
                if (v != null) {
                    term[c] = k;
                    values[c] = v;
                }
            }
        }
        int intercepts = 0;
        for (int k = 0; k < terms.length; k++) {
            intercepts += data.unitZ(k) ? 1 : 0;
        }
        return new HierarchicalCentring(term, values, intercepts >= 2);
    }

    boolean crossed() {
        return crossed;
    }

    /** The term column c is centred in, or −1. */
    int term(int c) {
        return term[c];
    }

    /** Column c's value at each level of its term. */
    double[] levelValues(int c) {
        return levelValues[c];
    }

    /** Column c's value per level, or null if it varies within a level (or a level has no rows). */
    private static double[] levelColumn(double[] x, int p, int c, int[] codes, int levels) {
        double[] v = new double[levels];
        boolean[] seen = new boolean[levels];
        for (int r = 0; r < codes.length; r++) {
            int j = codes[r];
            double value = x[r * p + c];
            if (!seen[j]) {
                v[j] = value;
                seen[j] = true;
            } else if (v[j] != value) {
                return null;
            }
        }
        for (boolean s : seen) {
            if (!s) {
                return null;
            }
        }
        return v;
    }
}
