package io.glimmer.data;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.glimmer.data.CsvTesting.assertContains;
import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.csv;
import static io.glimmer.data.CsvTesting.numeric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building a frame in Java code, with the reader's level order. */
class DataFrameBuilderTest {

    @Test
    void buildsNumericAndCategoricalColumns() {
        DataFrame df = DataFrameBuilder.named("my data")
                .numeric("y", 1.5, Double.NaN, 3)
                .categorical("g", "b", null, "a")
                .build();
        assertEquals("my data", df.source());
        assertEquals(List.of("y", "g"), df.names());
        assertEquals(3, df.rows());
        NumericColumn y = numeric(df, "y");
        assertTrue(y.isMissing(1));
        CategoricalColumn g = categorical(df, "g");
        assertEquals(List.of("a", "b"), g.levels());
        assertArrayEquals(new int[] {1, -1, 0}, g.codes());
    }

    @Test
    void levelsSortLikeTheReader() {
        String[] values = {"10", "2", "1", "2"};
        CategoricalColumn built = categorical(DataFrameBuilder.named("b").categorical("g", values).build(), "g");
        CategoricalColumn read = categorical(csv("g\n10\n2\n1\n2\n", "g"), "g");
        assertEquals(List.of("1", "2", "10"), built.levels());
        assertEquals(read.levels(), built.levels());
        assertArrayEquals(read.codes(), built.codes());
        assertEquals(List.of("B", "a", "b"),
                categorical(DataFrameBuilder.named("b").categorical("g", "b", "a", "B").build(), "g").levels());
    }

    @Test
    void valuesAreCopied() {
        double[] values = {1, 2};
        DataFrameBuilder builder = DataFrameBuilder.named("b").numeric("y", values);
        values[0] = 99;
        assertEquals(1, numeric(builder.build(), "y").get(0));
    }

    @Test
    void columnsOfDifferentLengthsAreRejected() {
        InputException e = assertThrows(InputException.class,
                () -> DataFrameBuilder.named("b").numeric("y", 1, 2).categorical("g", "a").build());
        assertContains(e.getMessage(), "b:", "'g'");
    }

    @Test
    void repeatedNamesAreRejected() {
        InputException e = assertThrows(InputException.class,
                () -> DataFrameBuilder.named("b").numeric("y", 1).numeric("y", 2).build());
        assertContains(e.getMessage(), "duplicated", "'y'");
    }

    @Test
    void emptyNamesAreRejected() {
        assertThrows(InputException.class, () -> DataFrameBuilder.named("b").numeric(" ", 1));
        assertThrows(InputException.class, () -> DataFrameBuilder.named("b").categorical(null, "a"));
    }

    @Test
    void anEmptyBuilderGivesAnEmptyFrame() {
        DataFrame df = DataFrameBuilder.named("b").build();
        assertEquals(0, df.rows());
        assertTrue(df.names().isEmpty());
    }
}
