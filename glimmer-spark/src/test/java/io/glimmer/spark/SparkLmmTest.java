package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.VarianceComponent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LMM through Spark against the core's fit of the same rows, and against itself over 1, 2 and 7 partitions. */
class SparkLmmTest {
    private static final String SLEEP = "Reaction ~ Days + (Days | Subject)";

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"REML", "ML"})
    void sleepstudyReproducesTheCoreWhateverThePartitioning(Method method) {
        FitOptions options = FitOptions.builder().method(method).build();
        MixedModelFit core = Glimmer.fit(CsvReader.read(SparkSessions.resource("sleepstudy.csv"), CsvOptions.defaults()), SLEEP, options);
        Dataset<Row> data = SparkSessions.csv("sleepstudy.csv");
        MixedModelFit one = GlimmerSpark.fit(data.coalesce(1), SLEEP, options);
        assertClose(core, one, 1e-6);
        for (int partitions : new int[]{2, 7}) {
            MixedModelFit fit = GlimmerSpark.fit(data.repartition(partitions), SLEEP, options);
            assertEquals(partitions, data.repartition(partitions).rdd().getNumPartitions());
            assertClose(one, fit, 1e-9);
        }
        assertEquals(core.nObs(), one.nObs());
        assertEquals(core.groups(), one.groups());
        assertEquals(method.label(), one.method());
    }

    static void assertClose(MixedModelFit expected, MixedModelFit actual, double relative) {
        assertClose(expected, actual, relative, relative);
    }

    /** As {@link #assertClose(MixedModelFit, MixedModelFit, double)}, standard errors within {@code stdErrorRelative}. */
    static void assertClose(MixedModelFit expected, MixedModelFit actual, double relative, double stdErrorRelative) {
        close(expected.logLikelihood(), actual.logLikelihood(), relative, "logLik");
        if (expected.remlCriterion() != null) {
            close(expected.remlCriterion(), actual.remlCriterion(), relative, "REML criterion");
        }
        if (expected.residualStdDev() != null) {
            close(expected.residualStdDev(), actual.residualStdDev(), relative, "sigma");
        }
        assertEquals(expected.fixedEffects().size(), actual.fixedEffects().size());
        for (int j = 0; j < expected.fixedEffects().size(); j++) {
            FixedEffect e = expected.fixedEffects().get(j);
            FixedEffect a = actual.fixedEffects().get(j);
            assertEquals(e.term(), a.term());
            close(e.estimate(), a.estimate(), relative, e.term());
            close(e.stdError(), a.stdError(), stdErrorRelative, e.term() + " std. error");
        }
        for (int k = 0; k < expected.randomEffects().size(); k++) {
            VarianceComponent e = expected.randomEffects().get(k);
            VarianceComponent a = actual.randomEffects().get(k);
            assertEquals(e.term(), a.term());
            close(e.variance(), a.variance(), relative, e.group() + " " + e.term());
        }
        double[] te = expected.theta();
        double[] ta = actual.theta();
        for (int i = 0; i < te.length; i++) {
            close(te[i], ta[i], relative, "theta " + i);
        }
        ConditionalModes me = expected.conditionalModes().get(0);
        ConditionalModes ma = actual.conditionalModes().get(0);
        assertEquals(me.levels(), ma.levels());
        for (int l = 0; l < me.levels().size(); l++) {
            for (int a = 0; a < me.terms().size(); a++) {
                double e = me.value(l, a);
                assertEquals(e, ma.value(l, a), relative * Math.max(1, Math.abs(e)), "mode " + me.levels().get(l));
                close(me.conditionalVariance(l, a), ma.conditionalVariance(l, a), relative, "conditional variance " + me.levels().get(l));
            }
        }
    }

    private static void close(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (relative " + Math.abs(expected - actual) / Math.abs(expected) + ")");
    }
}
