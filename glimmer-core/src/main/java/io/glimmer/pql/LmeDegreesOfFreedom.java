package io.glimmer.pql;

import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The denominator degrees of freedom nlme's lme gives each fixed effect (its getFixDF), which
 * glmmPQL's summary uses for the t tests. With grouping levels nested outer to inner, the strata
 * are the levels and the residual, with ng₁, ng₂ − ng₁, …, N − ng_Q degrees of freedom. A column
 * belongs to the innermost stratum within whose enclosing groups it varies; each stratum loses one
 * degree per column it holds, the outermost one more for the intercept, which gets the largest
 * remaining value. Also the degrees of freedom of nlme's nonlinear fits, on the linearised design.
 */
public final class LmeDegreesOfFreedom {
    private static final double CONSTANT_TOLERANCE = Math.sqrt(Math.ulp(1.0)); // nlme's sqrt(.Machine$double.eps)

    private LmeDegreesOfFreedom() {
    }

    /** One value per column of X, or null when the grouping factors are not nested (lme has no convention then). */
    public static int[] of(Design design) {
        List<RandomEffectsTerm> levels = nestedLevels(design);
        if (levels == null) {
            return null;
        }
        int n = design.rows();
        int p = design.p();
        int q = levels.size();
        int[] df = new int[q + 1];
        for (int k = 0; k <= q; k++) {
            df[k] = (k < q ? levels.get(k).levelCount() : n) - (k > 0 ? levels.get(k - 1).levelCount() : 0);
        }
        double[] x = design.x().values();
        int[] stratum = new int[p];
        boolean intercept = false;
        for (int j = 0; j < p; j++) {
            if (constant(x, j, p, n)) {
                stratum[j] = -1;
                intercept = true;
                continue;
            }
            int s = 0;
            for (int k = 0; k < q; k++) {
                if (variesWithinGroups(x, j, p, levels.get(k))) {
                    s = k + 1;
                }
            }
            stratum[j] = s;
            df[s]--;
        }
        if (intercept) {
            df[0]--;
        } else {
            for (int k = 1; k <= q; k++) {
                df[k]++; // nlme's correction when there is no intercept
            }
        }
        int largest = Integer.MIN_VALUE;
        for (int v : df) {
            largest = Math.max(largest, v);
        }
        int[] out = new int[p];
        for (int j = 0; j < p; j++) {
            out[j] = stratum[j] < 0 ? largest : df[stratum[j]];
        }
        return out;
    }

    /** Distinct grouping factors, fewest levels first, each nested in the previous; else null. */
    private static List<RandomEffectsTerm> nestedLevels(Design design) {
        Map<String, RandomEffectsTerm> byGroup = new LinkedHashMap<>();
        for (RandomEffectsTerm t : design.randomTerms()) {
            byGroup.putIfAbsent(t.group(), t);
        }
        List<RandomEffectsTerm> levels = new ArrayList<>(byGroup.values());
        levels.sort(Comparator.comparingInt(RandomEffectsTerm::levelCount));
        for (int k = 1; k < levels.size(); k++) {
            int[] outer = levels.get(k - 1).columns().codes();
            int[] inner = levels.get(k).columns().codes();
            int[] parent = new int[levels.get(k).levelCount()];
            java.util.Arrays.fill(parent, -1);
            for (int r = 0; r < inner.length; r++) {
                if (parent[inner[r]] < 0) {
                    parent[inner[r]] = outer[r];
                } else if (parent[inner[r]] != outer[r]) {
                    return null;
                }
            }
        }
        return levels;
    }

    /** nlme's const(): all values equal the first (relatively), or all zero. */
    private static boolean constant(double[] x, int j, int p, int n) {
        double first = x[j];
        for (int r = 0; r < n; r++) {
            double v = x[r * p + j];
            double d = first == 0 ? v : v / first - 1;
            if (!(Math.abs(d) < CONSTANT_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the column takes two values in some group of the level (nlme's inner_perc &gt; 0). */
    private static boolean variesWithinGroups(double[] x, int j, int p, RandomEffectsTerm level) {
        int[] codes = level.columns().codes();
        double[] first = new double[level.levelCount()];
        boolean[] seen = new boolean[level.levelCount()];
        for (int r = 0; r < codes.length; r++) {
            double v = x[r * p + j];
            int g = codes[r];
            if (!seen[g]) {
                seen[g] = true;
                first[g] = v;
            } else if (v != first[g]) {
                return true;
            }
        }
        return false;
    }
}
