package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.fit.MixedModelFit;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task that fails is run again by Spark (local[2,2] allows one retry), and the fit is the same to the bit. */
class TaskRetryTest {
    @Test
    void aFailedTaskRetriedGivesTheSameFit() {
        Dataset<Row> data = SparkSessions.csv("sleepstudy.csv").repartition(3);
        String formula = "Reaction ~ Days + (Days | Subject)";
        MixedModelFit clean = GlimmerSpark.fit(data, formula, FitOptions.defaults());
        JavaRDD<Row> failing = data.javaRDD().map(row -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 1 && task.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt");
            }
            return row;
        });
        Dataset<Row> flaky = SparkSessions.local().createDataFrame(failing, data.schema());
        MixedModelFit retried = GlimmerSpark.fit(flaky, formula, FitOptions.defaults());
        assertEquals(clean.logLikelihood(), retried.logLikelihood(), 0.0);
        assertArrayEquals(clean.theta(), retried.theta(), 0.0);
        for (int j = 0; j < clean.fixedEffects().size(); j++) {
            assertEquals(clean.fixedEffects().get(j).estimate(), retried.fixedEffects().get(j).estimate(), 0.0);
        }
    }
}
