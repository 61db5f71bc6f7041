package io.glimmer.family;

import org.hipparchus.special.Erf;

/**
 * The few special functions the families need, computed the way R's nmath computes them where the
 * accuracy matters (Hipparchus's normal and Cauchy quantiles lose relative accuracy in the tails,
 * which would break {@code inverse(link(mu)) == mu} for small probabilities).
 */
final class FamilyMath {
    /** R's {@code .Machine$double.eps} (C's DBL_EPSILON): the clamp every bounded link uses. */
    static final double EPS = Math.ulp(1.0);

    private static final double SQRT_2 = Math.sqrt(2.0);
    /** log(2π), the normal densities' constant. */
    static final double LOG_2PI = Math.log(2 * Math.PI);

    private static final double LOG_SQRT_2PI = 0.5 * LOG_2PI;

    private FamilyMath() {
    }

    /** Standard normal distribution function; erfc keeps the lower tail accurate. */
    static double pnorm(double x) {
        return 0.5 * Erf.erfc(-x / SQRT_2);
    }

    static double dnorm(double x) {
        return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
    }

    /**
     * Standard normal quantile by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988),
     * the algorithm behind R's qnorm: about 16 significant digits over the whole range.
     */
    static double qnorm(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            return Double.NaN;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        // Tails: work with the smaller of p and 1 - p (1 - p is exact for p > 0.5).
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double value;
        if (r <= 5) {
            r -= 1.6;
            value = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -value : value;
    }

    /** Standard Cauchy distribution function; for |x| > 1 atan(1/x) keeps the tails accurate. */
    static double pcauchy(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Math.abs(x) > 1) {
            double y = Math.atan(1 / x) / Math.PI;
            return x > 0 ? 1 - y : -y;
        }
        return 0.5 + Math.atan(x) / Math.PI;
    }

    /** Standard Cauchy quantile, from the nearer tail so small p keeps its relative accuracy. */
    static double qcauchy(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            return Double.NaN;
        }
        if (p == 0.5) {
            return 0;
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        return p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
    }

    static double dcauchy(double x) {
        return 1 / (Math.PI * (1 + x * x));
    }

    static double logGamma(double x) {
        return org.hipparchus.special.Gamma.logGamma(x);
    }

    /** log(n choose k) for whole numbers 0 ≤ k ≤ n. */
    static double logChoose(double n, double k) {
        if (k == 0 || k == n) {
            return 0;
        }
        return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
    }

    /**
     * Saturates an overflow at ±Double.MAX_VALUE (NaN passes through). Used where R would return
     * ±Inf for an extreme but valid η, so that the fitting arithmetic downstream stays finite.
     */
    static double saturate(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return Double.MAX_VALUE;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return -Double.MAX_VALUE;
        }
        return x;
    }

    /** A user-supplied name, quoted and forced onto one line (messages must be a single line). */
    static String quote(String s) {
        return s == null ? "null" : "'" + s.replaceAll("\\R", " ") + "'";
    }
}
