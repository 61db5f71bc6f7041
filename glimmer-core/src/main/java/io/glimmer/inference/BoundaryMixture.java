package io.glimmer.inference;

/**
 * The null distribution ½χ²_q + ½χ²_{q+1} of the likelihood-ratio statistic when the larger model
 * adds a variance component whose null value, zero, lies on the boundary of the parameter space
 * (Self &amp; Liang 1987; Stram &amp; Lee 1994). q = 0 is one new independent variance (χ²₀ is the
 * point mass at zero); q &gt; 0 is one new random effect added, with its q covariances, to a term
 * that already has q effects. The naive χ²_{q+1} p-value is conservative: it is at least this one.
 *
 * @param q the smaller degrees of freedom of the two halves
 */
public record BoundaryMixture(int q) {
    public BoundaryMixture {
        if (q < 0) {
            throw new IllegalArgumentException("q must not be negative: " + q);
        }
    }

    /** P(½χ²_q + ½χ²_{q+1} &gt; x). */
    public double pValue(double chisq) {
        return 0.5 * ChiSquaredTail.upper(chisq, q) + 0.5 * ChiSquaredTail.upper(chisq, q + 1);
    }

    /** A readable form such as {@code 0.5*chisq(1) + 0.5*chisq(2)}. */
    public String label() {
        return "0.5*chisq(" + q + ") + 0.5*chisq(" + (q + 1) + ")";
    }
}
