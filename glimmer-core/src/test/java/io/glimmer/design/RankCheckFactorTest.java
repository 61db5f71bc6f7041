package io.glimmer.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rank check on X's triangular factor R (one pass over the rows) keeps the columns that Gram-Schmidt on X's own
 * n-vectors keeps, on random matrices with planted aliased, nearly aliased, zero and repeated columns.
 */
class RankCheckFactorTest {
    /** Relative sizes of the planted departures from an earlier column's span: far below and far above 1e-7. */
    private static final double[] DEPARTURES = {0, 1e-13, 1e-10, 1e-4, 1e-2};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void keepsTheColumnsGramSchmidtOnTheRowsKeeps(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 1 + rng.nextInt(1500);
        int p = 1 + rng.nextInt(9);
        double[] x = matrix(rng, n, p);
        int[] expected = RankCheck.independentColumns(x, n, p);
        int[] actual = RankCheck.independentColumns(new ModelMatrix(names(p), x, n));
        assertArrayEquals(expected, actual, "seed " + seed + ", n " + n + ", p " + p);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void theFactorsCrossProductIsTheMatrixs(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 300 + rng.nextInt(1000);
        int p = 1 + rng.nextInt(6);
        double[] x = matrix(rng, n, p);
        double[] r = RankCheck.triangularFactor(x, n, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double xx = 0;
                double scale = 0;
                for (int i = 0; i < n; i++) {
                    xx += x[i * p + a] * x[i * p + b];
                    scale += Math.abs(x[i * p + a] * x[i * p + b]);
                }
                double rr = 0;
                for (int k = 0; k <= Math.min(a, b); k++) {
                    rr += r[k * p + a] * r[k * p + b];
                }
                assertEquals(xx, rr, 1e-12 * Math.max(scale, 1e-300), "X'X[" + a + "," + b + "]");
            }
            for (int k = a + 1; k < p; k++) {
                assertEquals(0, r[k * p + a], "R below its diagonal");
            }
        }
    }

    /** Columns: random at mixed scales, or an earlier column's combination plus a small departure, zero, or ones. */
    private static double[] matrix(SplittableRandom rng, int n, int p) {
        double[] x = new double[n * p];
        for (int j = 0; j < p; j++) {
            int kind = j == 0 ? 0 : rng.nextInt(5);
            double scale = Math.pow(10, rng.nextInt(7) - 3);
            for (int i = 0; i < n; i++) {
                x[i * p + j] = switch (kind) {
                    case 0, 1 -> scale * gaussian(rng);
                    case 2 -> 0;
                    case 3 -> 1;
                    default -> Double.NaN; // filled below
                };
            }
            if (kind == 4) {
                int a = rng.nextInt(j);
                int b = rng.nextInt(j);
                double ca = gaussian(rng);
                double cb = gaussian(rng);
                double departure = DEPARTURES[rng.nextInt(DEPARTURES.length)];
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    double v = ca * x[i * p + a] + cb * x[i * p + b];
                    x[i * p + j] = v;
                    norm += v * v;
                }
                double size = departure * Math.sqrt(norm / n);
                for (int i = 0; i < n; i++) {
                    x[i * p + j] += size * gaussian(rng);
                }
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static java.util.List<String> names(int p) {
        return java.util.stream.IntStream.range(0, p).mapToObj(j -> "x" + j).toList();
    }
}
