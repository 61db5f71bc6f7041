package io.glimmer.lmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.MixedModelFit;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Linear mixed models the data cannot identify are refused with one line naming the reason. */
class LinearModelInputTest {
    static Stream<Arguments> cases() {
        DataFrame oneLevel = DataFrameBuilder.named("t").numeric("y", 1, 2, 3, 4).numeric("x", 1, 2, 3, 5)
                .categorical("g", "a", "a", "a", "a").build();
        DataFrame asManyLevels = DataFrameBuilder.named("t").numeric("y", 1, 2, 3, 4).numeric("x", 1, 2, 3, 5)
                .categorical("g", "a", "b", "c", "d").build();
        DataFrame fewRows = DataFrameBuilder.named("t").numeric("y", 1, 2, 3, 4, 5, 6).numeric("x", 1, 2, 3, 5, 4, 1)
                .numeric("z", 1, 0, 3, 2, 7, 1).categorical("g", "a", "a", "b", "b", "c", "c").build();
        DataFrame text = DataFrameBuilder.named("t").categorical("y", "1", "2", "high", "4").categorical("g", "a", "a", "b", "b").build();
        DataFrame constant = DataFrameBuilder.named("t").numeric("y", 3, 3, 3, 3).categorical("g", "a", "a", "b", "b").build();
        return Stream.of(
                Arguments.of("one-level grouping factor", oneLevel, "y ~ x + (1 | g)", "single level"),
                Arguments.of("as many levels as observations", asManyLevels, "y ~ x + (1 | g)", "4 levels for 4 observations"),
                Arguments.of("more random effects than observations", fewRows, "y ~ 1 + (1 + x + z | g)", "9 random effects for 6 observations"),
                Arguments.of("text in a numeric response", text, "y ~ 1 + (1 | g)", "'y'"),
                Arguments.of("constant response", constant, "y ~ 1 + (1 | g)", "constant"),
                Arguments.of("no random effects", constant, "y ~ 1", "random-effects term"),
                Arguments.of("unknown column", constant, "y ~ w + (1 | g)", "'w'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(String name, DataFrame data, String formula, String mentions) {
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, formula), name);
        assertTrue(e.getMessage().contains(mentions), name + ": " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void rowsWithMissingValuesAreDroppedAndCounted() {
        DataFrame d = DataFrameBuilder.named("t")
                .numeric("y", 1, 2, Double.NaN, 4, 5, 6, 7, 9.5)
                .numeric("x", 1, 2, 3, Double.NaN, 5, 6, 7, 8)
                .categorical("g", "a", "a", "b", "b", "c", null, "d", "d")
                .build();
        MixedModelFit fit = Glimmer.fit(d, "y ~ x + (1 | g)", FitOptions.defaults());
        assertEquals(3, fit.nDropped());
        assertEquals(5, fit.nObs());
        assertEquals(3, fit.groups().get("g")); // 'b' lost all its rows: an unused level is dropped
    }
}
