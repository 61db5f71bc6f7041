package io.glimmer.inference;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pairs of models are nested, and what the comparison does with the pairs that are not. */
class NestingTest {
    static DataFrame sleepstudy;

    @BeforeAll
    static void read() {
        sleepstudy = CsvReader.read(Reference.data("sleepstudy.csv"), CsvOptions.builder().build());
    }

    private static Nesting nesting(String smaller, String larger) {
        return Nesting.of(Design.of(sleepstudy, Formula.parse(smaller), null), Design.of(sleepstudy, Formula.parse(larger), null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Reaction ~ Days + (1 | Subject); Reaction ~ Days + (Days | Subject)",
            "Reaction ~ 1 + (1 | Subject); Reaction ~ Days + (1 | Subject)",
            "Reaction ~ Days + (Days || Subject); Reaction ~ Days + (Days | Subject)",
            "Reaction ~ Days + (0 + Days | Subject); Reaction ~ Days + (Days | Subject)",
            "Reaction ~ Days + (1 | Subject); Reaction ~ Days + I(Days^2) + (Days + I(Days^2) | Subject)",
            "Reaction ~ Days + (1 | Subject); Reaction ~ Days + (1 | Subject)"})
    void nestedPairs(String smaller, String larger) {
        Nesting n = nesting(smaller, larger);
        assertTrue(n.nested(), n.reason());
        assertEquals("", n.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Reaction ~ Days + (1 | Subject); Reaction ~ Days + (0 + Days | Subject); (1 | Subject)",
            "Reaction ~ Days + (1 | Subject); Reaction ~ 1 + (Days | Subject); fixed effect Days",
            // the correlation of (Days | Subject) has no place in two uncorrelated terms
            "Reaction ~ Days + (Days | Subject); Reaction ~ Days + (Days || Subject) + (0 + I(Days^2) | Subject); (1 + Days | Subject)",
            "Reaction ~ 0 + Days + (1 | Subject); Reaction ~ Days + offset(Days) + (1 | Subject); offsets differ",
            "Reaction ~ Days + (1 | Subject); Days ~ Reaction + (1 | Subject); responses differ"})
    void pairsThatAreNotNested(String smaller, String larger, String reason) {
        Nesting n = nesting(smaller, larger);
        assertFalse(n.nested());
        assertTrue(n.reason().contains(reason), n.reason());
    }

    @Test
    void differentRowsAreNotNested() {
        double[] days = ((NumericColumn) sleepstudy.column("Days")).values();
        DataFrame missing = DataFrameBuilder.named("sleepstudy, Reaction and Days2 missing in different rows")
                .numeric("Reaction", withMissing(((NumericColumn) sleepstudy.column("Reaction")).values(), 0))
                .numeric("Days", days).numeric("Days2", withMissing(days, 1)).numeric("Subject", ((NumericColumn) sleepstudy.column("Subject")).values()).build();
        Nesting n = Nesting.of(Design.of(missing, Formula.parse("Reaction ~ Days + (1 | Subject)"), null),
                Design.of(missing, Formula.parse("Reaction ~ Days + Days2 + (1 | Subject)"), null));
        assertFalse(n.nested());
        assertTrue(n.reason().contains("different rows"), n.reason());
    }

    private static double[] withMissing(double[] x, int row) {
        double[] c = x.clone();
        c[row] = Double.NaN;
        return c;
    }

    @Test
    void comparisonOrdersByParametersAndTestsOnlyNestedPairs() {
        FitOptions ml = FitOptions.builder().method(Method.ML).build();
        String m0 = "Reaction ~ Days + (1 | Subject)";
        String slope = "Reaction ~ Days + (0 + Days | Subject)";
        String m1 = "Reaction ~ Days + (Days | Subject)";
        ModelComparison c = io.glimmer.Glimmer.compare(sleepstudy, List.of(m1, slope, m0), ml);
        assertEquals(List.of(slope, m0, m1), c.models().stream().map(ModelComparison.ComparedModel::formula).toList(),
                "by number of parameters, ties in the order given");
        assertEquals(List.of(1, 2, 0), c.models().stream().map(ModelComparison.ComparedModel::given).toList());
        ModelComparison.Step equal = c.tests().get(0);
        assertFalse(equal.tested());
        assertNull(equal.rule());
        assertFalse(equal.nesting().nested());
        assertTrue(equal.untestedReason().startsWith("not nested"), equal.untestedReason());
        ModelComparison.Step nested = c.tests().get(1);
        assertTrue(nested.tested());
        ModelComparison pair = io.glimmer.Glimmer.compare(sleepstudy, List.of(m0, m1), ml);
        assertEquals(pair.tests().get(0).test(), nested.test(), "the same test as the pair alone");
        assertEquals(pair.tests().get(0).pValueBoundary(), nested.pValueBoundary());
    }

    @Test
    void equalParametersAndNestedGiveNoTest() {
        String m0 = "Reaction ~ Days + (1 | Subject)";
        ModelComparison c = io.glimmer.Glimmer.compare(sleepstudy, List.of(m0, m0), FitOptions.builder().method(Method.ML).build());
        ModelComparison.Step s = c.tests().get(0);
        assertTrue(s.nesting().nested());
        assertFalse(s.tested());
        assertEquals("the same number of parameters", s.untestedReason());
    }
}
