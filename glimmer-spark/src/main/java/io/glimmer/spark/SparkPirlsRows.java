package io.glimmer.spark;

import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.glmm.PirlsRows;
import io.glimmer.linalg.BlockSparse;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.SmallBlocks;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * PIRLS's row passes over cached {@link GlmmBlock}s as Spark jobs: (β, u = λb) are broadcast, every
 * partition computes η = offset + Xβ + Σ Z_k u_k and μ from its own rows and returns its deviance
 * and (usually in the same job) its weighted cross products ({@link GlmmSums}), added on the driver in
 * partition order with compensated sums. Every job recomputes η from what was broadcast, so a task
 * holds no state between jobs and a retried task gives the same sums.
 */
final class SparkPirlsRows implements PirlsRows {
    private final JavaRDD<GlmmBlock> blocks;
    private final JavaSparkContext sc;
    private final String familyName;
    private final String linkName;
    private final int p;
    private final int[] q;
    private final int[] levels;
    private final GroupedColumns[] shapes;
    /** The level pairs that some row has, fixed before the first pass; sent to the tasks once. */
    private final PairPattern pattern;
    private final Broadcast<PairPattern> patternShared;
    /** The point of the last {@link #evaluate}: β and u = λb per term. */
    private double[] beta;
    private double[][] u;
    private int passes;
    /** The form of the last cross products asked for (with X or not), null before any. */
    private Boolean lastWithX;
    /** The cross products summed with the last deviance, of form {@link #aheadWithX}, or null. */
    private GlmmSums ahead;
    private Boolean aheadWithX;

    /** The point a pass evaluates at, broadcast to every task. */
    private record Point(double[] beta, double[][] u) implements Serializable {
        long size() {
            long n = beta.length;
            for (double[] v : u) {
                n += v.length;
            }
            return n;
        }
    }

    /** Points of more values than this (256 KiB) are broadcast, not sent with every task. */
    private static final long BROADCAST_ABOVE = 32_768;

    SparkPirlsRows(JavaRDD<GlmmBlock> blocks, Family family, int p, int[] q, int[] levels) {
        this.blocks = blocks;
        this.sc = JavaSparkContext.fromSparkContext(blocks.context());
        this.familyName = family.distribution().name();
        this.linkName = family.link().name();
        this.p = p;
        this.q = q.clone();
        this.levels = levels.clone();
        this.shapes = new GroupedColumns[q.length];
        for (int m = 0; m < q.length; m++) {
            shapes[m] = new GroupedColumns(levels[m], q[m], new int[0], new double[0]);
        }
        this.pattern = blocks.treeAggregate(PairPattern.empty(levels), (s, b) -> s.with(b.pairKeys), PairPattern::with);
        this.patternShared = sc.broadcast(pattern);
    }

    /** Releases what the passes shared (the pattern's broadcast); no pass runs after. */
    void close() {
        patternShared.destroy();
    }

    @Override
    public int p() {
        return p;
    }

    /** Spark jobs run for PIRLS passes so far. */
    int passes() {
        return passes;
    }

    @Override
    public double evaluate(double[][] lambda, double[] beta, double[][] b) {
        this.beta = beta.clone();
        this.u = new double[q.length][];
        for (int m = 0; m < q.length; m++) {
            u[m] = new double[levels[m] * q[m]];
            SmallBlocks.multiplyRightLowerTranspose(b[m], levels[m], lambda[m], q[m], u[m]);
        }
        // PIRLS nearly always asks next for the weights' cross products at this point, of the form
        // it asked for last: they are summed in the same job, which halves the jobs per iteration
        Pass pass = run(lastWithX, lastWithX == null || lastWithX ? null : this.beta);
        ahead = pass.sums();
        aheadWithX = lastWithX;
        return pass.deviance();
    }

    /** One job over every block at the last evaluated point: the deviance, and the cross products when withX is not null. */
    private Pass run(Boolean withX, double[] fixedBeta) {
        Point here = new Point(this.beta, u);
        // a small point travels in the tasks themselves: a broadcast's setup and blocking removal cost more than it
        Broadcast<Point> point = here.size() > BROADCAST_ABOVE ? sc.broadcast(here) : null;
        int width = withX == null ? 0 : withX ? p + 1 : 1;
        String family = familyName;
        String link = linkName;
        int[] qs = q;
        int[] ls = levels;
        Broadcast<PairPattern> pairs = patternShared;
        try {
            passes++;
            List<Pass> parts = blocks.mapPartitions(it -> {
                Family fam = Family.of(family, link);
                Pass sum = new Pass(new CompensatedSums(1), width == 0 ? null : new GlmmSums(width, qs, ls));
                while (it.hasNext()) {
                    Pass.add(sum, it.next(), point == null ? here : point.value(), fam, fixedBeta, pairs.value());
                }
                return List.of(sum).iterator();
            }).collect();
            Pass total = parts.get(0);
            for (int i = 1; i < parts.size(); i++) { // in partition order
                total.devianceSum().merge(parts.get(i).devianceSum());
                if (total.sums() != null) {
                    total.sums().merge(parts.get(i).sums());
                }
            }
            return total;
        } finally {
            if (point != null) {
                point.destroy();
            }
        }
    }

    @Override
    public CrossProducts structure(int width) {
        double[][] diagonal = new double[q.length][];
        double[][] byDense = new double[q.length][];
        BlockSparse[][] off = new BlockSparse[q.length][];
        for (int m = 0; m < q.length; m++) {
            diagonal[m] = new double[levels[m] * q[m] * q[m]];
            byDense[m] = new double[levels[m] * q[m] * width];
            off[m] = new BlockSparse[m];
            for (int j = 0; j < m; j++) {
                off[m][j] = pattern.structure(m, j, q[m], q[j]);
            }
        }
        return CrossProducts.ofSums(shapes, width, diagonal, byDense, off, new double[width * width]);
    }

    @Override
    public void crossProducts(CrossProducts target, boolean withX, double[] beta) {
        lastWithX = withX;
        GlmmSums sums = ahead != null && aheadWithX == withX && (withX || Arrays.equals(beta, this.beta)) ? ahead
                : run(withX, withX ? null : beta.clone()).sums();
        ahead = null;
        double[][] diagonal = new double[q.length][];
        double[][] byDense = new double[q.length][];
        double[][][] off = new double[q.length][][];
        for (int m = 0; m < q.length; m++) {
            diagonal[m] = sums.diagonal(m);
            byDense[m] = sums.termByDense(m);
            off[m] = new double[m][];
            for (int j = 0; j < m; j++) {
                off[m][j] = sums.pairValues(m, j, pattern);
            }
        }
        target.refill(diagonal, byDense, off, sums.denseLower());
    }

    /**
     * A job's sums: the deviance, and the cross products or null.
     *
     * @param devianceSum Σ deviance residuals (one compensated sum)
     */
    private record Pass(CompensatedSums devianceSum, GlmmSums sums) implements Serializable {
        double deviance() {
            return devianceSum.get(0);
        }

        /**
         * Adds a block's rows: η and μ at the point, the deviance, and (with sums) the working weights
         * w = prior·μ'(η)²/V(μ) and response z = η − offset + (y − μ)/μ'(η), F = [X, z] or [z − Xβ].
         */
        static void add(Pass to, GlmmBlock block, Point at, Family family, double[] fixedBeta, PairPattern pattern) {
            Distribution dist = family.distribution();
            Means means = Means.of(block, at, family);
            int p = block.p;
            double[] f = to.sums == null ? null : new double[fixedBeta == null ? p + 1 : 1];
            if (f != null) {
                to.sums.begin(block);
            }
            for (int r = 0; r < block.rows; r++) {
                double mu = means.mu[r];
                to.devianceSum.add(0, dist.devianceResidual(block.y[r], mu, block.weights[r]));
                if (f == null) {
                    continue;
                }
                double d = means.muEta[r];
                double w = block.weights[r] * d * d / dist.variance(mu);
                double z = means.eta[r] - (block.offset == null ? 0 : block.offset[r]) + (block.y[r] - mu) / d;
                if (fixedBeta == null) {
                    System.arraycopy(block.x, r * p, f, 0, p);
                    f[p] = z;
                } else {
                    double xb = 0;
                    for (int a = 0; a < p; a++) {
                        xb += block.x[r * p + a] * fixedBeta[a];
                    }
                    f[0] = z - xb;
                }
                to.sums.add(block, r, w, f);
            }
            if (f != null) {
                to.sums.end(block, pattern);
            }
        }
    }

    /** η, μ and dμ/dη of a block's rows at a point. */
    private record Means(double[] eta, double[] mu, double[] muEta) {
        static Means of(GlmmBlock b, Point at, Family family) {
            int n = b.rows;
            int p = b.p;
            double[] eta = new double[n];
            for (int r = 0; r < n; r++) {
                double s = b.offset == null ? 0 : b.offset[r];
                for (int a = 0; a < p; a++) {
                    s += b.x[r * p + a] * at.beta()[a];
                }
                for (int m = 0; m < b.codes.length; m++) {
                    int qm = b.z[m].length / n;
                    int base = b.codes[m][r] * qm;
                    for (int a = 0; a < qm; a++) {
                        s += b.z[m][r * qm + a] * at.u()[m][base + a];
                    }
                }
                eta[r] = s;
            }
            double[] mu = new double[n];
            double[] muEta = new double[n];
            family.link().inverseAndDerivative(eta, mu, muEta, 0, n);
            return new Means(eta, mu, muEta);
        }
    }
}
