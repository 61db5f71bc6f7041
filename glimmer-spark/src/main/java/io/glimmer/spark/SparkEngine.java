package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.cli.command.FitEngine;
import io.glimmer.fit.MixedModelFit;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code glimmer fit --engine spark}: the data read by Spark (CSV with a header, Parquet, or a
 * directory of Parquet files; any Hadoop path Spark reads), then {@link GlimmerSpark#fit}. The
 * session is spark-submit's when there is one, else a local one ({@code --master}, default local[*]).
 */
public final class SparkEngine implements FitEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public MixedModelFit fit(String data, Character separator, String formula, FitOptions options, String master) {
        SparkSession spark = session(master);
        return GlimmerSpark.fit(read(spark, data, separator), data, formula, options);
    }

    static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("glimmer");
        boolean submitted = System.getProperty("spark.master") != null; // spark-submit sets it
        String m = master != null ? master : submitted ? null : "local[*]";
        if (m != null) {
            b.master(m);
        }
        if (m != null && m.startsWith("local")) {
            // one machine: the driver's own address, whatever the host name resolves to
            b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false");
        }
        try {
            return b.getOrCreate();
        } catch (RuntimeException e) {
            throw new InputException("--master " + m + ": Spark could not start (" + e.getMessage() + ")", e);
        }
    }

    static Dataset<Row> read(SparkSession spark, String data, Character separator) {
        if (data == null || data.isBlank() || data.equals("-")) {
            throw new InputException("--engine spark reads --data from a file or directory, not standard input");
        }
        String lower = data.toLowerCase(Locale.ROOT);
        boolean local = !data.contains("://");
        if (local && !Files.exists(Path.of(data))) {
            throw new InputException(data + ": no such file or directory");
        }
        if (lower.endsWith(".parquet") || local && Files.isDirectory(Path.of(data))) {
            return TaskFailures.unwrapped(() -> spark.read().parquet(data));
        }
        DataFrameReader csv = spark.read().option("header", "true").option("inferSchema", "true").option("nullValue", "NA");
        if (separator != null) {
            csv = csv.option("sep", separator.toString());
        }
        DataFrameReader reader = csv;
        return TaskFailures.unwrapped(() -> reader.csv(data));
    }
}
