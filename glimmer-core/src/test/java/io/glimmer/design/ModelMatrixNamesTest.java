package io.glimmer.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.formula.Formula;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Column names and coding of the fixed-effects matrix against R's model.matrix on the same data
 * (expected names written from R 4.2's output; see the comment on each case).
 */
class ModelMatrixNamesTest {
    static final DataFrame DATA = DataFrameBuilder.named("t")
            .numeric("y", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
            .numeric("x", 0.5, 1.2, 2, 3.3, 4, 5.1, 6, 7.7, 8, 9, 10.5, 11)
            .categorical("f", "a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c")
            .categorical("g", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", "v", "v")
            .build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "y ~ x * f | (Intercept);x;fb;fc;x:fb;x:fc",
            "y ~ x:f | (Intercept);x:fa;x:fb;x:fc",
            "y ~ f:g | (Intercept);fa:gu;fb:gu;fc:gu;fa:gv;fb:gv;fc:gv",
            "y ~ f*g | (Intercept);fb;fc;gv;fb:gv;fc:gv",
            "y ~ 0 + f | fa;fb;fc",
            "y ~ x + f - 1 | x;fa;fb;fc",
            "y ~ I(x^2) + log(x) | (Intercept);I(x^2);log(x)",
            "y ~ f/x | (Intercept);fb;fc;fa:x;fb:x;fc:x",
            "y ~ (x + f + g)^2 | (Intercept);x;fb;fc;gv;x:fb;x:fc;x:gv;fb:gv;fc:gv",
            "y ~ g + x:g | (Intercept);gv;gu:x;gv:x",
            "y ~ x + f + g - 1 | x;fa;fb;fc;gv",
            "y ~ 0 + x:f + g | gu;gv;x:fa;x:fb;x:fc",
            "y ~ 0 + f:g | fa:gu;fb:gu;fc:gu;fa:gv;fb:gv;fc:gv",
            "y ~ 0 + g + f:g | gu;gv;gu:fb;gv:fb;gu:fc;gv:fc",
            "y ~ 0 + x:g + f | fa;fb;fc;x:gu;x:gv",
    })
    void namesAsModelMatrix(String formula, String expected) {
        Formula f = Formula.parse(formula);
        ModelFrame frame = ModelFrame.of(DATA, f, null);
        ModelMatrix x = ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms());
        assertEquals(List.of(expected.split(";")), x.names());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "y ~ x * f | 1.2 | 1.2",   // row 2: f = b, x = 1.2 → x:fb = 1.2
            "y ~ x:f | 2 | 0",        // row 3: f = c → x:fa = 0
    })
    void values(String formula, double row2col4orLast, double unused) {
        Formula f = Formula.parse(formula);
        ModelMatrix x = ModelMatrixBuilder.build(ModelFrame.of(DATA, f, null), f.intercept(), f.fixedTerms());
        if (formula.equals("y ~ x * f")) {
            assertEquals(1.2, x.get(1, 4)); // x:fb at row 2
            assertEquals(0.0, x.get(1, 5)); // x:fc at row 2
            assertEquals(1.0, x.get(2, 3)); // fc at row 3
        } else {
            assertEquals(0.0, x.get(2, 1)); // x:fa at row 3 (f = c)
            assertEquals(2.0, x.get(2, 3)); // x:fc at row 3
        }
    }
}
