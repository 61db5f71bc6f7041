package io.glimmer.inference;

import io.glimmer.fit.MixedModelFit;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated responses: shape, reproducibility, and the moments the fitted model implies. */
class ResponseSimulatorTest {
    @Test
    void oneValuePerRowAndReproducible() {
        ResponseSimulator sim = new ResponseSimulator(Models.sleepstudy());
        double[][] a = sim.simulate(3, 42);
        double[][] b = sim.simulate(3, 42);
        assertEquals(3, a.length);
        assertEquals(180, a[0].length);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertTrue(a[0][0] != a[1][0], "replicates differ");
        assertArrayEquals(a[1], sim.simulate(new SplittableRandom(ReplicateSeeds.of(42, 2)[1])), "replicate i uses the i-th seed");
    }

    @Test
    void linearModelMomentsFollowTheFit() {
        // Day 0 of every subject: mean β0, variance σ_0² + σ² (lme4: 24.74² + 25.59²)
        RefittableModel m = Models.sleepstudy();
        MixedModelFit fit = m.fit();
        double[][] y = new ResponseSimulator(m).simulate(2000, 7);
        double s = 0;
        double ss = 0;
        int n = 0;
        double[] days = m.design().frame().numeric(new io.glimmer.formula.Expr.Variable("Days"));
        for (double[] rep : y) {
            for (int r = 0; r < rep.length; r++) {
                if (days[r] == 0) {
                    s += rep[r];
                    ss += rep[r] * rep[r];
                    n++;
                }
            }
        }
        double mean = s / n;
        double var = ss / n - mean * mean;
        double sd0 = fit.randomEffects().get(0).stdDev();
        double expectedVar = sd0 * sd0 + fit.residualStdDev() * fit.residualStdDev();
        assertEquals(fit.beta("(Intercept)"), mean, 5 * Math.sqrt(expectedVar / 2000), "mean at day 0");
        assertEquals(expectedVar, var, 0.1 * expectedVar, "variance at day 0");
    }

    @Test
    void binomialGivesProportionsOfWholeTrials() {
        RefittableModel m = Models.cbpp();
        ResponseSimulator sim = new ResponseSimulator(m);
        double[] y = sim.simulate(new SplittableRandom(3));
        double[] w = m.weights();
        double[] successes = sim.asData(y);
        for (int r = 0; r < y.length; r++) {
            assertTrue(y[r] >= 0 && y[r] <= 1);
            assertEquals(successes[r], y[r] * w[r], 1e-9);
            assertEquals(Math.rint(successes[r]), successes[r]);
        }
    }
}
