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
import io.glimmer.summary.Quantiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Several terms: crossed (Penicillin's plate and sample) and two terms of one factor (sleepstudy uncorrelated). */
    @ParameterizedTest
    @CsvSource({"penicillin.csv, diameter ~ 1 + (1 | plate) + (1 | sample), REML",
            "penicillin.csv, diameter ~ 1 + (1 | plate) + (1 | sample), ML",
            "sleepstudy.csv, Reaction ~ Days + (1 | Subject) + (0 + Days | Subject), REML"})
    void severalTermsReproduceTheCoreWhateverThePartitioning(String file, String formula, Method method) {
        FitOptions options = FitOptions.builder().method(method).build();
        MixedModelFit core = Glimmer.fit(CsvReader.read(SparkSessions.resource(file), CsvOptions.defaults()), formula, options);
        Dataset<Row> data = SparkSessions.csv(file);
        MixedModelFit one = GlimmerSpark.fit(data.coalesce(1), formula, options);
        // The same sums rounded otherwise (compensated here, chunked in the core) lead BOBYQA on
        // penicillin's flat REML optimum to a θ 2e-6 away (6e-7 relative; its final radius is 1e-6),
        // so a variance (θ²σ²) moves by twice that: the variance components are checked as standard deviations
        assertClose(core, one, 1e-6, 1e-6, true);
        close(core.logLikelihood(), one.logLikelihood(), 1e-9, "logLik");
        for (int partitions : new int[]{2, 7}) {
            assertClose(one, GlimmerSpark.fit(data.repartition(partitions), formula, options), 1e-9);
        }
        assertEquals(core.groups(), one.groups());
        assertEquals(core.conditionalModes().size(), one.conditionalModes().size());
        double[] quartiles = Quantiles.type7(core.scaledResiduals(), 0, 0.25, 0.5, 0.75, 1);
        for (int i = 0; i < quartiles.length; i++) { // every term's modes enter the residuals
            assertEquals(quartiles[i], one.scaledResidualQuantiles()[i], 1e-6 * Math.max(1, Math.abs(quartiles[i])), "scaled residual quantile " + i);
        }
    }

    static void assertClose(MixedModelFit expected, MixedModelFit actual, double relative) {
        assertClose(expected, actual, relative, relative);
    }

    /** As {@link #assertClose(MixedModelFit, MixedModelFit, double)}, standard errors within {@code stdErrorRelative}. */
    static void assertClose(MixedModelFit expected, MixedModelFit actual, double relative, double stdErrorRelative) {
        assertClose(expected, actual, relative, stdErrorRelative, false);
    }

    /** As {@link #assertClose(MixedModelFit, MixedModelFit, double, double)}, variance components compared as standard deviations if asked. */
    static void assertClose(MixedModelFit expected, MixedModelFit actual, double relative, double stdErrorRelative, boolean standardDeviations) {
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
            if (standardDeviations) {
                close(Math.sqrt(e.variance()), Math.sqrt(a.variance()), relative, e.group() + " " + e.term() + " std. dev.");
            } else {
                close(e.variance(), a.variance(), relative, e.group() + " " + e.term());
            }
        }
        double[] te = expected.theta();
        double[] ta = actual.theta();
        for (int i = 0; i < te.length; i++) {
            close(te[i], ta[i], relative, "theta " + i);
        }
        for (int k = 0; k < expected.conditionalModes().size(); k++) {
            assertModesClose(expected.conditionalModes().get(k), actual.conditionalModes().get(k), relative);
        }
    }

    private static void assertModesClose(ConditionalModes me, ConditionalModes ma, double relative) {
        assertEquals(me.group(), ma.group());
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
