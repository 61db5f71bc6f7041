package io.glimmer.spark;

import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.lmm.SufficientStatistics;
import io.glimmer.model.PredictorScaling;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A linear mixed model from distributed rows: one pass for the moments (shift and predictor
 * scaling), one for the sufficient statistics, both over the cached blocks and reduced by
 * treeAggregate; then θ is optimised on the driver by the core's {@link LinearMixedModel}, which
 * never sees a row. Driver memory grows with levels and columns, not rows.
 */
final class SparkLmm {
    private SparkLmm() {
    }

    static MixedModelFit fit(DistributedRows rows, boolean reml) {
        ModelPlan plan = rows.plan;
        ModelFrame none = plan.frame(plan.empty());
        ModelMatrix x = plan.fixed(none);
        ModelMatrix zNames = plan.random(none);
        int p = x.columns();
        ResponseMoments moments = rows.blocks.treeAggregate(new ResponseMoments(p), ResponseMoments::add, ResponseMoments::merge);
        if (moments.min == moments.max) {
            throw LinearMixedModel.constantResponse(plan.parsed().response().deparse(), moments.min);
        }
        double[] squares = new double[p];
        for (int j = 0; j < p; j++) {
            squares[j] = moments.sumSquares(j);
        }
        PredictorScaling scaling = PredictorScaling.ofSquares(squares, moments.n);
        int intercept = x.names().indexOf("(Intercept)");
        double shift = intercept < 0 ? 0 : moments.mean();

        List<String> levels = rows.groupLevels();
        Map<String, Integer> index = new HashMap<>(levels.size() * 2);
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.blocks.context());
        Broadcast<Map<String, Integer>> shared = sc.broadcast(index);
        int q = zNames.columns();
        double[] scale = scaling.factors();
        try {
            LmmSums sums = rows.blocks.treeAggregate(new LmmSums(p, q, levels.size()),
                    (s, b) -> s.add(b, scale, shift, shared.value()), LmmSums::merge);
            SufficientStatistics stats = sums.statistics(shift);
            RandomEffectsTerm term = new RandomEffectsTerm(plan.randomTerm().groupLabel(), zNames.names(), levels,
                    new GroupedColumns(levels.size(), q, new int[0], new double[0]));
            MixedModelFit fit = LinearMixedModel.fromStatistics(stats, term, plan.formula(), x.names(), List.of(),
                    Math.toIntExact(rows.dropped), reml).fit();
            fit = scaling.isIdentity() ? fit : scaling.unscale(fit);
            double[] quantiles = ResidualQuantiles.of(rows.blocks, ResidualQuantiles.Residuals.of(fit, shared), stats.n());
            return fit.toBuilder().scaledResidualQuantiles(quantiles).build();
        } finally {
            shared.destroy();
        }
    }
}
