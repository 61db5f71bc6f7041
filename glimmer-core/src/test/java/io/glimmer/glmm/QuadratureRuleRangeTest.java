package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** nAGQ outside the rules the generator makes is refused, naming the range, before any fitting. */
class QuadratureRuleRangeTest {

    @ParameterizedTest(name = "nAGQ {0}")
    @ValueSource(ints = {Integer.MIN_VALUE, -3, 0, 101, 500, 1000, Integer.MAX_VALUE})
    void outsideTheRangeIsRefused(int points) {
        InputException e = assertThrows(InputException.class, () -> QuadratureRule.normal(points, 1));
        assertEquals("nAGQ must be between 1 and 100 quadrature points per axis, not " + points, e.getMessage());
        assertEquals(2, e.exitStatus());
    }

    @Test
    void theEndsOfTheRangeGiveRulesThatIntegrateTheNormal() {
        for (int points : new int[] {1, 2, QuadratureRule.MAX_POINTS}) {
            QuadratureRule rule = QuadratureRule.normal(points, 1);
            assertEquals(points, rule.size());
            double mass = 0;
            double variance = 0;
            for (int k = 0; k < rule.size(); k++) {
                mass += rule.weight(k);
                variance += rule.weight(k) * rule.node(k)[0] * rule.node(k)[0];
            }
            assertEquals(1, mass, 1e-12, "weights sum to 1 at " + points + " points");
            assertEquals(points == 1 ? 0 : 1, variance, 1e-12, "E Z^2 at " + points + " points");
        }
        assertEquals(GeneralizedLinearMixedModel.MAX_NAGQ, QuadratureRule.MAX_POINTS);
    }

    @Test
    void aFitWithTooManyPointsIsRefusedWithTheRange() {
        DataFrame data = DataFrameBuilder.named("t.csv").numeric("y", 0, 1, 0, 1, 1, 0, 0, 1)
                .categorical("g", "a", "a", "b", "b", "c", "c", "d", "d").build();
        for (int points : new int[] {0, 1000}) {
            FitOptions options = FitOptions.builder().family("binomial").method(Method.AGQ).agqPoints(points).build();
            InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, "y ~ 1 + (1 | g)", options));
            assertTrue(e.getMessage().contains("nAGQ must be between 1 and 100"), e.getMessage());
        }
    }
}
