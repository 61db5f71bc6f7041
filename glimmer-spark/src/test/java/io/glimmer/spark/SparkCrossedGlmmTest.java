package io.glimmer.spark;

import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GLMMs with several random-effects terms through Spark (PIRLS's row passes as Spark jobs, its steps
 * and factor and the optimiser on the driver) against the core's fit of the same rows, which the
 * core's own tests hold to lme4 (grouseticks_poisson.json): estimates, θ, log-likelihood, variance
 * components and modes within 1e-6 relative, standard errors within 1e-5 (a finite-difference Hessian,
 * as in {@link SparkGlmmTest}); and 1, 2 and 7 partitions against each other within 1e-9 (compensated
 * sums). Models: grouseticks' three terms (BROOD nested in LOCATION, INDEX one row per level) and a
 * crossed binomial, cbpp's herd × period.
 */
class SparkCrossedGlmmTest {
    private static final double ESTIMATES = 1e-6;
    private static final double STANDARD_ERRORS = 1e-5;
    private static final double PARTITIONINGS = 1e-9;

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
        MixedModelFit core = Glimmer.fit(CsvReader.read(SparkSessions.resource(file), CsvOptions.builder().factors(options.factors()).build()),
                formula, options);
        Dataset<Row> data = SparkSessions.csv(file);
        MixedModelFit one = GlimmerSpark.fit(data.coalesce(1), formula, options);
        SparkLmmTest.assertClose(core, one, ESTIMATES, STANDARD_ERRORS);
        for (int partitions : new int[]{2, 7}) {
            SparkLmmTest.assertClose(one, GlimmerSpark.fit(data.repartition(partitions), formula, options), PARTITIONINGS);
        }
        assertEquals(core.nObs(), one.nObs());
        assertEquals(core.groups(), one.groups());
        assertEquals(core.method(), one.method());
    }
}
