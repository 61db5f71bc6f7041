package io.glimmer.inference;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against lme4's confint(fit, method = "Wald", oldNames = FALSE) on sleepstudy (REML). */
class WaldIntervalsTest {
    @Test
    void fixedEffectsMatchLme4AndVarianceParametersHaveNone() {
        ConfidenceIntervals ci = WaldIntervals.of(Models.sleepstudy().fit(), 0.95);
        assertEquals("wald", ci.method());
        assertEquals(6, ci.intervals().size());
        assertEquals(238.029141, ci.get("(Intercept)").lower(), 1e-3);
        assertEquals(264.78107, ci.get("(Intercept)").upper(), 1e-3);
        assertEquals(7.437594, ci.get("Days").lower(), 1e-4);
        assertEquals(13.49698, ci.get("Days").upper(), 1e-4);
        assertFalse(ci.get("sd_(Intercept)|Subject").available());
        assertFalse(ci.get("sigma").available());
        assertTrue(ci.get("Days").available());
    }

    @Test
    void levelMustBeAProbability() {
        assertThrows(InputException.class, () -> WaldIntervals.of(Models.sleepstudy().fit(), 1.5));
        assertThrows(InputException.class, () -> WaldIntervals.of(Models.sleepstudy().fit(), 0));
    }
}
