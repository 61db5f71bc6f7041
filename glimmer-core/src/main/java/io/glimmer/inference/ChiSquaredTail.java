package io.glimmer.inference;

import org.hipparchus.special.Gamma;

/**
 * Upper tail probabilities of χ², as R's {@code pchisq(x, df, lower.tail = FALSE)}. Hipparchus's
 * {@code ChiSquaredDistribution} gives the lower tail, and 1 − cdf rounds every p-value below
 * about 1e-16 to zero; the regularized incomplete gamma complement Q(df/2, x/2) keeps them.
 */
final class ChiSquaredTail {
    private ChiSquaredTail() {
    }

    /**
     * P(χ²(df) &gt; x). For df = 0, χ²₀ is the point mass at zero: the tail is 0 for x &gt; 0.
     * For x ≤ 0 the tail is 1 (nothing is less extreme than no improvement at all).
     */
    static double upper(double x, int df) {
        if (df < 0) {
            throw new IllegalArgumentException("negative degrees of freedom: " + df);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        if (df == 0) {
            return 0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}
