package io.glimmer.data;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.csv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The level order: numeric when every level is a number, else code point order; text kept as written. */
class LevelsTest {

    private static List<String> sorted(String... levels) {
        return Levels.sorted(new LinkedHashSet<>(List.of(levels)));
    }

    @Test
    void numbersSortNumericallyNotAsText() {
        assertEquals(List.of("1", "2", "10", "100"), sorted("10", "2", "100", "1"));
    }

    @Test
    void numericSortHandlesSignsDecimalsExponentsAndInfinity() {
        assertEquals(List.of("-Inf", "-3", "0.5", "1e1", "12", "Inf"), sorted("12", "Inf", "0.5", "-3", "1e1", "-Inf"));
    }

    @Test
    void numericallyEqualTextsStayDistinctInCodePointOrder() {
        // Text is kept as written, so "1" and "1.0" are two levels; ties need a fixed order.
        assertEquals(List.of("01", "1", "1.0", "2"), sorted("2", "1.0", "1", "01"));
    }

    @Test
    void textSortsByCodePointSoUpperCaseComesFirst() {
        assertEquals(List.of("A", "B", "_", "a", "b"), sorted("b", "a", "_", "B", "A"));
    }

    @Test
    void oneNonNumberMakesTheWholeOrderTextual() {
        assertEquals(List.of("10", "2", "x"), sorted("2", "x", "10"));
    }

    @Test
    void prefixesComeFirstAndAccentsAfterAscii() {
        assertEquals(List.of("a", "ab", "z", "\u00e9"), sorted("\u00e9", "z", "ab", "a"));
    }

    @Test
    void codePointsAboveTheBasicPlaneSortLast() {
        String emoji = "\uD83D\uDE00"; // U+1F600, stored as two UTF-16 units starting 0xD83D
        String fullWidthA = "\uFF21";   // U+FF21; String.compareTo would put the emoji first
        assertTrue(emoji.compareTo(fullWidthA) < 0);
        assertTrue(Levels.compareCodePoints(emoji, fullWidthA) > 0);
        assertEquals(List.of(fullWidthA, emoji), sorted(emoji, fullWidthA));
    }

    @Test
    void compareCodePointsIsConsistent() {
        assertEquals(0, Levels.compareCodePoints("abc", "abc"));
        assertTrue(Levels.compareCodePoints("ab", "abc") < 0);
        assertTrue(Levels.compareCodePoints("abc", "ab") > 0);
        assertTrue(Levels.compareCodePoints("", "a") < 0);
    }

    @Test
    void columnCodesPointIntoTheSortedLevels() {
        CategoricalColumn g = Levels.column("g", java.util.Arrays.asList("10", "2", null, "10", "1"));
        assertEquals(List.of("1", "2", "10"), g.levels());
        assertArrayEquals(new int[] {2, 1, -1, 2, 0}, g.codes());
    }

    @Test
    void theReaderUsesTheSameRule() {
        assertEquals(List.of("1", "2", "10"), categorical(csv("g\n10\n2\n1\n", "g"), "g").levels());
        assertEquals(List.of("B", "a", "b"), categorical(csv("g\nb\na\nB\n"), "g").levels());
    }

    @Test
    void theReaderKeepsLevelTextAsWritten() {
        CategoricalColumn g = categorical(csv("k,g\n1,01\n2,1.50\n3, a\n", "g"), "g");
        // " a" is not a number, so the order is by code point: space < '0' < '1'.
        assertEquals(List.of(" a", "01", "1.50"), g.levels());
        CategoricalColumn h = categorical(csv("h\n01\n1.50\n", "h"), "h");
        assertEquals(List.of("01", "1.50"), h.levels());
    }
}
