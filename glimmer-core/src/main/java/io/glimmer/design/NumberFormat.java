package io.glimmer.design;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.DoubleFunction;

/**
 * Numbers as text the way R spells them: NaN, Inf and -Inf, whole numbers without ".0"; other numbers
 * as R's as.character writes them ({@link #r}: 15 significant digits, no trailing zeros) or, in
 * messages, in full ({@link #message}).
 */
public final class NumberFormat {
    private static final MathContext R_DIGITS = new MathContext(15);

    private NumberFormat() {
    }

    public static String r(double x) {
        return format(x, d -> new BigDecimal(d).round(R_DIGITS).stripTrailingZeros().toPlainString());
    }

    /** A number for a one-line message: a number that is not whole as {@link Double#toString}. */
    public static String message(double x) {
        return format(x, Double::toString);
    }

    private static String format(double x, DoubleFunction<String> fraction) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return fraction.apply(x);
    }
}
