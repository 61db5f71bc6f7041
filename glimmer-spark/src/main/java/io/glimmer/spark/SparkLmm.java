package io.glimmer.spark;

import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.lmm.SufficientStatistics;
import io.glimmer.model.PredictorScaling;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear mixed model from distributed rows, with any number of random-effects terms (crossed or
 * nested): one pass for the moments (shift and predictor scaling), one for the sufficient
 * statistics, both over the cached blocks and reduced by treeAggregate; then θ is optimised on the driver by the core's {@link LinearMixedModel}, which
 * never sees a row. Driver memory grows with levels and columns, not rows.
 */
final class SparkLmm {
    private SparkLmm() {
    }

    static MixedModelFit fit(DistributedRows rows, boolean reml) {
        ModelPlan plan = rows.plan;
        ModelFrame none = plan.frame(plan.empty());
        ModelMatrix x = plan.fixed(none);
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

        int k = plan.randomTerms().size();
        List<List<String>> levels = new ArrayList<>();
        List<List<String>> columnNames = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            levels.add(rows.groupLevels(t));
            columnNames.add(plan.random(none, t).names());
            groups.add(plan.randomTerms().get(t).groupLabel());
        }
        TermLayout layout = TermLayout.of(levels, columnNames);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.blocks.context());
        Broadcast<TermLayout> shared = sc.broadcast(layout);
        double[] scale = scaling.factors();
        try {
            LmmSums sums = rows.blocks.treeAggregate(new LmmSums(p, layout),
                    (s, b) -> s.add(b, scale, shift, shared.value()), LmmSums::merge);
            SufficientStatistics stats = sums.statistics(shift);
            List<RandomEffectsTerm> terms = TermLayout.shapes(layout, groups, levels, columnNames);
            MixedModelFit fit = LinearMixedModel.fromStatistics(stats, terms, plan.formula(), x.names(), List.of(),
                    Math.toIntExact(rows.dropped), reml).fit();
            fit = scaling.isIdentity() ? fit : scaling.unscale(fit);
            double[] quantiles = ResidualQuantiles.of(rows.blocks, ResidualQuantiles.Residuals.of(fit, terms, shared), stats.n());
            return fit.toBuilder().scaledResidualQuantiles(quantiles).build();
        } finally {
            shared.destroy();
        }
    }
}
