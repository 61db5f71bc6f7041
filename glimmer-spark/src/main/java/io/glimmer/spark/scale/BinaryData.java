package io.glimmer.spark.scale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.SplittableRandom;

/**
 * Simulated rows of issue 11's shape (b), the binary model logit P(y = 1) = −1 + 0.5 x₁ + x₂ + b[g],
 * written straight into Spark partition by partition as {@link SlopeData} writes its rows:
 * x₁ ~ N(0, 1), x₂ ~ U(0, 1), g = row mod groups, b ~ N(0, 1). Seeded.
 */
public final class BinaryData {
    private BinaryData() {
    }

    public static Dataset<Row> of(SparkSession spark, long rows, int groups, int partitions, long seed) {
        SplittableRandom effects = new SplittableRandom(seed);
        double[] b = new double[groups];
        for (int g = 0; g < groups; g++) {
            b[g] = SlopeData.gaussian(effects);
        }
        StructType schema = new StructType().add("y", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
                .add("x2", DataTypes.DoubleType).add("g", DataTypes.IntegerType);
        return GeneratedRows.of(spark, schema, rows, partitions, seed, (i, random) -> {
            int g = (int) (i % groups);
            double x1 = SlopeData.gaussian(random);
            double x2 = random.nextDouble();
            double eta = -1 + 0.5 * x1 + x2 + b[g];
            double y = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            return RowFactory.create(y, x1, x2, g);
        });
    }
}
