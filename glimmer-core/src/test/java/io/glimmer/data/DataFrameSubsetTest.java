package io.glimmer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glimmer.error.InputException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Row subsetting, complete rows and dropping unused levels: the one implementation the estimators share. */
class DataFrameSubsetTest {
    private static DataFrame frame() {
        return DataFrame.of("t.csv", List.of(
                new NumericColumn("x", new double[]{1, Double.NaN, 3, 4}),
                new CategoricalColumn("g", new int[]{2, 0, -1, 2}, List.of("a", "b", "c"))));
    }

    @Test
    void subsetTakesTheRowsInOrderAndKeepsLevels() {
        DataFrame s = frame().subset(new int[]{3, 0});
        assertEquals(2, s.rows());
        assertEquals("t.csv", s.source());
        assertArrayEquals(new double[]{4, 1}, ((NumericColumn) s.column("x")).values(), 0);
        CategoricalColumn g = (CategoricalColumn) s.column("g");
        assertArrayEquals(new int[]{2, 2}, g.codes());
        assertEquals(List.of("a", "b", "c"), g.levels());
        assertEquals(List.of("c"), g.withoutUnusedLevels().levels());
        assertArrayEquals(new int[]{0, 0}, g.withoutUnusedLevels().codes());
    }

    @Test
    void completeRowsSkipMissingValuesOfTheNamedColumnsOnly() {
        assertArrayEquals(new int[]{0, 2, 3}, frame().completeRows(List.of("x")));
        assertArrayEquals(new int[]{0, 3}, frame().completeRows(List.of("x", "g")));
        assertArrayEquals(new int[]{0, 1, 2, 3}, frame().completeRows(List.of()));
        assertThrows(InputException.class, () -> frame().completeRows(List.of("nope")));
    }

    @Test
    void unusedLevelsDroppedKeepMissingCodes() {
        CategoricalColumn g = new CategoricalColumn("g", new int[]{2, -1, 0}, List.of("a", "b", "c"));
        assertEquals(List.of("a", "c"), g.withoutUnusedLevels().levels());
        assertArrayEquals(new int[]{1, -1, 0}, g.withoutUnusedLevels().codes());
    }
}
