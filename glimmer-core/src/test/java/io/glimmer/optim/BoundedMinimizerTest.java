package io.glimmer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** BOBYQA's answer is the best point evaluated, exactly as evaluated, and there is always one. */
class BoundedMinimizerTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void returnsTheBestEvaluatedPointOfAShiftedQuadratic(int seed) {
        Random rnd = new Random(seed);
        double[] centre = {0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble(), rnd.nextDouble()};
        List<double[]> seen = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        ToDoubleFunction<double[]> f = x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += (i + 1) * (x[i] - centre[i]) * (x[i] - centre[i]);
            }
            seen.add(x.clone());
            values.add(s);
            return s;
        };
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(f, new double[]{1, 1, 1}, new double[]{0, 0, 0},
                new double[]{10, 10, 10}, 0.2, 1e-8);
        assertArrayEquals(centre, r.x(), 1e-6);
        double best = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, r.value(), 0.0);
        assertTrue(seen.stream().anyMatch(x -> java.util.Arrays.equals(x, r.x())), "the answer was evaluated as it is");
        assertEquals(seen.size(), r.evaluations());
    }

    @Test
    void anObjectiveThatIsNeverFiniteStillGivesAPoint() {
        double[] start = {1, 2};
        BoundedMinimizer.Result inf = BoundedMinimizer.minimize(x -> Double.POSITIVE_INFINITY, start,
                new double[]{0, 0}, new double[]{5, 5}, 0.2, 1e-6);
        assertNotNull(inf.x());
        assertFalse(inf.converged());
        BoundedMinimizer.Result nan = BoundedMinimizer.minimize(x -> Double.NaN, start,
                new double[]{0, 0}, new double[]{5, 5}, 0.2, 1e-6);
        assertNotNull(nan.x());
        assertEquals(Double.POSITIVE_INFINITY, nan.value());
        assertFalse(nan.converged());
    }
}
