package io.glimmer.lmm;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.BlockSparse;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.GroupedColumns;

import java.util.List;

/**
 * Everything a linear mixed model needs from its rows, summed in one pass made elsewhere (a
 * distributed pass over rows this process never holds). F = [X, y − offset − shift]; the per-level
 * sums feed only the moment start. Several random-effects terms (crossed or nested) are summed in
 * the order the model takes them (most columns first, as {@code Design} orders them), each pair's
 * Z_i'WZ_j with its pattern. Arrays are taken as given, not copied.
 *
 * @param n             rows
 * @param shift         the (weighted) mean of y − offset taken out of F's last column, 0 without an intercept
 * @param sumLogWeights Σ log wᵢ (0 without prior weights)
 * @param denseLower    F'WF, (p+1)² values, lower triangle
 * @param terms         per term, its sums
 * @param pairs         [i][j &lt; i]: Z_i'WZ_j, one stored block per observed pair of levels (block-columns sorted)
 */
public record SufficientStatistics(long n, int p, double shift, double sumLogWeights, double[] denseLower, List<TermSums> terms,
                                   BlockSparse[][] pairs) {

    /**
     * One term's sums.
     *
     * @param termByDense F'WZ transposed: (level·q + b)·(p+1) + a holds Σ w f_a z_b
     * @param diagonal    Z'WZ, q² values per level
     * @param levelDense  F_l'WF_l per level, (p+1)² values each, lower triangle
     * @param levelCounts rows per level
     */
    public record TermSums(double[] termByDense, double[] diagonal, double[] levelDense, long[] levelCounts) {
    }

    /** One random-effects term. */
    public SufficientStatistics(long n, int p, double shift, double sumLogWeights, double[] denseLower, double[] termByDense,
                                double[] diagonal, double[] levelDense, long[] levelCounts) {
        this(n, p, shift, sumLogWeights, denseLower, List.of(new TermSums(termByDense, diagonal, levelDense, levelCounts)),
                new BlockSparse[1][0]);
    }

    /** The first term's F'WZ (transposed layout). */
    public double[] termByDense() {
        return terms.get(0).termByDense();
    }

    public double[] diagonal() {
        return terms.get(0).diagonal();
    }

    public double[] levelDense() {
        return terms.get(0).levelDense();
    }

    public long[] levelCounts() {
        return terms.get(0).levelCounts();
    }

    /** The cross products the factorisation starts from, for the term's shape (its rows are not read). */
    public CrossProducts crossProducts(RandomEffectsTerm term) {
        return crossProducts(List.of(term));
    }

    /** The cross products for the terms' shapes, in this record's term order. */
    public CrossProducts crossProducts(List<RandomEffectsTerm> shapes) {
        int k = shapes.size();
        if (k != terms.size()) {
            throw new IllegalArgumentException("sums of " + terms.size() + " terms for " + k + " terms");
        }
        GroupedColumns[] columns = new GroupedColumns[k];
        double[][] diagonals = new double[k][];
        double[][] byDense = new double[k][];
        for (int i = 0; i < k; i++) {
            columns[i] = shapes.get(i).columns();
            diagonals[i] = terms.get(i).diagonal();
            byDense[i] = terms.get(i).termByDense();
        }
        return CrossProducts.ofSums(columns, p + 1, diagonals, byDense, pairs, denseLower);
    }
}
