package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Responses a family cannot have, and models quadrature does not cover, are refused with one line naming the problem. */
class GlmmInputTest {
    private static final String[] G = {"a", "a", "b", "b", "c", "c", "d", "d"};

    private static DataFrame data(double[] y, double[] n) {
        return DataFrameBuilder.named("t.csv").numeric("y", y).numeric("n", n).numeric("x", 1, 2, 3, 4, 5, 6, 7, 8).categorical("g", G).build();
    }

    static Stream<Arguments> cases() {
        double[] ok = {0, 1, 0, 1, 1, 0, 0, 1};
        double[] trials = {5, 5, 5, 5, 5, 5, 5, 5};
        return Stream.of(
                Arguments.of("binomial response above 1", data(new double[]{0, 1, 2, 1, 0, 1, 0, 1}, trials), "y ~ x + (1 | g)", "binomial", null, "2"),
                Arguments.of("binomial response below 0", data(new double[]{0, 1, -1, 1, 0, 1, 0, 1}, trials), "y ~ x + (1 | g)", "binomial", null, "-1"),
                Arguments.of("successes above trials", data(new double[]{0, 1, 7, 1, 0, 1, 0, 1}, trials), "cbind(y, n - y) ~ x + (1 | g)", "binomial", null, "row 3"),
                Arguments.of("negative counts", data(new double[]{0, 1, -2, 1, 0, 1, 0, 1}, trials), "y ~ x + (1 | g)", "poisson", null, "-2"),
                Arguments.of("constant response", data(new double[]{1, 1, 1, 1, 1, 1, 1, 1}, trials), "y ~ x + (1 | g)", "poisson", null, "constant"),
                Arguments.of("constant binary response", data(new double[8], trials), "y ~ x + (1 | g)", "binomial", null, "constant"),
                Arguments.of("Gamma with zero", data(new double[]{0, 1, 2, 1, 3, 1, 2, 1}, trials), "y ~ x + (1 | g)", "Gamma", null, "row 1"),
                Arguments.of("AGQ with two terms", data(ok, trials), "y ~ x + (1 | g) + (1 | x)", "binomial", 5, "single random-effects term"),
                Arguments.of("no random effects", data(ok, trials), "y ~ x", "binomial", null, "random-effects term"),
                Arguments.of("cbind for poisson", data(ok, trials), "cbind(y, n - y) ~ x + (1 | g)", "poisson", null, "binomial"),
                Arguments.of("unknown family", data(ok, trials), "y ~ x + (1 | g)", "negbin", null, "negbin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(String name, DataFrame data, String formula, String family, Integer agq, String mentions) {
        FitOptions.Builder b = FitOptions.builder().family(family);
        if (agq != null) {
            b.method(Method.AGQ).agqPoints(agq);
        }
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, formula, b.build()), name);
        assertTrue(e.getMessage().contains(mentions), name + ": " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
