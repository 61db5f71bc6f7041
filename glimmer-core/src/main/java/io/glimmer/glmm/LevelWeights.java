package io.glimmer.glmm;

import java.util.SplittableRandom;

/**
 * Importance weights level by level for a model with one random-effects term, whose levels are
 * independent given y and under the Laplace proposal: level j of draw d has the log weight
 * Σ_{r in j} log p(y_r | η_r) + log N(b_jd; 0, I) − log g_j(b_jd) (constants that cancel left out), g_j the
 * level's defensive mixture ({@link LaplaceProposal#drawLevels}).
 * Gives the levels' own likelihood estimates (the log-likelihood is their sum) and systematic
 * resampling of each level's values.
 */
final class LevelWeights {
    private final double[][] b;
    /** [level][draw] log weights. */
    private final double[][] logWeights;
    private final int q;

    private LevelWeights(double[][] b, double[][] logWeights, int q) {
        this.b = b;
        this.logWeights = logWeights;
        this.q = q;
    }

    /** m draws of the one term's b from the proposal, in blocks with the given generators (one per block of {@code block} draws). */
    static LevelWeights draw(DrawTarget target, LaplaceProposal proposal, int m, SplittableRandom[] generators, int block) {
        int levels = target.data.terms()[0].levels();
        int[] codes = target.data.terms()[0].codes();
        double[][] b = new double[m][];
        double[][] logWeights = new double[levels][m];
        target.runner.forEach(generators.length, c -> {
            double[][] draw = target.zeros();
            double[] eta = new double[target.data.rows()];
            double[] level = new double[levels];
            for (int d = c * block; d < Math.min(m, (c + 1) * block); d++) {
                proposal.drawLevels(generators[c], draw[0], level);
                b[d] = draw[0].clone();
                target.linearPredictor(target.toU(draw), eta);
                for (int r = 0; r < eta.length; r++) {
                    level[codes[r]] += target.density.row(r, eta[r]);
                }
                for (int j = 0; j < levels; j++) {
                    logWeights[j][d] = level[j];
                }
            }
        });
        return new LevelWeights(b, logWeights, target.q[0]);
    }

    /** Per level: log mean_d exp(lw_jd) (with the constants left out) and its delta-method variance; and Kish's size. */
    record LevelMean(double logMean, double variance, double effectiveSize) {
    }

    LevelMean mean(int j) {
        io.glimmer.fit.ImportanceSampledLikelihood s = ImportanceSampling.summarise(logWeights[j], 0, 0);
        return new LevelMean(s.logLikelihood(), s.standardError() * s.standardError(), s.effectiveSampleSize());
    }

    int levels() {
        return logWeights.length;
    }

    /**
     * Every level's values resampled systematically by its normalised weights (one uniform per level):
     * draw d of the result takes, for level j, the value whose cumulative weight first exceeds (U_j + d)/m.
     */
    double[][] resample(SplittableRandom rng) {
        int m = b.length;
        double[][] out = new double[m][b[0].length];
        for (int j = 0; j < logWeights.length; j++) {
            double[] lw = logWeights[j];
            double max = Double.NEGATIVE_INFINITY;
            for (double x : lw) {
                max = Math.max(max, x);
            }
            double total = 0;
            for (double x : lw) {
                total += Math.exp(x - max);
            }
            double u = rng.nextDouble();
            int source = 0;
            double cumulative = Math.exp(lw[0] - max) / total * m;
            for (int d = 0; d < m; d++) {
                while (cumulative <= u + d && source < m - 1) {
                    source++;
                    cumulative += Math.exp(lw[source] - max) / total * m;
                }
                System.arraycopy(b[source], j * q, out[d], j * q, q);
            }
        }
        return out;
    }
}
