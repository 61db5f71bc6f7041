package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input through Spark: the core's one-line errors, whether found on the driver or in a task. */
class SparkInputTest {
    private static final String SLEEP = "Reaction ~ Days + (Days | Subject)";

    private static String message(Dataset<Row> data, String formula, FitOptions options) {
        return assertThrows(InputException.class, () -> GlimmerSpark.fit(data, "sleep.csv", formula, options)).getMessage();
    }

    @Test
    void aMissingColumnIsNamed() {
        assertEquals("sleep.csv: no column 'Dayz' (columns: Reaction, Days, Subject)",
                message(SparkSessions.csv("sleepstudy.csv"), "Reaction ~ Dayz + (1 | Subject)", FitOptions.defaults()));
    }

    @Test
    void anInfiniteValueFoundInATaskIsOneLine() {
        Dataset<Row> data = SparkSessions.csv("sleepstudy.csv")
                .withColumn("Days", when(col("Days").equalTo(9), lit(Double.POSITIVE_INFINITY)).otherwise(col("Days").cast("double")));
        assertEquals("sleep.csv: the fixed-effect column 'Days' is not finite (Infinity) in a row", message(data, SLEEP, FitOptions.defaults()));
    }

    @Test
    void aConstantResponseIsRefusedAsTheCoreRefusesIt() {
        Dataset<Row> data = SparkSessions.csv("sleepstudy.csv").withColumn("Reaction", lit(1.5));
        assertEquals("the response 'Reaction' is constant (every value is 1.5); there is nothing to model",
                message(data, SLEEP, FitOptions.defaults()));
    }

    @Test
    void modelsTheEngineDoesNotFitYetAreRefusedBeforeAnyPass() {
        Dataset<Row> data = SparkSessions.csv("sleepstudy.csv");
        assertEquals("the Spark engine fits linear mixed models (method(REML or ML)) and GLMMs (method(Laplace or AGQ)) so far, not GEE",
                message(data, SLEEP, FitOptions.builder().method(Method.GEE).build()));
        assertEquals("the Spark engine fits GLMMs of families without a dispersion parameter (binomial, poisson) so far, not Gamma",
                message(data, SLEEP, FitOptions.builder().family("Gamma").method(Method.LAPLACE).build()));
        String oneFactor = "the Spark engine fits adaptive quadrature (method(AGQ)) for one random-effects term on one grouping factor,"
                + " such as (1 | g); for crossed or nested terms use method(Laplace)";
        FitOptions agq = FitOptions.builder().family("poisson").method(Method.AGQ).build();
        assertEquals(oneFactor, message(data, "Reaction ~ Days + (1 | Subject) + (0 + Days | Subject)", agq));
        assertEquals(oneFactor, message(data, "Reaction ~ Days + (1 | Subject/Days)", agq));
        assertEquals("the formula has no random-effects term such as (1 | group)", message(data, "Reaction ~ Days", FitOptions.defaults()));
    }

    @Test
    void rowsWithMissingValuesAreDroppedAndCounted() {
        Dataset<Row> data = SparkSessions.csv("sleepstudy.csv")
                .withColumn("Reaction", when(col("Days").equalTo(0), lit(null)).otherwise(col("Reaction")));
        assertEquals(18, GlimmerSpark.fit(data, SLEEP, FitOptions.defaults()).nDropped());
    }
}
