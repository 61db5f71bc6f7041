package io.glimmer.data;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static io.glimmer.data.CsvTesting.assertContains;
import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.csv;
import static io.glimmer.data.CsvTesting.csvFails;
import static io.glimmer.data.CsvTesting.numeric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CsvOptions itself and the effect of its factors on reading. */
class CsvOptionsTest {

    @Test
    void defaultsHaveNoFactors() {
        assertTrue(CsvOptions.defaults().factors().isEmpty());
        assertEquals(CsvOptions.defaults(), CsvOptions.builder().build());
    }

    @Test
    void factorsKeepTheirOrderAndCannotBeChanged() {
        CsvOptions options = CsvOptions.builder().factor("b", "a").factor("b").build();
        assertEquals(List.of("b", "a"), List.copyOf(options.factors()));
        assertThrows(UnsupportedOperationException.class, () -> options.factors().add("c"));
    }

    @Test
    void theBuilderDoesNotChangeBuiltOptions() {
        CsvOptions.Builder builder = CsvOptions.builder().factor("a");
        CsvOptions first = builder.build();
        builder.factor("b");
        assertEquals(Set.of("a"), first.factors());
        assertEquals(Set.of("a", "b"), builder.build().factors());
    }

    @Test
    void factorsReplacesAndToBuilderCopies() {
        CsvOptions options = CsvOptions.builder().factor("a").factors(List.of("x", "y")).build();
        assertEquals(Set.of("x", "y"), options.factors());
        CsvOptions more = options.toBuilder().factor("z").build();
        assertEquals(Set.of("x", "y", "z"), more.factors());
        assertEquals(Set.of("x", "y"), options.factors());
        assertNotEquals(options, more);
        assertEquals(options, more.toBuilder().factors(List.of("x", "y")).build());
    }

    @Test
    void aFactorMakesANumericLookingColumnCategorical() {
        DataFrame df = csv("y,subject\n1.5,308\n2.5,10\n3.5,308\n", "subject");
        CategoricalColumn subject = categorical(df, "subject");
        assertEquals(List.of("10", "308"), subject.levels());
        assertArrayEquals(new int[] {1, 0, 1}, subject.codes());
        numeric(df, "y");
    }

    @Test
    void withoutTheFactorTheSameColumnIsNumeric() {
        assertArrayEquals(new double[] {308, 10, 308}, numeric(csv("y,subject\n1,308\n2,10\n3,308\n"), "subject").values());
    }

    @Test
    void aFactorThatIsAlreadyTextIsFine() {
        assertEquals(List.of("a", "b"), categorical(csv("g\nb\na\n", "g"), "g").levels());
    }

    @Test
    void anUnknownFactorNamesTheColumnAndListsTheColumns() {
        InputException e = csvFails("y,Subject,Days\n1,2,3\n", "subject");
        assertContains(e.getMessage(), "'subject'", "y, Subject, Days");
    }

    @Test
    void nullOptionsMeanDefaults() {
        DataFrame df = CsvReader.read(new StringReader("x\n1\n"), "s", null);
        numeric(df, "x");
    }
}
