package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 14's simulation study, in small: the first {@link #REPLICATES} replicates of {@link SalamanderStudy}
 * (seeds 1 … R, the data's and MCEM's, fixed in advance; the full 50-replicate table is in docs/METHODS.md).
 * Laplace shrinks the variance components of this crossed binary design; MCEM, maximum likelihood up to
 * Monte Carlo error, does less. What R replicates can show with a stated margin: per σ, MCEM's estimate
 * exceeds Laplace's on average by more than 2 standard errors of the paired differences (their spread
 * over replicates holds both the data's variability and each fit's Monte Carlo error); and MCEM's mean
 * estimate is not above the truth by more than 2 of its standard errors (replicates' s.d./√R): it moves
 * from Laplace's towards the truth without overshooting it. The size of each method's bias needs the
 * full run (its s.e. with R = 6 is about 0.15, larger than MCEM's bias).
 */
class SalamanderStudyTest {
    static final int REPLICATES = 6;

    @Test
    void mcemsVarianceComponentsAreLessShrunkThanLaplaces() {
        SalamanderStudy.Results results = SalamanderStudy.run(REPLICATES);
        for (int i = 0; i < 2; i++) {
            double[] d = SalamanderStudy.difference(results, i);
            double mean = SalamanderStudy.mean(d);
            double se = SalamanderStudy.sd(d) / Math.sqrt(d.length);
            assertTrue(mean > 2 * se, SalamanderStudy.NAMES[i] + ": MCEM − Laplace " + mean + " ± " + se);
            assertTrue(results.bias(1, i) < 2 * results.biasError(1, i),
                    SalamanderStudy.NAMES[i] + ": MCEM bias " + results.bias(1, i) + " ± " + results.biasError(1, i));
        }
    }
}
