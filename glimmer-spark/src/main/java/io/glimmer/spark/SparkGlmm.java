package io.glimmer.spark;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.error.InputException;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Expr;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.LevelParts;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.model.PredictorScaling;
import io.glimmer.response.Response;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

/**
 * A GLMM (binomial or Poisson, Laplace or adaptive quadrature) whose random effects have one
 * grouping factor, on distributed rows: the rows are repartitioned by blocks of levels (one shuffle),
 * so every level's rows are in one partition; a pass finds n, the predictor scaling and the levels;
 * each block then becomes a {@link PartModel} (the core's model of its rows), cached by partition, and the core's
 * {@link GeneralizedLinearMixedModel} optimises (θ, β) on the driver over {@link SparkLevelParts},
 * one Spark job per evaluation. Driver memory grows with levels (their modes), not rows.
 */
final class SparkGlmm {
    /** Blocks of levels: enough that partitions get even shares, few enough that each block's core model has many levels. */
    private static final int BLOCKS = 4096;
    private static final String BLOCK_COLUMN = "glimmer_level_block";

    private SparkGlmm() {
    }

    /**
     * The first pass over a partition: rows, X's sums of squares (for the scaling), the levels, and
     * whether the response varies (a block's part checks all but that: it belongs to all the rows).
     *
     * @param first  the first response value of a row with positive weight, NaN for none
     * @param varies whether two such values differ
     */
    private record Summary(long n, CompensatedSums squares, Set<String> levels, double first, boolean varies) implements Serializable {
        static Summary of(DataFrame data, ModelPlan plan, Family family) {
            ModelFrame frame = plan.frame(data);
            ModelMatrix x = plan.fixed(frame);
            CompensatedSums squares = new CompensatedSums(x.columns());
            for (int r = 0; r < x.rows(); r++) {
                for (int j = 0; j < x.columns(); j++) {
                    double v = x.get(r, j);
                    squares.add(j, v * v);
                }
            }
            Set<String> levels = new HashSet<>(List.of(frame.groupLevels(plan.randomTerm().grouping())));
            Response response = Response.ofPart(frame, plan.parsed().response(), family, null);
            double first = Double.NaN;
            boolean varies = false;
            for (int r = 0; r < x.rows() && !varies; r++) {
                if (response.weights()[r] > 0) {
                    varies = !Double.isNaN(first) && response.y()[r] != first;
                    first = Double.isNaN(first) ? response.y()[r] : first;
                }
            }
            return new Summary(x.rows(), squares, levels, first, varies);
        }

        Summary merge(Summary o) {
            Set<String> all = new HashSet<>(levels);
            all.addAll(o.levels);
            boolean differ = !Double.isNaN(first) && !Double.isNaN(o.first) && first != o.first;
            return new Summary(n + o.n, squares.merge(o.squares), all, Double.isNaN(first) ? o.first : first, varies || o.varies || differ);
        }
    }

    static MixedModelFit fit(DistributedRows.Selected selected, Family family, int nAGQ) {
        ModelPlan plan = selected.plan();
        Dataset<Row> complete = selected.complete();
        Column[] groupColumns = plan.randomTerm().grouping().stream().flatMap(e -> e.variables().stream()).distinct()
                .map(v -> col(v)).toArray(Column[]::new);
        int partitions = complete.rdd().getNumPartitions();
        // Levels go to blocks by a hash of their value (Spark's Murmur3: the same on every run), the
        // blocks to partitions whole, and each block becomes one part: a level's part, and so every
        // number the fit computes, does not depend on the partitioning. Rows are sorted within
        // partitions on every column: a shuffle delivers rows in no fixed order, and the parts' sums
        // would follow it; a retried task then gives the same parts
        Column block = pmod(hash(groupColumns), lit(BLOCKS));
        Dataset<Row> blocked = complete.withColumn(BLOCK_COLUMN, block); // last: the plan's columns keep their places
        Column[] everyColumn = java.util.stream.Stream.of(java.util.stream.Stream.of(col(BLOCK_COLUMN)), java.util.Arrays.stream(groupColumns),
                plan.columns().stream().map(c -> col(c))).flatMap(x -> x).toArray(Column[]::new);
        Dataset<Row> byGroup = blocked.repartition(partitions, col(BLOCK_COLUMN)).sortWithinPartitions(everyColumn);
        int blockColumn = plan.columns().size();
        ModelMatrix none = plan.fixed(plan.frame(plan.empty()));
        int p = none.columns();
        String familyName = family.distribution().name();
        String linkName = family.link().name();
        Summary summary = byGroup.javaRDD()
                .mapPartitions(it -> List.of(Summary.of(PartitionColumns.read(it, plan), plan, Family.of(familyName, linkName))).iterator())
                .reduce(Summary::merge);
        if (summary.n() == 0) {
            throw new InputException(plan.source() + ": every row has a missing value in a variable the model uses ("
                    + String.join(", ", plan.columns()) + ")");
        }
        if (!summary.varies()) {
            throw Response.constant(plan.parsed().response(), summary.first());
        }
        double[] squares = summary.squares().get(0, p);
        PredictorScaling scaling = PredictorScaling.ofSquares(squares, summary.n());
        List<String> levels = CategoricalColumn.sortedLevels(summary.levels());
        Map<String, Integer> index = new HashMap<>(levels.size() * 2);
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(complete.sparkSession().sparkContext());
        Broadcast<PartModel.Setting> setting = sc.broadcast(new PartModel.Setting(plan, family.distribution().name(), family.link().name(), nAGQ,
                scaling.factors(), index));
        // a partition's parts are cached as one element: Spark sizes a cached partition by walking its elements'
        // objects every so often as they are added, and each walk reaches the plan's level names again
        JavaRDD<List<PartModel>> parts = byGroup.javaRDD().mapPartitions(it -> {
            List<PartModel> all = new java.util.ArrayList<>();
            new BlockRuns(it, blockColumn, setting.value()).forEachRemaining(all::add);
            return List.of(all).iterator();
        }, true).persist(StorageLevel.MEMORY_ONLY());
        try {
            int[][] partLevels = new int[BLOCKS][];
            for (int[][] b : parts.flatMap(all -> all.stream().map(m -> new int[][]{{m.block}, m.levels}).iterator()).collect()) {
                partLevels[b[0][0]] = b[1];
            }
            ModelMatrix z = plan.random(plan.frame(plan.empty()));
            RandomEffectsTerm term = new RandomEffectsTerm(plan.randomTerm().groupLabel(), z.names(), levels,
                    new GroupedColumns(levels.size(), z.columns(), new int[0], new double[0]));
            LevelParts.Shape shape = new LevelParts.Shape(plan.formula(), none.names(), term, Math.toIntExact(summary.n()),
                    Math.toIntExact(selected.total() - summary.n()));
            SparkLevelParts distributed = new SparkLevelParts(parts, partLevels, levels.size(), z.columns(), p);
            MixedModelFit fit = GeneralizedLinearMixedModel.ofParts(distributed, shape, family, nAGQ).fit();
            return scaling.isIdentity() ? fit : scaling.unscale(fit);
        } finally {
            parts.unpersist(false);
            setting.destroy();
        }
    }
}
