package io.glimmer.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** η = offset + Xβ: each row summed from its offset in column order, with and without an offset. */
class LinearPredictorTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rowByRowSums(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 7;
        int p = 1 + rnd.nextInt(4);
        double[] x = new double[n * p];
        double[] beta = new double[p];
        double[] offset = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() * 4 - 2;
        }
        for (int j = 0; j < p; j++) {
            beta[j] = rnd.nextDouble() * 2 - 1;
        }
        for (int r = 0; r < n; r++) {
            offset[r] = rnd.nextDouble();
        }
        double[] expected = new double[n];
        double[] expectedNoOffset = new double[n];
        for (int r = 0; r < n; r++) {
            double s = offset[r];
            double t = 0;
            for (int j = 0; j < p; j++) {
                s += x[r * p + j] * beta[j];
                t += x[r * p + j] * beta[j];
            }
            expected[r] = s;
            expectedNoOffset[r] = t;
        }
        String[] names = new String[p];
        java.util.Arrays.setAll(names, j -> "x" + j);
        ModelMatrix m = new ModelMatrix(List.of(names), x, n);
        assertArrayEquals(expected, LinearPredictor.of(m, offset, beta), 0);
        assertArrayEquals(expectedNoOffset, LinearPredictor.of(m, null, beta), 0);
        double[] part = new double[n];
        LinearPredictor.fill(x, p, offset, beta, part, 2, 5);
        assertEquals(0, part[1], 0);
        assertEquals(expected[3], part[3], 0);
        assertEquals(0, part[5], 0);
        assertEquals(expected[4] + 1, LinearPredictor.row(x, p, 4, beta, offset[4] + 1), 1e-15);
    }
}
