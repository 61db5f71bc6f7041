package io.glimmer.spark;

import io.glimmer.glmm.LevelParts;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.List;

/**
 * The core's {@link LevelParts} over a cached RDD of {@link PartModel}s (one per block of levels, a list per partition):
 * each evaluation is one Spark job. The request (θ, β and the start modes of every level) is
 * broadcast, each block evaluates its own levels, and only per-block sums and per-level modes come
 * back; the sums are added in block order, so that, as each block's evaluation is, they do not
 * depend on how the blocks are spread over partitions.
 */
final class SparkLevelParts implements LevelParts {
    private final JavaRDD<List<PartModel>> parts;
    private final JavaSparkContext sc;
    /** Per block number, its levels' indices among all levels (fixed when the parts were built; null for no block). */
    private final int[][] levels;
    private final int levelCount;
    private final int q;
    private final int p;

    SparkLevelParts(JavaRDD<List<PartModel>> parts, int[][] levels, int levelCount, int q, int p) {
        this.parts = parts;
        this.sc = JavaSparkContext.fromSparkContext(parts.context());
        this.levels = levels;
        this.levelCount = levelCount;
        this.q = q;
        this.p = p;
    }

    private List<PartResult> run(PartModel.Kind kind, double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        Broadcast<PartModel.Request> request = sc.broadcast(new PartModel.Request(kind, theta.clone(), beta.clone(), start.clone(),
                startLambdas == null ? null : startLambdas.clone()));
        try {
            List<PartResult> results = new java.util.ArrayList<>(parts.flatMap(all -> all.stream().map(part -> part.evaluate(request.value())).iterator()).collect());
            results.sort(java.util.Comparator.comparingInt(PartResult::part));
            return results;
        } finally {
            request.destroy();
        }
    }

    /** Every part's modes put at their levels' places; levels no part holds keep the start's. */
    private double[] modes(List<PartResult> results, double[] start) {
        double[] out = start.clone();
        for (PartResult r : results) {
            int[] lv = levels[r.part()];
            for (int l = 0; l < lv.length; l++) {
                System.arraycopy(r.modes(), l * q, out, lv[l] * q, q);
            }
        }
        return out;
    }

    @Override
    public Deviance deviance(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        List<PartResult> results = run(PartModel.Kind.DEVIANCE, theta, beta, start, startLambdas);
        CompensatedSums sum = new CompensatedSums(1);
        for (PartResult r : results) {
            if (!Double.isFinite(r.deviance())) {
                return new Deviance(Double.POSITIVE_INFINITY, start);
            }
            sum.add(0, r.deviance());
        }
        return new Deviance(sum.get(0), modes(results, start));
    }

    @Override
    public Profile profile(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        List<PartResult> results = run(PartModel.Kind.PROFILE, theta, beta, start, startLambdas);
        CompensatedSums sums = new CompensatedSums(2 + p + p * p);
        for (PartResult r : results) {
            if (r.gradient() == null) {
                return new Profile(Double.NaN, Double.POSITIVE_INFINITY, null, null, null);
            }
            sums.add(0, r.objective());
            sums.add(1, r.deviance());
            for (int j = 0; j < p; j++) {
                sums.add(2 + j, r.gradient()[j]);
            }
            for (int k = 0; k < p * p; k++) {
                sums.add(2 + p + k, r.schur()[k]);
            }
        }
        return new Profile(sums.get(0), sums.get(1), sums.get(2, p), sums.get(2 + p, p * p), modes(results, start));
    }

    @Override
    public Optimum optimum(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        List<PartResult> results = run(PartModel.Kind.OPTIMUM, theta, beta, start, startLambdas);
        CompensatedSums sum = new CompensatedSums(1);
        double[] variances = new double[levelCount * q * q];
        boolean converged = true;
        int iterations = 0;
        for (PartResult r : results) {
            sum.add(0, r.deviance());
            converged &= r.converged();
            iterations = Math.max(iterations, r.iterations());
            int[] lv = levels[r.part()];
            for (int l = 0; l < lv.length; l++) {
                System.arraycopy(r.variances(), l * q * q, variances, lv[l] * q * q, q * q);
            }
        }
        return new Optimum(sum.get(0), modes(results, start), variances, converged, iterations);
    }
}
