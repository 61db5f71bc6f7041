package io.glimmer.lmm;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.CrossProducts;

/**
 * Everything a linear mixed model with one random-effects term needs from its rows, summed in one
 * pass made elsewhere (a distributed pass over rows this process never holds). F = [X, y − offset −
 * shift]; the per-level sums feed only the moment start. Arrays are taken as given, not copied.
 *
 * @param n             rows
 * @param shift         the (weighted) mean of y − offset taken out of F's last column, 0 without an intercept
 * @param sumLogWeights Σ log wᵢ (0 without prior weights)
 * @param denseLower    F'WF, (p+1)² values, lower triangle
 * @param termByDense   F'WZ transposed: (level·q + b)·(p+1) + a holds Σ w f_a z_b
 * @param diagonal      Z'WZ, q² values per level
 * @param levelDense    F_l'WF_l per level, (p+1)² values each, lower triangle
 * @param levelCounts   rows per level
 */
public record SufficientStatistics(long n, int p, double shift, double sumLogWeights, double[] denseLower, double[] termByDense,
                                   double[] diagonal, double[] levelDense, long[] levelCounts) {

    /** The cross products the factorisation starts from, for the term's shape (its rows are not read). */
    public CrossProducts crossProducts(RandomEffectsTerm term) {
        return CrossProducts.ofSums(term.columns(), p + 1, diagonal, termByDense, denseLower);
    }
}
