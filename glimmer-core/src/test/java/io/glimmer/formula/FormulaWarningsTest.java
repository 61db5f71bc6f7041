package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formula.warnings(): a random-effects term written more than once is fitted, but said. */
class FormulaWarningsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "y ~ x + (1 | S) + (1 | S); 1 | S; twice",
            "y ~ x + (1|S) + (1 | S) + ( 1 | S ); 1 | S; 3 times",
            "y ~ (Days | S) + (1 + Days | S); 1 + Days | S; twice",
            "y ~ (1 | a/b) + (1 | a); 1 | a; twice",
            "y ~ (x || g) + (1 | g); 1 | g; twice",
            "y ~ (1 | a:b) + (1 | a:b); 1 | a:b; twice"})
    void aRepeatedTermIsNamedWithItsCount(String formula, String term, String count) {
        assertEquals(List.of("random-effects term (" + term + ") appears " + count
                        + "; each copy gets its own variance and only their sum is identified (remove the repeats)"),
                Formula.parse(formula).warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "y ~ x + (1 | S)",
            "y ~ x + (1 | S) + (0 + x | S)",
            "y ~ (1 | a/b)",
            "y ~ (x || g)",
            "y ~ (1 | a) + (1 | b)",
            "y ~ x + S"})
    void distinctTermsGiveNone(String formula) {
        assertEquals(List.of(), Formula.parse(formula).warnings());
    }

    @Test
    void eachRepeatedTermGetsItsOwnWarningInOrder() {
        List<String> w = Formula.parse("y ~ (1 | b) + (1 | a) + (1 | b) + (1 | a) + (1 | c)").warnings();
        assertEquals(2, w.size());
        assertEquals(true, w.get(0).startsWith("random-effects term (1 | b)"));
        assertEquals(true, w.get(1).startsWith("random-effects term (1 | a)"));
    }
}
