package io.glimmer.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;

import java.io.StringReader;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A value that is not a number where one is needed: the message names column, data row and value. */
class NonNumericValueTest {
    private static final String GOOD = "y,x,g\n1.5,1,a\n2.5,2,a\n3,3,b\n3.5,4,b\n4,5,c\n";

    private static DataFrame csv(String text, String... factors) {
        return CsvReader.read(new StringReader(text), "d.csv", CsvOptions.builder().factor(factors).build());
    }

    /** The good data with one cell replaced: row r (1-based data row), column c (0-based). */
    private static String with(int row, int column, String value) {
        String[] lines = GOOD.split("\n");
        String[] cells = lines[row].split(",");
        cells[column] = value;
        lines[row] = String.join(",", cells);
        return String.join("\n", lines) + "\n";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("text in the response", csv(with(3, 0, "high")), "y ~ x + (1 | g)",
                        "d.csv: column 'y' is used where a number is needed, but row 3 has 'high', which is not a number"),
                Arguments.of("a decimal comma in the response", csv(with(2, 0, "\"2,5\"")), "y ~ x + (1 | g)",
                        "d.csv: column 'y' is used where a number is needed, but row 2 has '2,5', which is not a number (write the decimal mark as a point)"),
                Arguments.of("the first bad row counts, missing values skipped", csv(with(4, 0, "n/a").replace("1.5,", "NA,")),
                        "y ~ x + (1 | g)", "d.csv: column 'y' is used where a number is needed, but row 4 has 'n/a', which is not a number"),
                Arguments.of("text in a cbind count", csv(with(5, 0, "?")), "cbind(y, 10 - y) ~ x + (1 | g)",
                        "d.csv: column 'y' is used as a number in 'y', but row 5 has '?', which is not a number"),
                Arguments.of("text in a numeric predictor", csv(with(2, 1, "two")), "y ~ I(x^2) + (1 | g)",
                        "d.csv: column 'x' is used as a number in 'x', but row 2 has 'two', which is not a number"),
                Arguments.of("text in an offset", csv(with(1, 1, "zero")), "y ~ 1 + offset(log(x)) + (1 | g)",
                        "d.csv: column 'x' is used as a number in 'x', but row 1 has 'zero', which is not a number"),
                Arguments.of("a response named as a factor", csv(GOOD, "y"), "y ~ x + (1 | g)",
                        "d.csv: column 'y' is used where a number is needed, but its values are numbers but it is read as categorical (named as a factor)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMessageNamesColumnRowAndValue(String name, DataFrame data, String formula, String message) {
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, formula), name);
        assertEquals(message, e.getMessage());
    }
}
