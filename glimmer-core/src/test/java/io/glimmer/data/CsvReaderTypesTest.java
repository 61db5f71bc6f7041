package io.glimmer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.csv;
import static io.glimmer.data.CsvTesting.numeric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which columns are numeric and which categorical, and the values read. */
class CsvReaderTypesTest {

    @Test
    void decimalsExponentsAndSignsAreNumeric() {
        DataFrame df = csv("x\n1\n-2.5\n+3\n1e-5\n2E+3\n.5\n7.\n-0.25e2\n");
        assertArrayEquals(new double[] {1, -2.5, 3, 1e-5, 2000, 0.5, 7, -25}, numeric(df, "x").values());
    }

    @Test
    void spacesAroundNumbersAreIgnored() {
        DataFrame df = csv("a,b\n 1 , 2\n3 ,\t4\n");
        assertArrayEquals(new double[] {1, 3}, numeric(df, "a").values());
        assertArrayEquals(new double[] {2, 4}, numeric(df, "b").values());
    }

    @Test
    void quotedNumbersAreNumbersLikeInR() {
        DataFrame df = csv("x\n\"1\"\n\"2.5\"\n");
        assertArrayEquals(new double[] {1, 2.5}, numeric(df, "x").values());
    }

    @Test
    void infinitiesAreReadAsInR() {
        DataFrame df = csv("x\nInf\n-Inf\n+Inf\ninf\nInfinity\n-infinity\n1\n");
        assertArrayEquals(new double[] {
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1}, numeric(df, "x").values());
    }

    @Test
    void hugeExponentOverflowsToInfinityLikeR() {
        assertEquals(Double.POSITIVE_INFINITY, numeric(csv("x\n1e400\n"), "x").get(0));
    }

    @Test
    void oneNonNumericCellMakesTheColumnCategorical() {
        CategoricalColumn x = categorical(csv("x\n10\n9\nabc\n9\n"), "x");
        // Not all levels are numbers, so code point order: "10" < "9" < "abc".
        assertEquals(List.of("10", "9", "abc"), x.levels());
        assertArrayEquals(new int[] {0, 1, 2, 1}, x.codes());
    }

    /** Texts that Java's parseDouble or a loose parser might accept but R's read.csv reads as text. */
    @ParameterizedTest
    @ValueSource(strings = {"0x1A", "1d", "1f", "1e", "e5", "--1", "1.2.3", "1,000", "TRUE", "1L", "NaNa", "Inf1", "1 2", "."})
    void notNumbers(String cell) {
        String quoted = "\"" + cell + "\"";
        CategoricalColumn x = categorical(csv("x\n1\n" + quoted + "\n"), "x");
        assertTrue(x.levels().contains(cell), () -> x.levels().toString());
    }

    @Test
    void anAllMissingColumnIsNumeric() {
        NumericColumn x = numeric(csv("x,y\nNA,1\n,2\nNaN,3\n"), "x");
        assertTrue(x.isMissing(0) && x.isMissing(1) && x.isMissing(2));
    }

    @Test
    void columnsKeepTheirOrderAndLength() {
        DataFrame df = csv("y,g,x\n1,a,2\n3,b,4\n");
        assertEquals(List.of("y", "g", "x"), df.names());
        assertEquals(2, df.rows());
        assertEquals(CsvTesting.SOURCE, df.source());
    }
}
