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

/**
 * A GLMM (binomial or Poisson, Laplace or adaptive quadrature) whose random effects have one
 * grouping factor, on distributed rows: the rows are repartitioned by group (one shuffle), so every
 * level's rows are in one partition; a pass finds n, the predictor scaling and the levels; each
 * partition then becomes a cached {@link PartModel} (the core's model of its rows), and the core's
 * {@link GeneralizedLinearMixedModel} optimises (θ, β) on the driver over {@link SparkLevelParts},
 * one Spark job per evaluation. Driver memory grows with levels (their modes), not rows.
 */
final class SparkGlmm {
    private SparkGlmm() {
    }

    /** The first pass over a part: rows, X's sums of squares (for the scaling) and the part's levels. */
    private record Summary(long n, CompensatedSums squares, Set<String> levels) implements Serializable {
        static Summary of(DataFrame data, ModelPlan plan) {
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
            return new Summary(x.rows(), squares, levels);
        }

        Summary merge(Summary o) {
            Set<String> all = new HashSet<>(levels);
            all.addAll(o.levels);
            return new Summary(n + o.n, squares.merge(o.squares), all);
        }
    }

    static MixedModelFit fit(DistributedRows.Selected selected, Family family, int nAGQ) {
        ModelPlan plan = selected.plan();
        Dataset<Row> complete = selected.complete();
        Column[] groupColumns = plan.randomTerm().grouping().stream().flatMap(e -> e.variables().stream()).distinct()
                .map(v -> col(v)).toArray(Column[]::new);
        int partitions = complete.rdd().getNumPartitions();
        // sorted within partitions on every column: a shuffle delivers rows in no fixed order, and the
        // parts' sums (and so the fit, to rounding) would follow it; a retried task then gives the same parts
        Column[] everyColumn = java.util.stream.Stream.concat(java.util.Arrays.stream(groupColumns), plan.columns().stream().map(c -> col(c)))
                .toArray(Column[]::new);
        Dataset<Row> byGroup = complete.repartition(partitions, groupColumns).sortWithinPartitions(everyColumn);
        ModelMatrix none = plan.fixed(plan.frame(plan.empty()));
        int p = none.columns();
        Summary summary = byGroup.javaRDD().mapPartitions(it -> List.of(Summary.of(PartitionColumns.read(it, plan), plan)).iterator())
                .reduce(Summary::merge);
        if (summary.n() == 0) {
            throw new InputException(plan.source() + ": every row has a missing value in a variable the model uses ("
                    + String.join(", ", plan.columns()) + ")");
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
        JavaRDD<PartModel> parts = byGroup.javaRDD().mapPartitions(it -> List.of(PartModel.of(it, setting.value())).iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            int[][] partLevels = parts.map(m -> m.levels).collect().toArray(int[][]::new);
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
