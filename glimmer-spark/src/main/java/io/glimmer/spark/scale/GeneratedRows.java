package io.glimmer.spark.scale;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated rows written straight into Spark, partition by partition (no file, nothing on the driver
 * but what the row maker holds): partition p makes rows [rows·p/P, rows·(p+1)/P) from its own seeded
 * stream, so the same arguments give the same rows whatever the machine.
 */
final class GeneratedRows {
    private GeneratedRows() {
    }

    /** Makes row i from the partition's random stream. */
    @FunctionalInterface
    interface RowMaker extends Serializable {
        Row row(long i, SplittableRandom random);
    }

    static Dataset<Row> of(SparkSession spark, StructType schema, long rows, int partitions, long seed, RowMaker maker) {
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        JavaRDD<Row> data = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, partitions).flatMap(p -> {
            long from = rows * p / partitions;
            long to = rows * (p + 1) / partitions;
            SplittableRandom random = new SplittableRandom(seed + 1 + p);
            return new Iterator<Row>() {
                long i = from;

                public boolean hasNext() {
                    return i < to;
                }

                public Row next() {
                    return maker.row(i++, random);
                }
            };
        });
        return spark.createDataFrame(data, schema);
    }
}
