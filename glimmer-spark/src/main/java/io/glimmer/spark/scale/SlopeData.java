package io.glimmer.spark.scale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.SplittableRandom;

/**
 * Simulated rows of the gaussian slope model y = 10 + 2x + b₀[g] + b₁[g]x + ε written straight into
 * Spark, partition by partition (no file, nothing on the driver but the per-group effects): x ~ U(0, 10),
 * g = row mod groups, (b₀, b₁) ~ N(0, diag(4, 0.25)), ε ~ N(0, 1). Seeded: the same arguments give the
 * same rows whatever the machine.
 */
public final class SlopeData {
    private SlopeData() {
    }

    public static Dataset<Row> of(SparkSession spark, long rows, int groups, int partitions, long seed) {
        SplittableRandom effects = new SplittableRandom(seed);
        double[] b0 = new double[groups];
        double[] b1 = new double[groups];
        for (int g = 0; g < groups; g++) {
            b0[g] = 2 * gaussian(effects);
            b1[g] = 0.5 * gaussian(effects);
        }
        StructType schema = new StructType().add("y", DataTypes.DoubleType).add("x", DataTypes.DoubleType).add("g", DataTypes.IntegerType);
        return GeneratedRows.of(spark, schema, rows, partitions, seed, (i, random) -> {
            int g = (int) (i % groups);
            double x = 10 * random.nextDouble();
            double y = 10 + 2 * x + b0[g] + b1[g] * x + gaussian(random);
            return RowFactory.create(y, x, g);
        });
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller, one of the pair: enough for a simulation, and the same on every JVM
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
