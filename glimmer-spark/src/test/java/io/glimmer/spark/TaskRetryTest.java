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
        retried(SparkSessions.csv("sleepstudy.csv").repartition(3), "Reaction ~ Days + (Days | Subject)", FitOptions.defaults());
    }

    /** The GLMM's rows are repartitioned by group after the failing stage: the retried stage gives the same parts. */
    @Test
    void aFailedTaskRetriedGivesTheSameGlmm() {
        retried(SparkSessions.csv("cbpp.csv").repartition(3), "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                FitOptions.builder().family("binomial").factors(java.util.Set.of("herd", "period")).build());
    }

    private static void retried(Dataset<Row> data, String formula, FitOptions options) {
        MixedModelFit clean = GlimmerSpark.fit(data, formula, options);
        JavaRDD<Row> failing = data.javaRDD().map(row -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 1 && task.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt");
            }
            return row;
        });
        Dataset<Row> flaky = SparkSessions.local().createDataFrame(failing, data.schema());
        MixedModelFit retried = GlimmerSpark.fit(flaky, formula, options);
        assertEquals(clean.logLikelihood(), retried.logLikelihood(), 0.0);
        assertArrayEquals(clean.theta(), retried.theta(), 0.0);
        for (int j = 0; j < clean.fixedEffects().size(); j++) {
            assertEquals(clean.fixedEffects().get(j).estimate(), retried.fixedEffects().get(j).estimate(), 0.0);
            assertEquals(clean.fixedEffects().get(j).stdError(), retried.fixedEffects().get(j).stdError(), 0.0);
        }
    }
}
