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

/** "", "NA" and "NaN", quoted or not, are missing in numeric and categorical columns alike. */
class CsvReaderMissingTest {
    // Each form is written as the second field of a row, so that row is never a blank line.
    private static final String[] FORMS = {"", "NA", "NaN", "\"NA\"", "\"\"", "\"NaN\"", " NA ", "   "};

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "NaN", "\"NA\"", "\"\"", "\"NaN\"", " NA ", "   "})
    void missingInANumericColumn(String form) {
        NumericColumn x = numeric(csv("k,x\n1,1.5\n2," + form + "\n3,-2\n"), "x");
        assertEquals(1.5, x.get(0));
        assertTrue(x.isMissing(1));
        assertTrue(Double.isNaN(x.get(1)));
        assertEquals(-2, x.get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "NaN", "\"NA\"", "\"\"", "\"NaN\"", " NA ", "   "})
    void missingInACategoricalColumn(String form) {
        CategoricalColumn g = categorical(csv("k,g\n1,a\n2," + form + "\n3,b\n"), "g");
        assertEquals(List.of("a", "b"), g.levels());
        assertArrayEquals(new int[] {0, -1, 1}, g.codes());
        assertEquals(null, g.level(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "NaN"})
    void missingInAFactorColumn(String form) {
        CategoricalColumn g = categorical(csv("k,g\n1,2\n2," + form + "\n3,1\n", "g"), "g");
        assertEquals(List.of("1", "2"), g.levels());
        assertArrayEquals(new int[] {1, -1, 0}, g.codes());
    }

    @Test
    void allFormsTogether() {
        StringBuilder text = new StringBuilder("k,x\n");
        for (String form : FORMS) {
            text.append("1,").append(form).append('\n');
        }
        NumericColumn x = numeric(csv(text.toString()), "x");
        for (int i = 0; i < FORMS.length; i++) {
            assertTrue(x.isMissing(i), "row " + (i + 1));
        }
    }

    @Test
    void otherSpellingsAreLevelsNotMissing() {
        // R's read.csv only treats "NA" as missing (and NaN in numbers); "na", "N/A", "null" are text.
        CategoricalColumn g = categorical(csv("g\nna\nN/A\nnull\n.\n"), "g");
        assertEquals(List.of(".", "N/A", "na", "null"), g.levels());
        assertArrayEquals(new int[] {2, 1, 3, 0}, g.codes());
    }

    @Test
    void aMissingCellInTheLastColumnOfARow() {
        NumericColumn x = numeric(csv("k,x\n1,\n2,3\n"), "x");
        assertTrue(x.isMissing(0));
        assertEquals(3, x.get(1));
    }
}
