package io.glimmer.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The training run of the launcher's ahead-of-time cache (JDK 25 and later: {@code -XX:AOTCacheOutput}, JEPs 483,
 * 514 and 515): one fit of each model kind, so that the cache holds the classes every kind loads and links and the
 * method profiles they build, and a user's first fit in a new process starts from them. Not part of the command
 * line: {@code java -XX:AOTCacheOutput=FILE -cp glimmer.jar io.glimmer.cli.AotTraining EXAMPLES_DIR}. Output is
 * discarded; the exit status is 0 only when every fit ran, so the launcher keeps no cache from a broken run.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) {
        System.exit(train(Path.of(args.length > 0 ? args[0] : "examples")) == 0 ? 0 : 1);
    }

    /** Runs the training fits on the examples in that directory; how many failed. */
    static int train(Path examples) {
        String sleepstudy = examples.resolve("sleepstudy.csv").toString();
        String cbpp = examples.resolve("cbpp.csv").toString();
        String cbppModel = "cbind(incidence, size - incidence) ~ period + (1 | herd)";
        String[][] fits = {
            {"fit", "--data", sleepstudy, "--formula", "Reaction ~ Days + (Days | Subject)"},                  // LMM, REML, text
            {"fit", "--data", sleepstudy, "--formula", "Reaction ~ Days + (Days | Subject)", "--method", "ML", "--format", "json"},
            {"fit", "--data", "-", "--formula", "y ~ x + (1 | a) + (1 | b)", "--factors", "a,b"},             // crossed LMM
            {"fit", "--data", "-", "--formula", "count ~ x + (1 | a) + (1 | b)", "--factors", "a,b", "--family", "poisson"},
            {"fit", "--data", cbpp, "--factors", "herd,period", "--formula", cbppModel, "--family", "binomial"}, // Laplace
            {"fit", "--data", cbpp, "--factors", "herd,period", "--formula", cbppModel, "--family", "binomial",
                "--method", "AGQ", "--agq", "9", "--format", "json"},                                           // AGQ
        };
        byte[] crossed = crossedData().getBytes(StandardCharsets.UTF_8);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int failed = 0;
        for (String[] fit : fits) {
            failed += Main.run(fit, new ByteArrayInputStream(crossed), discard, discard) == 0 ? 0 : 1;
        }
        // A file of several chunks and thousands of levels: the parallel reader, the design and the JSON of many
        // conditional modes run at the scale where their loops are worth compiling early.
        String[] large = {"fit", "--data", "-", "--formula", "y ~ x + (1 + x | g)", "--factors", "g", "--format", "json"};
        failed += Main.run(large, new ByteArrayInputStream(slopeData().getBytes(StandardCharsets.UTF_8)), discard, discard) == 0 ? 0 : 1;
        return failed;
    }

    /** 30 × 20 fully crossed levels, a covariate, a gaussian and a count response; seeded, so every cache is trained alike. */
    private static String crossedData() {
        SplittableRandom random = new SplittableRandom(15);
        double[] ua = new double[30];
        double[] ub = new double[20];
        for (int i = 0; i < ua.length; i++) {
            ua[i] = random.nextDouble() - 0.5;
        }
        for (int j = 0; j < ub.length; j++) {
            ub[j] = random.nextDouble() - 0.5;
        }
        StringBuilder csv = new StringBuilder("a,b,x,y,count\n");
        for (int i = 0; i < ua.length; i++) {
            for (int j = 0; j < ub.length; j++) {
                double x = random.nextDouble();
                double eta = 0.5 + x + ua[i] + ub[j];
                double y = eta + random.nextDouble() - 0.5;
                int count = (int) Math.floor(Math.exp(eta) * 2 * random.nextDouble());
                csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%d%n", i, j, x, y, count));
            }
        }
        return csv.toString();
    }

    /** 200,000 rows, 5,000 groups with a random intercept and slope in x; seeded. */
    private static String slopeData() {
        SplittableRandom random = new SplittableRandom(16);
        StringBuilder csv = new StringBuilder("g,x,y\n");
        for (int g = 0; g < 5_000; g++) {
            double u0 = random.nextDouble() - 0.5;
            double u1 = (random.nextDouble() - 0.5) / 2;
            for (int i = 0; i < 40; i++) {
                double x = random.nextDouble();
                double y = 1 + u0 + (2 + u1) * x + random.nextDouble() - 0.5;
                csv.append('g').append(g).append(',').append(String.format(Locale.ROOT, "%.4f,%.4f%n", x, y));
            }
        }
        return csv.toString();
    }
}
