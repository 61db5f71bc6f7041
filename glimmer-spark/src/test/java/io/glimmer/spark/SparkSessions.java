package io.glimmer.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** One local Spark session for every test class of the run (starting one costs seconds), and the test data. */
final class SparkSessions {
    private static SparkSession session;

    private SparkSessions() {
    }

    /** local[2, 2]: two threads, and a failed task is tried once more (the retry test relies on it). */
    static synchronized SparkSession local() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,2]").appName("glimmer-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    static Path resource(String name) {
        try {
            return Path.of(SparkSessions.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset<Row> csv(String name) {
        return local().read().option("header", "true").option("inferSchema", "true").csv(resource(name).toString());
    }
}
