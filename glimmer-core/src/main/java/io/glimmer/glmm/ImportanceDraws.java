package io.glimmer.glmm;

import java.util.SplittableRandom;

/**
 * Importance sampling from the Laplace Gaussian around the conditional modes ({@link LaplaceProposal}),
 * self-normalised. Draws are made in blocks of {@link #BLOCK}, each block with its own generator split
 * from the sample's in block order, and appended in block order.
 * <p>
 * With one random-effects term the levels are independent given y, and joint weights (a product of
 * one factor per level) degenerate as levels multiply: 300 levels leave one effective draw. There each
 * level is weighted on its own ({@link LevelWeights}) and its values are resampled systematically by
 * those weights, so the sample is equally weighted and, level by level, as good as that level's weights.
 * Each level's proposal is then the defensive mixture of {@link LaplaceProposal#drawLevels}.
 */
final class ImportanceDraws extends DrawSample {
    static final int BLOCK = 64;
    private final DrawTarget target;
    private final LaplaceProposal proposal;
    private final SplittableRandom rng;

    ImportanceDraws(DrawTarget target, LaplaceProposal proposal, SplittableRandom rng) {
        this.target = target;
        this.proposal = proposal;
        this.rng = rng;
    }

    @Override
    String sampler() {
        return "importance";
    }

    @Override
    void add(int m) {
        if (proposal.levelwise()) {
            addResampled(m);
            return;
        }
        int blocks = (m + BLOCK - 1) / BLOCK;
        SplittableRandom[] generators = generators(blocks);
        double[][][][] u = new double[blocks][][][];
        double[][] logLik = new double[blocks][];
        double[][] logWeight = new double[blocks][];
        target.runner.forEach(blocks, c -> {
            int count = Math.min(BLOCK, m - c * BLOCK);
            u[c] = new double[count][][];
            logLik[c] = new double[count];
            logWeight[c] = new double[count];
            double[][] b = target.zeros();
            double[] eta = new double[target.data.rows()];
            for (int i = 0; i < count; i++) {
                double priorOverProposal = proposal.draw(generators[c], b);
                u[c][i] = target.toU(b);
                logLik[c][i] = target.logLikelihood(u[c][i], eta);
                logWeight[c][i] = logLik[c][i] + priorOverProposal;
            }
        });
        for (int c = 0; c < blocks; c++) {
            for (int i = 0; i < u[c].length; i++) {
                append(u[c][i], logLik[c][i], logWeight[c][i]);
            }
        }
    }

    private SplittableRandom[] generators(int blocks) {
        SplittableRandom[] generators = new SplittableRandom[blocks];
        for (int c = 0; c < blocks; c++) {
            generators[c] = rng.split();
        }
        return generators;
    }

    /** m draws, each level's values resampled by its own weights (systematic resampling), then equally weighted. */
    private void addResampled(int m) {
        LevelWeights weights = LevelWeights.draw(target, proposal, m, generators((m + BLOCK - 1) / BLOCK), BLOCK);
        double[][] b = weights.resample(rng);
        for (int d = 0; d < m; d++) { // log p(y | u_d) left out (NaN): a pass over every row that the M-step's first pass makes anyway
            append(target.toU(new double[][]{b[d]}), Double.NaN, 0);
        }
    }
}
