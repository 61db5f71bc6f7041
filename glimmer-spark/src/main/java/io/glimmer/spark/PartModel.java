package io.glimmer.spark;

import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.glmm.LevelPart;
import io.glimmer.glmm.LevelParts;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.response.Response;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One block of a GLMM's rows, which holds whole levels of the grouping factor, as the core's
 * {@link LevelPart} of those rows: its model is the core's own {@link GeneralizedLinearMixedModel}
 * of them, X (rescaled as the whole fit is), offset, response and the random term with this block's
 * levels, kept whole or (binomial–logit (1 | g)) as the per-level path's arrays only, the block's
 * columns kept to make the model again for a call that path declines. A level's block is fixed by
 * its value alone (a hash), whatever the partitioning, and a partition holds whole blocks: so each
 * block's rows, their order and its evaluations are the same for any number of partitions. Cached
 * on its executor; each evaluation of the fit calls its part methods, so every level's modes are
 * found where its rows are.
 */
final class PartModel {
    /** This block's number (the part number of its results). */
    final int block;
    /** This part's levels as indices into the fit's sorted levels, in the part's own level order. */
    final int[] levels;
    final int q;
    private final LevelPart part;

    private PartModel(int block, int[] levels, int q, LevelPart part) {
        this.block = block;
        this.levels = levels;
        this.q = q;
        this.part = part;
    }

    /** What the model of a part needs beyond its rows; the same for every part. */
    record Setting(ModelPlan plan, String family, String link, int nAGQ, double[] scale, Map<String, Integer> levelIndex)
            implements java.io.Serializable {
    }

    /** The model of one block's rows (at least one). */
    static PartModel of(Iterator<Row> rows, Setting s, int block) {
        DataFrame data = PartitionColumns.read(rows, s.plan());
        Built built = build(data, s);
        return new PartModel(block, built.levels(), built.q(),
                LevelPart.of(built.model(), () -> build(data, s).model()));
    }

    /** A block's model, its levels as indices into the fit's sorted levels, and the term's effects per level. */
    private record Built(int[] levels, int q, GeneralizedLinearMixedModel model) {
    }

    private static Built build(DataFrame data, Setting s) {
        ModelPlan plan = s.plan();
        int n = data.rows();
        ModelFrame frame = plan.frame(data);
        Formula f = plan.parsed();
        ModelMatrix z = plan.random(frame);
        ModelMatrix unscaled = plan.fixed(frame);
        int p = unscaled.columns();
        double[] xs = unscaled.values().clone();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                xs[r * p + j] /= s.scale()[j];
            }
        }
        ModelMatrix x = new ModelMatrix(unscaled.names(), xs, n);
        double[] offset = null;
        for (Expr o : f.offsets()) {
            double[] v = frame.numeric(o);
            if (offset == null) {
                offset = v.clone();
            } else {
                for (int r = 0; r < n; r++) {
                    offset[r] += v[r];
                }
            }
        }
        RandomTerm rt = plan.randomTerm();
        String[] group = frame.groupLevels(rt.grouping());
        TreeMap<Integer, String> byIndex = new TreeMap<>(); // this part's levels in the fit's order
        for (String g : group) {
            byIndex.computeIfAbsent(s.levelIndex().get(g), k -> g);
        }
        int[] levels = new int[byIndex.size()];
        List<String> names = new ArrayList<>(byIndex.values());
        Map<Integer, Integer> local = new java.util.HashMap<>();
        int i = 0;
        for (int global : byIndex.keySet()) {
            local.put(global, i);
            levels[i++] = global;
        }
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            codes[r] = local.get(s.levelIndex().get(group[r]));
        }
        RandomEffectsTerm term = new RandomEffectsTerm(rt.groupLabel(), z.names(), names, new GroupedColumns(levels.length, z.columns(), codes, z.values()));
        Design design = new Design(frame, f, x, List.of(), offset, List.of(term));
        Family family = Family.of(s.family(), s.link());
        Response response = Response.ofPart(frame, f.response(), family, null); // its constancy is checked over all rows
        return new Built(levels, z.columns(), new GeneralizedLinearMixedModel(design, response, family, s.nAGQ()));
    }

    /** What the driver asks of every part: an evaluation at (θ, β), modes started from {@code start} (all levels) found at {@code startLambdas}. */
    enum Kind { DEVIANCE, PROFILE, OPTIMUM }

    record Request(Kind kind, double[] theta, double[] beta, double[] start, double[][] startLambdas) implements java.io.Serializable {
    }

    PartResult evaluate(Request request) {
        double[] start = new double[levels.length * q];
        for (int l = 0; l < levels.length; l++) {
            System.arraycopy(request.start(), levels[l] * q, start, l * q, q);
        }
        return switch (request.kind()) {
            case DEVIANCE -> {
                LevelParts.Deviance d = part.deviance(request.theta(), request.beta(), start, request.startLambdas());
                yield new PartResult(block, 0, d.deviance(), null, null, d.modes(), null, true, 0);
            }
            case PROFILE -> {
                LevelParts.Profile r = part.profile(request.theta(), request.beta(), start, request.startLambdas());
                yield new PartResult(block, r.objective(), r.deviance(), r.gradient(), r.schur(), r.modes(), null, true, 0);
            }
            case OPTIMUM -> {
                LevelParts.Optimum o = part.optimum(request.theta(), request.beta(), start, request.startLambdas());
                yield new PartResult(block, 0, o.deviance(), null, null, o.modes(), o.conditionalVariances(), o.converged(), o.iterations());
            }
        };
    }
}
