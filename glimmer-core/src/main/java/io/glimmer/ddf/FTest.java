package io.glimmer.ddf;

/**
 * An F test of a linear hypothesis Lβ = 0 with approximate denominator degrees of freedom.
 *
 * @param numDf     the rank of the hypothesis (rows of L kept)
 * @param denDf     the denominator degrees of freedom
 * @param statistic F (Kenward–Roger: the scaled F)
 * @param pValue    P(F(numDf, denDf) ≥ statistic)
 * @param scaling   the factor F was multiplied by (Kenward–Roger's F scaling; 1 for Satterthwaite), so
 *                  that statistic / scaling · σ² is the mean square lmerTest prints
 */
public record FTest(int numDf, double denDf, double statistic, double pValue, double scaling) {
    /** A hypothesis with no estimable row: every number missing, as lmerTest's NA row. */
    static FTest missing() {
        return new FTest(0, Double.NaN, Double.NaN, Double.NaN, 1);
    }
}
