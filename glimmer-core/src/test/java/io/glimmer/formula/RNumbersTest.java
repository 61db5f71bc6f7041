package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what R 4.x prints for deparse(x). */
class RNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "2, 2",
            "0.5, 0.5",
            "1e5, 1e+05",
            "10000, 10000",
            "100000, 1e+05",
            "123456, 123456",
            "120000, 120000",
            "0.001, 0.001",
            "1e-4, 1e-04",
            "0.0001234, 0.0001234",
            "1.5e-7, 1.5e-07",
            "2.5, 2.5",
            "100, 100",
            "1e15, 1e+15",
            "1e-300, 1e-300",
            "1.7976931348623157e308, 1.79769313486232e+308",
            "0.3333333333333333, 0.333333333333333",
            "3.14159, 3.14159",
            "-2, -2",
            "-1e5, -1e+05",
            "0, 0",
            "1234.5678, 1234.5678"})
    void formatsLikeRDeparse(double value, String expected) {
        assertEquals(expected, RNumbers.format(value));
    }

    @ParameterizedTest
    @CsvSource({"Infinity, Inf", "-Infinity, -Inf", "NaN, NaN"})
    void specialValues(double value, String expected) {
        assertEquals(expected, RNumbers.format(value));
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.2, 0.3"})
    void roundsToFifteenSignificantDigits(double a, double b, String expected) {
        assertEquals(expected, RNumbers.format(a + b));
    }
}
