package io.glimmer.design;

import java.math.BigDecimal;

/** Numbers written as R's as.character writes them (15 significant digits, no trailing zeros). */
public final class NumberFormat {
    private NumberFormat() {
    }

    public static String r(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        BigDecimal d = new BigDecimal(x).round(new java.math.MathContext(15)).stripTrailingZeros();
        return d.toPlainString();
    }
}
