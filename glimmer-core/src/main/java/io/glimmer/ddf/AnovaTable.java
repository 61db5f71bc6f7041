package io.glimmer.ddf;

import io.glimmer.options.DenominatorDf;

import java.util.List;

/**
 * lmerTest's anova of one linear mixed model: an F test per fixed term.
 *
 * @param type 3 (type III, lmerTest's default) or 1 (sequential)
 */
public record AnovaTable(DenominatorDf ddf, int type, List<Row> rows) {
    public AnovaTable {
        rows = List.copyOf(rows);
    }

    /**
     * One term's test, with lmerTest's sums of squares: the mean square is the unscaled F times σ̂².
     *
     * @param numDf the rank of the term's hypothesis (0 when nothing is estimable: every number is then NaN)
     */
    public record Row(String term, double sumSq, double meanSq, int numDf, double denDf, double f, double pValue) {
    }
}
