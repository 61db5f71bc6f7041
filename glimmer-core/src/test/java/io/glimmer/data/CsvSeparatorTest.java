package io.glimmer.data;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.List;

import static io.glimmer.data.CsvTesting.SOURCE;
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

/** The field separator: detected from the header (comma, tab, semicolon) or set in CsvOptions. */
class CsvSeparatorTest {

    private static DataFrame read(String text, Character separator) {
        return CsvReader.read(new StringReader(text), SOURCE, CsvOptions.builder().separator(separator).build());
    }

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(strings = {",", "\t", ";"})
    void eachSeparatorIsDetectedFromTheHeader(String sep) {
        String text = String.join(sep, "Reaction", "Days", "Subject") + "\n"
                + String.join(sep, "249.56", "0", "308") + "\n"
                + String.join(sep, "258.7047", "1", "309") + "\n";
        DataFrame df = csv(text);
        assertEquals(List.of("Reaction", "Days", "Subject"), df.names());
        assertArrayEquals(new double[] {249.56, 258.7047}, numeric(df, "Reaction").values());
        assertArrayEquals(new double[] {0, 1}, numeric(df, "Days").values());
    }

    @Test
    void aSemicolonFileKeepsCommasInsideItsCells() {
        // A European spreadsheet: semicolons between fields, so a comma in a cell is text.
        DataFrame df = csv("y;label\n1;Smith, J.\n2;Doe, A.\n");
        assertEquals(List.of("Doe, A.", "Smith, J."), categorical(df, "label").levels());
    }

    @Test
    void separatorsInsideQuotedHeaderNamesDoNotCount() {
        // Two commas outside quotes, three semicolons inside: comma wins.
        DataFrame df = csv("\"a;b;c;d\",y,g\n1,2,\"x;y\"\n3,4,z\n");
        assertEquals(List.of("a;b;c;d", "y", "g"), df.names());
        assertEquals(List.of("x;y", "z"), categorical(df, "g").levels());
    }

    @Test
    void aQuotedCellMayHoldAnotherSeparator() {
        DataFrame df = csv("y\tnote\n1\t\"a,b;c\"\n2\tplain\n");
        assertEquals(List.of("a,b;c", "plain"), categorical(df, "note").levels());
    }

    @Test
    void aQuotedHeaderNameMayHoldALineBreak() {
        DataFrame df = csv("\"first\nname\";y\n1;2\n");
        assertEquals(List.of("first\nname", "y"), df.names());
    }

    @Test
    void leadingBlankLinesAreSkippedBeforeTheHeaderIsJudged() {
        DataFrame df = csv("\n  \ny;g\n1;a\n");
        assertEquals(List.of("y", "g"), df.names());
    }

    @Test
    void theMostFrequentSeparatorOfTheHeaderWins() {
        DataFrame df = csv("a;b;c,d\n1;2;3,5\n");
        assertEquals(List.of("a", "b", "c,d"), df.names());
    }

    @Test
    void aTieAndASingleColumnAreComma() {
        assertEquals(List.of("a;b", "c"), csv("a;b,c\n1;2,3\n").names());
        assertEquals(List.of("y"), csv("y\n1\n2\n").names());
    }

    @Test
    void anExplicitSeparatorOverridesDetection() {
        // Detection would choose the semicolon (two against one); the caller says comma.
        DataFrame df = read("note;x;y,z\nx;y;z,3\n", ',');
        assertEquals(List.of("note;x;y", "z"), df.names());
        assertArrayEquals(new double[] {3}, numeric(df, "z").values());
        DataFrame tab = read("a,b\tc\n1,2\t3\n", '\t');
        assertEquals(List.of("a,b", "c"), tab.names());
    }

    @Test
    void aRaggedRowNamesADetectedSeparatorOtherThanComma() {
        InputException e = csvFails("y;x;g\n1;2\n");
        assertContains(e.getMessage(), "row 1 (line 2) has 2 fields, the header has 3", "(fields separated by ';')");
        InputException tab = csvFails("y\tx\n1\t2\t3\n");
        assertContains(tab.getMessage(), "(fields separated by tab)");
        assertTrue(!csvFails("y,x\n1\n").getMessage().contains("separated"), "comma needs no mention");
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(chars = {'"', '\n', '\r', 'a', '7', '.', '-', '+'})
    void charactersOfValuesCannotSeparate(char c) {
        InputException e = assertThrows(InputException.class, () -> CsvOptions.builder().separator(c));
        assertContains(e.getMessage(), "a field separator cannot be");
    }

    @Test
    void theSeparatorIsPartOfTheOptions() {
        CsvOptions semicolon = CsvOptions.builder().separator(';').build();
        assertEquals(';', semicolon.separator().orElseThrow());
        assertTrue(CsvOptions.defaults().separator().isEmpty());
        assertNotEquals(CsvOptions.defaults(), semicolon);
        assertEquals(semicolon, semicolon.toBuilder().build());
        assertEquals(semicolon.hashCode(), CsvOptions.builder().separator(';').build().hashCode());
        assertEquals("tab", CsvOptions.describe('\t'));
        assertContains(semicolon.toString(), "separator=';'");
    }
}
