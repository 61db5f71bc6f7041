package io.glimmer.spark.scale;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.spark.GlimmerSpark;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One measured fit for docs/SCALE.md: {@code ScaleRun [SHAPE] ROWS GROUPS PARTITIONS [MASTER [CSV_DIR]]} generates the
 * slope model's rows in Spark ({@link SlopeData}) and fits {@code y ~ x + (1 + x | g)} by ML (SHAPE {@code slope}, the
 * default), or the binary model's ({@link BinaryData}) and fits {@code y ~ x1 + x2 + (1 | g)} by Laplace (SHAPE
 * {@code binary}) or adaptive quadrature with N points (SHAPE {@code binary-agqN}), or the crossed rows' ({@link CrossedData},
 * GROUPS levels of a and GROUPS·2/5 of b: 1000 × 400 for 1000) and fits {@code y ~ x + (1 | a) + (1 | b)} by ML (SHAPE
 * {@code crossed}) or {@code count ~ x + (1 | a) + (1 | b)}, Poisson, Laplace (SHAPE {@code crossed-poisson}), printing
 * rows, wall time (generation included: the rows are made during the first pass), time per row, the
 * driver's peak resident memory, the estimates and the optimiser's evaluations. With CSV_DIR it writes the
 * same rows as one CSV file there instead (for the local engine's fit of the same data).
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    public static void main(String[] arguments) throws Exception {
        boolean named = !arguments[0].matches("[0-9].*");
        String shape = named ? arguments[0] : "slope";
        String[] args = named ? java.util.Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        long rows = Long.parseLong(args[0]);
        int groups = Integer.parseInt(args[1]);
        int partitions = Integer.parseInt(args[2]);
        String master = args.length > 3 ? args[3] : "local[2]";
        SparkSession spark = SparkSession.builder().master(master).appName("glimmer-scale")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        if (args.length > 4) { // write the rows as one CSV file instead, for the core's fit of the same data
            data(spark, shape, rows, groups, partitions).coalesce(1).write().option("header", "true").csv(args[4]);
            spark.stop();
            return;
        }
        long t0 = System.nanoTime();
        FitOptions options = switch (shape) {
            case "slope", "crossed" -> FitOptions.builder().method(Method.ML).build();
            case "binary" -> FitOptions.builder().family("binomial").method(Method.LAPLACE).build();
            case "crossed-poisson" -> FitOptions.builder().family("poisson").method(Method.LAPLACE).build();
            default -> FitOptions.builder().family("binomial").method(Method.AGQ).agqPoints(Integer.parseInt(shape.substring("binary-agq".length()))).build();
        };
        String formula = switch (shape) {
            case "slope" -> "y ~ x + (1 + x | g)";
            case "crossed" -> "y ~ x + (1 | a) + (1 | b)";
            case "crossed-poisson" -> "count ~ x + (1 | a) + (1 | b)";
            default -> "y ~ x1 + x2 + (1 | g)";
        };
        MixedModelFit fit = GlimmerSpark.fit(data(spark, shape, rows, groups, partitions), formula, options);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s rows %d groups %d partitions %d wall %.1f s  per row %.2f us  driver peak RSS %s  logLik %.4f  "
                        + "beta %s  theta %s  evaluations %d%n", shape, rows, groups, partitions, seconds, seconds / rows * 1e6, peakRss(),
                fit.logLikelihood(), fit.fixedEffects().stream().map(f -> String.format(Locale.ROOT, "%.5f", f.estimate())).toList(),
                java.util.Arrays.toString(fit.theta()), fit.optimizer().evaluations());
        spark.stop();
    }

    private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> data(SparkSession spark, String shape, long rows, int groups,
                                                                            int partitions) {
        if (shape.startsWith("crossed")) {
            return CrossedData.of(spark, rows, groups, groups * 2 / 5, partitions, 42);
        }
        return shape.equals("slope") ? SlopeData.of(spark, rows, groups, partitions, 42) : BinaryData.of(spark, rows, groups, partitions, 42);
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "?";
    }
}
