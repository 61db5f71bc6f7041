package io.glimmer.optim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A step is accepted when it is no worse up to rounding, whatever the sign of the objective. */
class DescentTest {
    @ParameterizedTest
    @ValueSource(doubles = {-847.86, -1e-3, 0, 2e-5, 1797.56})
    void roundingIsToleratedOnBothSigns(double previous) {
        double ulpish = 1e-15 * Math.abs(previous);
        assertTrue(Descent.noWorse(previous, previous));
        assertTrue(Descent.noWorse(previous + ulpish, previous));
        assertTrue(Descent.noWorse(previous - 1, previous));
        assertFalse(Descent.noWorse(previous + 1e-10 * Math.abs(previous) + 1e-12, previous));
    }
}
