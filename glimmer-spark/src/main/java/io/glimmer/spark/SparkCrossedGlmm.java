package io.glimmer.spark;

import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.error.InputException;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.LevelParts;
import io.glimmer.model.PredictorScaling;
import io.glimmer.response.Response;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import io.glimmer.data.CategoricalColumn;

/**
 * A binomial or Poisson GLMM with several random-effects terms (crossed, nested), Laplace, on
 * distributed rows: the rows stay where they are, cached as {@link GlmmBlock}s; the core's
 * {@link GeneralizedLinearMixedModel} optimises (θ, β) and runs PIRLS's steps and factor on the
 * driver, and each of PIRLS's row passes is one Spark job ({@link SparkPirlsRows}). Driver memory
 * grows with levels and the level pairs that occur, not rows.
 */
final class SparkCrossedGlmm {
    private SparkCrossedGlmm() {
    }

    static MixedModelFit fit(DistributedRows.Selected selected, Family family) {
        ModelPlan plan = selected.plan();
        String familyName = family.distribution().name();
        String linkName = family.link().name();
        JavaRDD<GlmmBlock> raw = selected.complete().javaRDD()
                .mapPartitions(it -> List.of(GlmmBlock.of(it, plan, Family.of(familyName, linkName))).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<GlmmBlock> blocks = null;
        Broadcast<TermLayout> shared = null;
        try {
            ModelMatrix none = plan.fixed(plan.frame(plan.empty()));
            int p = none.columns();
            // [0, p): X's sums of squares, p: rows, p + 1: Σ saturated log-density
            CompensatedSums moments = raw.treeAggregate(new CompensatedSums(p + 2), (s, b) -> {
                Distribution dist = Family.of(familyName, linkName).distribution();
                for (int r = 0; r < b.rows; r++) {
                    for (int a = 0; a < p; a++) {
                        double v = b.x[r * p + a];
                        s.add(a, v * v);
                    }
                    s.add(p, 1);
                    s.add(p + 1, dist.saturatedLogDensity(b.y[r], b.weights[r]));
                }
                return s;
            }, CompensatedSums::merge);
            long n = Math.round(moments.get(p));
            if (n == 0) {
                throw new InputException(plan.source() + ": every row has a missing value in a variable the model uses ("
                        + String.join(", ", plan.columns()) + ")");
            }
            double[] range = raw.treeAggregate(new double[]{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, (m, b) -> {
                for (int r = 0; r < b.rows; r++) {
                    if (b.weights[r] > 0) {
                        m[0] = Math.min(m[0], b.y[r]);
                        m[1] = Math.max(m[1], b.y[r]);
                    }
                }
                return m;
            }, (a, b) -> new double[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            if (!(range[0] < range[1])) {
                throw Response.constant(plan.parsed().response(), range[0]);
            }
            PredictorScaling scaling = PredictorScaling.ofSquares(moments.get(0, p), n);
            int k = plan.randomTerms().size();
            List<List<String>> levels = new ArrayList<>();
            List<List<String>> columnNames = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                int term = t;
                levels.add(CategoricalColumn.sortedLevels(new HashSet<>(
                        raw.flatMap(b -> Arrays.asList(b.terms[term].levels()).iterator()).distinct().collect())));
                columnNames.add(plan.random(plan.frame(plan.empty()), t).names());
                groups.add(plan.randomTerms().get(t).groupLabel());
            }
            TermLayout layout = TermLayout.of(levels, columnNames);
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(raw.context());
            shared = sc.broadcast(layout); // the cached blocks' lineage reads it: kept to the end
            double[] scale = scaling.factors();
            Broadcast<TermLayout> layoutShared = shared;
            blocks = raw.map(b -> b.prepared(scale, layoutShared.value())).persist(StorageLevel.MEMORY_AND_DISK());
            blocks.count();
            raw.unpersist(false);
            List<RandomEffectsTerm> terms = TermLayout.shapes(layout, groups, levels, columnNames);
            int[] q = new int[k];
            int[] levelCounts = new int[k];
            for (int m = 0; m < k; m++) {
                q[m] = terms.get(m).q();
                levelCounts[m] = terms.get(m).levelCount();
            }
            SparkPirlsRows rows = new SparkPirlsRows(blocks, family, p, q, levelCounts);
            try {
                LevelParts.Shape shape = new LevelParts.Shape(plan.formula(), none.names(), terms.get(0), Math.toIntExact(n),
                        Math.toIntExact(selected.total() - n));
                MixedModelFit fit = GeneralizedLinearMixedModel.ofRows(rows, shape, terms, family, moments.get(p + 1)).fit();
                return scaling.isIdentity() ? fit : scaling.unscale(fit);
            } finally {
                rows.close();
            }
        } finally {
            raw.unpersist(false);
            if (blocks != null) {
                blocks.unpersist(false);
            }
            if (shared != null) {
                shared.destroy();
            }
        }
    }
}
