package io.glimmer.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written cell scanner against the rule it implements (a regular expression) and Java's own parser. */
class CellsTest {
    // The rule, as R's type.convert: decimal with optional sign, point and exponent; or Inf/Infinity in any case.
    private static final Pattern DECIMAL = Pattern.compile("\\s*[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*");
    private static final Pattern INFINITY = Pattern.compile("\\s*[+-]?(?i:inf|infinity)\\s*");

    /** Random cells built from the characters that matter, many of them numbers of every length and exponent. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void acceptsExactlyTheDecimalsAndParsesThemBitForBit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "0123456789012345678901234567890123456789..eE+-  xI";
        for (int k = 0; k < 20_000; k++) {
            String cell = k % 2 == 0 ? number(random) : randomText(random, alphabet);
            boolean number = DECIMAL.matcher(cell).matches() || INFINITY.matcher(cell).matches();
            assertEquals(number, Cells.isNumber(cell), () -> "isNumber('" + cell + "')");
            if (number && DECIMAL.matcher(cell).matches()) {
                double expected = Double.parseDouble(cell.trim());
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Cells.toDouble(cell)),
                        () -> "value of '" + cell + "': " + expected + " vs " + Cells.toDouble(cell));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Inf", "inf", "+INF", "Infinity", " -infinity "})
    void infinities(String cell) {
        assertTrue(Double.isInfinite(Cells.toDouble(cell)));
        assertEquals(cell.contains("-"), Cells.toDouble(cell) < 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "NA", "NaN", ".", "-", "1e", "1e+", "0x10", "10L", "1,5", "infin", "1 2", "e5", "--1"})
    void notNumbers(String cell) {
        assertFalse(Cells.isNumber(cell), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "-0.0", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.1", "4.35",
            "9007199254740993", "1.7976931348623157e308", "4.9e-324", "000000000000000000000012.5000000000000000000000"})
    void edgeCasesAgreeWithJava(String cell) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)), Double.doubleToRawLongBits(Cells.toDouble(cell)), cell);
    }

    private static String number(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(4) == 0) {
            s.append(random.nextBoolean() ? '-' : '+');
        }
        int intDigits = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 22);
        for (int i = 0; i < intDigits; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        if (intDigits == 0 || random.nextBoolean()) {
            s.append('.');
            int frac = (intDigits == 0 ? 1 : 0) + random.nextInt(random.nextBoolean() ? 5 : 25);
            for (int i = 0; i < frac; i++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(3) == 0) {
            s.append(random.nextBoolean() ? 'e' : 'E');
            if (random.nextBoolean()) {
                s.append(random.nextBoolean() ? '-' : '+');
            }
            s.append(random.nextInt(random.nextBoolean() ? 30 : 400));
        }
        return s.toString();
    }

    private static String randomText(SplittableRandom random, String alphabet) {
        int length = random.nextInt(8);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
