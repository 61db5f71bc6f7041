package io.glimmer.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class FixedEffectsTableTest {
    private static final double[][] COV = {{0.25, 0.1}, {0.1, 4}};

    @Test
    void zTestsUseTheTwoSidedNormalTail() {
        List<FixedEffect> t = FixedEffectsTable.withZTests(List.of("(Intercept)", "x"), new double[]{0.98, -3}, COV);
        assertEquals(new FixedEffect("(Intercept)", 0.98, 0.5, 1.96, t.get(0).pValue()), t.get(0));
        assertEquals(0.04999579029644087, t.get(0).pValue(), 1e-15); // R: 2 * pnorm(-1.96)
        assertEquals(2, t.get(1).stdError(), 0);
        assertEquals(-1.5, t.get(1).statistic(), 0);
        assertEquals(0.1336144025377161, t.get(1).pValue(), 1e-15); // R: 2 * pnorm(-1.5)
    }

    @Test
    void linearMixedModelTableHasNoPValues() {
        List<FixedEffect> t = FixedEffectsTable.withoutPValues(List.of("a", "b"), new double[]{1, 2}, COV);
        assertEquals(2.0, t.get(0).statistic(), 0);
        assertEquals(1.0, t.get(1).statistic(), 0);
        assertNull(t.get(0).pValue());
        assertNull(t.get(1).pValue());
    }

    @Test
    void ownPValueSeesTheCoefficientAndItsStatistic() {
        List<FixedEffect> t = FixedEffectsTable.of(List.of("a", "b"), new double[]{1, 2}, COV, (j, s) -> j == 0 ? null : 10 * j + s);
        assertNull(t.get(0).pValue());
        assertEquals(11.0, t.get(1).pValue(), 0);
    }
}
