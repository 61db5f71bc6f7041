package io.glimmer.correlation;

import io.glimmer.error.InputException;
import io.glimmer.correlation.CorrelationSpec.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationSpecTest {
    @Test
    void parsesTheThreeStructures() {
        CorrelationSpec a = CorrelationSpec.parse("ar1(Time | Cow)");
        assertEquals(Structure.AR1, a.structure());
        assertEquals("Time", a.time());
        assertEquals("Cow", a.group());
        assertEquals(5, a.timeAt());
        assertEquals(12, a.groupAt());
        CorrelationSpec e = CorrelationSpec.parse("  exp ( t_2|g.1 ) ");
        assertEquals(Structure.EXP, e.structure());
        assertEquals("t_2", e.time());
        assertEquals("g.1", e.group());
        CorrelationSpec c = CorrelationSpec.parse("cs(1|Subject)");
        assertEquals(Structure.CS, c.structure());
        assertNull(c.time());
    }

    @Test
    void acceptsPositionsNlmeNamesAndBackquotes() {
        assertNull(CorrelationSpec.parse("AR1(1 | g)").time());
        assertEquals(Structure.EXP, CorrelationSpec.parse("corExp(t | g)").structure());
        assertEquals(Structure.CS, CorrelationSpec.parse("corCompSymm(1 | g)").structure());
        CorrelationSpec q = CorrelationSpec.parse("ar1(`week no` | `cow id`)");
        assertEquals("week no", q.time());
        assertEquals("cow id", q.group());
        assertEquals("ar1(week no | cow id)", q.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "ar1(Time Cow); expected '|' but found 'Cow' at character 10",
        "ar1 Time | Cow; expected '(' but found 'Time' at character 5",
        "ar1(Time | Cow; expected ')' but found the end at character 15",
        "ar1(Time | Cow) x; expected the end but found 'x' at character 17",
        "ar1(Time); missing '| GROUP': a grouping column is needed at character 9",
        "ar1(| Cow); expected a time column or '1' but found '|' at character 5",
        "ar1(Time | ); expected a grouping column but found ')' at character 12",
        "arma(Time | Cow); unknown correlation structure 'arma' (choose ar1, exp or cs) at character 1",
        "ar1(Time | Cow) + x; unexpected character '+' at character 17",
        "ar1(Time | Cow:Diet); unexpected character ':' at character 15",
        "cs(Time | Cow); compound symmetry has no time: write cs(1 | Cow) instead of 'Time' at character 4",
        "ar1(`Time | Cow); unterminated backquote at character 5",
        "(Time | Cow); expected a structure name but found '(' at character 1"})
    void malformedSpecsSayWhereAndWhat(String spec, String message) {
        InputException e = assertThrows(InputException.class, () -> CorrelationSpec.parse(spec));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("correlation('" + spec + "')"), e.getMessage());
        assertEquals(2, e.exitStatus());
    }

    @Test
    void blankSpecIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> CorrelationSpec.parse("  "));
        assertTrue(e.getMessage().contains("empty specification"), e.getMessage());
    }
}
