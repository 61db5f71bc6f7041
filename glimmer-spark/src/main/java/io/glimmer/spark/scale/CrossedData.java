package io.glimmer.spark.scale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.SplittableRandom;

/**
 * Simulated rows of issue 11's shape (c), two crossed grouping factors a (A levels) and b (B levels),
 * each row's levels drawn uniformly (so most pairs of levels meet at 10⁶ rows of 1000 × 400), written
 * straight into Spark as {@link SlopeData} writes its rows: x ~ U(0, 1), α ~ N(0, 1), β ~ N(0, 0.25)
 * per level, and two responses: y = 1 + 0.5x + α[a] + β[b] + ε (gaussian, ε ~ N(0, 1)) and a count
 * ~ Poisson(exp(0.5 + 0.3x + 0.5α[a] + 0.6β[b])). Seeded.
 */
public final class CrossedData {
    private CrossedData() {
    }

    public static Dataset<Row> of(SparkSession spark, long rows, int aLevels, int bLevels, int partitions, long seed) {
        SplittableRandom effects = new SplittableRandom(seed);
        double[] alpha = new double[aLevels];
        double[] beta = new double[bLevels];
        for (int l = 0; l < aLevels; l++) {
            alpha[l] = SlopeData.gaussian(effects);
        }
        for (int l = 0; l < bLevels; l++) {
            beta[l] = 0.5 * SlopeData.gaussian(effects);
        }
        StructType schema = new StructType().add("y", DataTypes.DoubleType).add("count", DataTypes.DoubleType)
                .add("x", DataTypes.DoubleType).add("a", DataTypes.StringType).add("b", DataTypes.StringType);
        return GeneratedRows.of(spark, schema, rows, partitions, seed, (i, random) -> {
            int a = random.nextInt(aLevels);
            int b = random.nextInt(bLevels);
            double x = random.nextDouble();
            double y = 1 + 0.5 * x + alpha[a] + beta[b] + SlopeData.gaussian(random);
            double count = poisson(random, Math.exp(0.5 + 0.3 * x + 0.5 * alpha[a] + 0.6 * beta[b]));
            return RowFactory.create(y, count, x, "a" + a, "b" + b);
        });
    }

    /** Knuth's product of uniforms: fine for the small means here. */
    private static double poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }
}
