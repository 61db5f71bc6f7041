package io.glimmer.formula;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Formats doubles the way R's deparse does: at most 15 significant digits, and fixed notation
 * unless scientific notation is strictly narrower (R's formatReal with scipen = 0), so
 * 1e5 prints as "1e+05" but 10000 as "10000".
 */
final class RNumbers {
    private RNumbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(15)).stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        int significant = digits.length();
        int exponent = significant - rounded.scale() - 1; // power of ten of the leading digit

        int decimals = Math.max(0, significant - 1 - exponent);
        int fixedWidth = (exponent >= 0 ? exponent + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
        int exponentDigits = Math.abs(exponent) >= 100 ? 3 : 2;
        int sciWidth = significant + (significant > 1 ? 1 : 0) + 2 + exponentDigits;
        if (fixedWidth <= sciWidth) {
            return sign + rounded.setScale(decimals).toPlainString();
        }
        String mantissa = significant > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        String exp = String.format("%0" + exponentDigits + "d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
