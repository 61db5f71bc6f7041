package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

/**
 * GLMMs with several random-effects terms through Spark (PIRLS's row passes as Spark jobs, its steps
 * and factor and the optimiser on the driver) against the core's fit of the same rows, which the
 * core's own tests hold to lme4 (grouseticks_poisson.json): estimates, θ, log-likelihood, variance
 * components and modes within 1e-6 relative, standard errors within 1e-5 ({@link SparkGlmmTest#assertReproducesTheCore}) (a finite-difference Hessian,
 * as in {@link SparkGlmmTest}); and 1, 2 and 7 partitions against each other within 1e-9 (compensated
 * sums). Models: grouseticks' three terms (BROOD nested in LOCATION, INDEX one row per level) and a
 * crossed binomial, cbpp's herd × period.
 */
class SparkCrossedGlmmTest {
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("grouseticks.csv", "TICKS ~ YEAR + HEIGHT + (1 | BROOD) + (1 | INDEX) + (1 | LOCATION)",
                        FitOptions.builder().family("poisson").factors(Set.of("YEAR", "BROOD", "INDEX", "LOCATION")).method(Method.LAPLACE).build()),
                Arguments.of("cbpp.csv", "cbind(incidence, size - incidence) ~ 1 + (1 | herd) + (1 | period)",
                        FitOptions.builder().family("binomial").factors(Set.of("herd", "period")).method(Method.LAPLACE).build()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void reproducesTheCoreWhateverThePartitioning(String file, String formula, FitOptions options) {
        SparkGlmmTest.assertReproducesTheCore(file, formula, options);
    }
}
