package io.glimmer.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.Glimmer;
import io.glimmer.reference.Reference;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConditionalModesTest {
    @Test
    void predictionIntervalIsModePlusMinusZTimesConditionalSd() {
        ConditionalModes m = new ConditionalModes("g", List.of("(Intercept)"), List.of("a", "b"),
                new double[][]{{1.0}, {-2.0}}, new double[][]{{4.0}, {0.25}});
        double[] a = m.predictionInterval(0, 0, 0.95);
        assertEquals(1 - 1.959963984540054 * 2, a[0], 1e-12);
        assertEquals(1 + 1.959963984540054 * 2, a[1], 1e-12);
        double[] b = m.predictionInterval(1, 0, 0.90);
        assertEquals(-2 + 1.6448536269514722 * 0.5, b[1], 1e-12);
    }

    @Test
    void sleepstudyModesHaveIntervalsAroundThem() {
        MixedModelFit fit = Glimmer.fit(Reference.data("sleepstudy.csv"), "Reaction ~ Days + (Days | Subject)");
        ConditionalModes m = fit.conditionalModes().get(0);
        assertTrue(m.hasConditionalVariances());
        for (int l = 0; l < m.levels().size(); l++) {
            double[] ci = m.predictionInterval(l, 1, 0.95);
            assertTrue(ci[0] < m.value(l, 1) && m.value(l, 1) < ci[1]);
        }
    }
}
