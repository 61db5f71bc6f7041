package io.glimmer.inference;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parametric bootstrap on sleepstudy: reproducible, thread-count independent, close to Wald for a fixed effect. */
class ParametricBootstrapTest {
    static final int NSIM = 100;

    @Test
    void sameSeedSameReplicatesWhateverTheThreads() {
        BootstrapDistribution one = ParametricBootstrap.run(Models.sleepstudy(), 8, 99, 1, null);
        BootstrapDistribution again = ParametricBootstrap.run(Models.sleepstudy(), 8, 99, 1, null);
        BootstrapDistribution three = ParametricBootstrap.run(Models.sleepstudy(), 8, 99, 3, null);
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(one.replicates()[i], again.replicates()[i]);
            assertArrayEquals(one.replicates()[i], three.replicates()[i], "replicate " + i + " with 3 threads");
        }
        assertEquals(one.percentileIntervals(0.9), three.percentileIntervals(0.9));
        BootstrapDistribution other = ParametricBootstrap.run(Models.sleepstudy(), 2, 100, 2, null);
        assertTrue(other.replicates()[0][0] != one.replicates()[0][0], "another seed, other replicates");
    }

    @Test
    void fixedEffectIntervalIsCloseToWald() {
        AtomicInteger reported = new AtomicInteger();
        BootstrapDistribution boot = ParametricBootstrap.run(Models.sleepstudy(), NSIM, 2024, Runtime.getRuntime().availableProcessors(),
                n -> reported.accumulateAndGet(n, Math::max));
        assertEquals(NSIM, reported.get());
        assertEquals(0, boot.failed());
        ConfidenceIntervals b = boot.percentileIntervals(0.95);
        ConfidenceIntervals w = WaldIntervals.of(Models.sleepstudy().fit(), 0.95);
        for (String term : new String[]{"(Intercept)", "Days"}) {
            ConfidenceInterval bi = b.get(term);
            ConfidenceInterval wi = w.get(term);
            assertEquals(wi.lower(), bi.lower(), 0.15 * Math.abs(wi.lower()), term + " lower");
            assertEquals(wi.upper(), bi.upper(), 0.15 * Math.abs(wi.upper()), term + " upper");
            double width = wi.upper() - wi.lower();
            assertEquals(width, bi.upper() - bi.lower(), 0.25 * width, term + " width");
        }
        // every variance parameter gets an interval around its estimate (lme4 with nsim = 200: sigma 22.5 to 28.7)
        assertEquals(22.5, b.get("sigma").lower(), 1.5);
        assertEquals(28.7, b.get("sigma").upper(), 1.5);
        assertTrue(b.get("sd_Days|Subject").lower() > 0);
    }

    @Test
    void binomialGlmmRefits() {
        BootstrapDistribution boot = ParametricBootstrap.run(Models.cbpp(), 10, 5, 2, null);
        assertEquals(10, boot.nsim());
        ConfidenceIntervals ci = boot.percentileIntervals(0.95);
        double estimate = Models.cbpp().fit().beta("period2");
        assertTrue(ci.get("period2").lower() < estimate && estimate < ci.get("period2").upper(), ci.get("period2").toString());
    }

    @Test
    void failedRefitsAreCountedNotFatal() {
        RefittableModel m = Models.sleepstudy();
        AtomicInteger calls = new AtomicInteger();
        BootstrapDistribution boot = ParametricBootstrap.run(new ResponseSimulator(m), NamedParameters.of(m.fit()), y -> {
            if (calls.incrementAndGet() % 3 == 0) {
                throw new io.glimmer.error.GlimmerException("no convergence");
            }
            return m.fit();
        }, 9, 1, 2, null);
        assertEquals(3, boot.failed());
        assertEquals(java.util.List.of("no convergence"), boot.failures());
        assertEquals(9, boot.nsim());
        ConfidenceInterval days = boot.percentileIntervals(0.95).get("Days");
        assertEquals(m.fit().beta("Days"), days.lower(), 1e-12); // the six good replicates all return the fit itself
    }

    @Test
    void failedRefitsAreCountedAndLeftOutOfThePercentiles() {
        double[][] reps = {{1, 10}, {Double.NaN, Double.NaN}, {3, 30}, {2, 20}};
        BootstrapDistribution d = new BootstrapDistribution(java.util.List.of("a", "b"), new double[]{2, 20}, reps, 1, java.util.List.of("boom"));
        ConfidenceIntervals ci = d.percentileIntervals(0.5);
        // quantile(c(1, 3, 2), c(0.25, 0.75)) = 1.5, 2.5
        assertEquals(1.5, ci.get("a").lower(), 1e-12);
        assertEquals(2.5, ci.get("a").upper(), 1e-12);
        assertEquals(25, ci.get("b").upper(), 1e-12);
    }

    @Test
    void atLeastOneReplicate() {
        assertThrows(io.glimmer.error.InputException.class, () -> ParametricBootstrap.run(Models.sleepstudy(), 0, 1, 1, null));
    }
}
