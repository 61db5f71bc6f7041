package io.glimmer.summary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Numbers as R's {@code format()} and {@code print()} write them, so that summaries read like lme4's:
 * a vector shares one notation (fixed or scientific), one number of decimals and one width, chosen
 * as R's formatReal does: enough decimals for every element to show {@code digits} significant
 * digits, scientific only when fixed notation would be wider.
 */
public final class RFormat {
    private RFormat() {
    }

    /** R's {@code format(x, digits = digits)}: right-justified to a common width. */
    public static String[] format(double[] x, int digits) {
        return format(x, digits, 0);
    }

    /** R's {@code format(x, digits = digits, nsmall = nsmall)}: right-justified to a common width. */
    static String[] format(double[] x, int digits, int nsmall) {
        boolean anyFinite = false;
        boolean neg = false;
        int rgt = Integer.MIN_VALUE;
        int mxsl = Integer.MIN_VALUE;
        int mxl = Integer.MIN_VALUE;
        int mnl = Integer.MAX_VALUE;
        int mxns = Integer.MIN_VALUE;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                continue;
            }
            anyFinite = true;
            boolean negative = v < 0;
            neg |= negative;
            int kp;
            int nsig;
            if (v == 0) {
                kp = 0;
                nsig = 1;
            } else {
                BigDecimal a = new BigDecimal(Math.abs(v)).round(new MathContext(digits, RoundingMode.HALF_EVEN));
                kp = a.precision() - a.scale() - 1;
                nsig = Math.max(1, a.stripTrailingZeros().precision());
            }
            int left = kp + 1;
            int sleft = (negative ? 1 : 0) + (left <= 0 ? 1 : left);
            rgt = Math.max(rgt, nsig - left);
            mxl = Math.max(mxl, left);
            mnl = Math.min(mnl, left);
            mxsl = Math.max(mxsl, sleft);
            mxns = Math.max(mxns, nsig);
        }
        String[] out = new String[x.length];
        if (!anyFinite) {
            for (int i = 0; i < x.length; i++) {
                out[i] = nonFinite(x[i]);
            }
            return pad(out);
        }
        if (mxl < 0) {
            mxsl = 1 + (neg ? 1 : 0);
        }
        rgt = Math.max(rgt, 0);
        int fixedWidth = mxsl + rgt + (rgt != 0 ? 1 : 0);
        int expDigits = (mxl > 100 || mnl <= -99) ? 2 : 1;
        int mantissaDecimals = mxns - 1;
        int sciWidth = (neg ? 1 : 0) + (mantissaDecimals > 0 ? 1 : 0) + mantissaDecimals + 4 + expDigits;
        boolean fixed = fixedWidth <= sciWidth;
        int decimals = fixed ? Math.max(rgt, nsmall) : mantissaDecimals;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                out[i] = nonFinite(v);
            } else {
                out[i] = fixed ? fixed(v, decimals) : scientific(v, decimals);
            }
        }
        return pad(out);
    }

    /** One number as R's cat() or print() shows it (7 significant digits), without padding. */
    static String number(double x) {
        return format(new double[]{x}, 7)[0];
    }

    /** One number with {@code digits} significant digits, R style, without padding. */
    public static String number(double x, int digits) {
        return format(new double[]{x}, digits)[0];
    }

    /** R's round(x, digits): the exact binary value rounded half-to-even. */
    public static double round(double x, int digits) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** R's round(x, digits) of each element. */
    public static double[] round(double[] x, int digits) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = round(x[i], digits);
        }
        return r;
    }

    /** R's zapsmall(x, digits): rounds away what is tiny next to the largest element. */
    static double[] zapsmall(double[] x, int digits) {
        double mx = Arrays.stream(x).filter(Double::isFinite).map(Math::abs).max().orElse(Double.NaN);
        if (Double.isNaN(mx)) {
            return x.clone();
        }
        int d = mx > 0 ? Math.max(0, digits - (int) Math.ceil(Math.log10(mx))) : digits;
        return round(x, d);
    }

    static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** C's %.{decimals}e with at least two exponent digits, e.g. 1.47e-09. */
    static String scientific(double v, int decimals) {
        if (v == 0) {
            return (decimals > 0 ? "0." + "0".repeat(decimals) : "0") + "e+00";
        }
        BigDecimal a = new BigDecimal(Math.abs(v)).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
        int exponent = a.precision() - a.scale() - 1;
        BigDecimal mantissa = a.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_EVEN);
        String e = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return (v < 0 ? "-" : "") + mantissa.toPlainString() + "e" + e;
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v > 0 ? "Inf" : "-Inf";
    }

    /** Right-justifies every string to the longest one. */
    static String[] pad(String[] s) {
        int w = 0;
        for (String t : s) {
            w = Math.max(w, t.length());
        }
        String[] out = new String[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = " ".repeat(w - s[i].length()) + s[i];
        }
        return out;
    }
}
