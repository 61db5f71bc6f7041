package io.glimmer.linalg;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Random random-effects terms for the factorisation tests, given as the tests' CSV specs: the
 * number of levels and of columns per level of each term, e.g. "15;4" and "1;2".
 */
final class RandomTerms {
    final GroupedColumns[] terms;
    /** Per term, a lower-triangular q × q relative factor Λ (diagonal 0.3 to 1.3). */
    final double[][] lambda;
    final int n;

    /**
     * Terms over n = max(60, 4 × the most levels) rows, large enough for the blocked kernels: every
     * level used, first column 1 and the others standard normal, each term's Λ drawn after it.
     */
    RandomTerms(Random rnd, String levelSpec, String qSpec) {
        int[] levels = parse(levelSpec);
        int[] qs = parse(qSpec);
        int k = levels.length;
        n = Math.max(60, 4 * Arrays.stream(levels).max().orElse(0));
        terms = new GroupedColumns[k];
        lambda = new double[k][];
        for (int t = 0; t < k; t++) {
            int m = levels[t];
            int q = qs[t];
            terms[t] = term(n, m, q, rnd::nextInt, a -> a == 0 ? 1 : rnd.nextGaussian());
            lambda[t] = new double[q * q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b <= a; b++) {
                    lambda[t][a * q + b] = a == b ? 0.3 + rnd.nextDouble() : rnd.nextGaussian() * 0.5;
                }
            }
        }
    }

    /**
     * A term of m levels and q columns over n rows, every level used (row r &lt; m has level r, the
     * others {@code randomLevel} of m), row by row: the level, then {@code column} of each column index.
     */
    static GroupedColumns term(int n, int m, int q, IntUnaryOperator randomLevel, IntToDoubleFunction column) {
        int[] codes = new int[n];
        double[] z = new double[n * q];
        for (int r = 0; r < n; r++) {
            codes[r] = r < m ? r : randomLevel.applyAsInt(m);
            for (int a = 0; a < q; a++) {
                z[r * q + a] = column.applyAsDouble(a);
            }
        }
        return new GroupedColumns(m, q, codes, z);
    }

    /** "15;4" → {15, 4}. */
    static int[] parse(String spec) {
        return Arrays.stream(spec.split(";")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }
}
