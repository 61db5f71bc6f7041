package io.glimmer.data;

import java.nio.charset.StandardCharsets;

/**
 * How the text of one CSV cell is read. One place for the rules, so the reader's type detection
 * and the numeric sorting of levels agree (and agree with R's read.csv).
 * <p>
 * Numbers are decimals with an optional sign, point and exponent, like R's type.convert (hex and
 * the 'L' suffix are not accepted), or Inf / inf / Infinity (any case, optional sign). The cells of a
 * large file are scanned by hand rather than by regular expression (which took most of the time of
 * reading a 41 MB file), with Clinger's exact fast path for short decimals.
 */
final class Cells {
    /** Not a number: what {@link #parse} returns for text that is not one (a NaN no cell parses to). */
    static final double NOT_A_NUMBER = Double.NaN;

    /** 10^k for k ≤ 22: every one is exactly representable, which the fast path needs. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
        }
    }

    private Cells() {
    }

    /** Empty (or blank), "NA" or "NaN": missing in any column type. Quoted or not, as R's na.strings. */
    static boolean isMissing(String cell) {
        String t = cell.trim();
        return t.isEmpty() || t.equals("NA") || t.equals("NaN");
    }

    /** {@link #isMissing(String)} of the UTF-8 text in bytes [start, end) (String.trim's blanks are the ASCII bytes up to ' '). */
    static boolean isMissing(byte[] b, int start, int end) {
        while (start < end && (b[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (b[end - 1] & 0xff) <= ' ') {
            end--;
        }
        int n = end - start;
        return n == 0 || (n == 2 && b[start] == 'N' && b[start + 1] == 'A')
                || (n == 3 && b[start] == 'N' && b[start + 1] == 'a' && b[start + 2] == 'N');
    }

    /** Whether the text, ignoring surrounding spaces, is a number (finite or infinite). */
    static boolean isNumber(String cell) {
        return !Double.isNaN(parse(cell));
    }

    /** The value of a cell for which {@link #isNumber} holds. */
    static double toDouble(String cell) {
        double v = parse(cell);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("not a number: '" + cell + "'");
        }
        return v;
    }

    /** The number the text (ignoring surrounding spaces) writes, or {@link #NOT_A_NUMBER} when it is not one. */
    static double parse(String cell) {
        int n = cell.length();
        for (int i = 0; i < n; i++) {
            if (cell.charAt(i) >= 0x80) {
                return parseNonAscii(cell);
            }
        }
        return parse(cell.getBytes(StandardCharsets.ISO_8859_1), 0, n);
    }

    /**
     * A text with a character beyond ASCII: only an infinity can be a number then (digits, points, signs and
     * exponents are ASCII), and equalsIgnoreCase lets a few such letters spell one, as it always did here.
     */
    private static double parseNonAscii(String cell) {
        String t = cell.trim();
        boolean negative = !t.isEmpty() && t.charAt(0) == '-';
        int i = !t.isEmpty() && (t.charAt(0) == '+' || negative) ? 1 : 0;
        if (i < t.length() && (t.charAt(i) == 'i' || t.charAt(i) == 'I')) {
            return infinity(t.substring(i), negative);
        }
        return NOT_A_NUMBER;
    }

    private static double infinity(String word, boolean negative) {
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return NOT_A_NUMBER;
    }

    /**
     * {@link #parse(String)} of the UTF-8 text in bytes [start, end): the scanner itself, on bytes so that the CSV
     * reader needs no String per cell.
     */
    static double parse(byte[] cell, int start, int end) {
        while (start < end && (cell[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (cell[end - 1] & 0xff) <= ' ') {
            end--;
        }
        if (start == end) {
            return NOT_A_NUMBER;
        }
        boolean negative = false;
        int i = start;
        byte c = cell[i];
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        if (i < end && (cell[i] == 'i' || cell[i] == 'I')) {
            for (int k = i; k < end; k++) {
                if (cell[k] < 0) { // a byte of a character beyond ASCII: the String rule decides
                    return parseNonAscii(new String(cell, start, end - start, StandardCharsets.UTF_8));
                }
            }
            return infinity(new String(cell, i, end - i, StandardCharsets.ISO_8859_1), negative);
        }
        long mantissa = 0;
        int digits = 0;          // significant digits kept in the mantissa (leading zeros skipped)
        boolean exactMantissa = true;
        int fractionDigits = 0;  // digits after the point that went into the mantissa
        int intDigits = 0;
        for (; i < end && isDigit(cell[i]); i++, intDigits++) {
            int d = cell[i] - '0';
            if (digits < 18) {
                mantissa = mantissa * 10 + d;
                digits += mantissa == 0 ? 0 : 1;
            } else {
                exactMantissa = false;
            }
        }
        int fracDigits = 0;
        if (i < end && cell[i] == '.') {
            i++;
            for (; i < end && isDigit(cell[i]); i++, fracDigits++) {
                int d = cell[i] - '0';
                if (digits < 18) {
                    mantissa = mantissa * 10 + d;
                    digits += mantissa == 0 ? 0 : 1;
                    fractionDigits++;
                } else {
                    exactMantissa = false;
                }
            }
        }
        if (intDigits + fracDigits == 0) {
            return NOT_A_NUMBER;
        }
        long exponent = 0;
        if (i < end && (cell[i] == 'e' || cell[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (cell[i] == '+' || cell[i] == '-')) {
                negativeExponent = cell[i] == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < end && isDigit(cell[i]); i++, expDigits++) {
                exponent = Math.min(exponent * 10 + (cell[i] - '0'), 1_000_000);
            }
            if (expDigits == 0) {
                return NOT_A_NUMBER;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != end) {
            return NOT_A_NUMBER;
        }
        long scale = exponent - fractionDigits;
        // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 10^22 are both exact
        // doubles, so one correctly rounded multiplication or division gives the correctly rounded value.
        if (exactMantissa && mantissa < (1L << 53) && Math.abs(scale) <= 22) {
            double v = scale >= 0 ? mantissa * POWERS_OF_TEN[(int) scale] : mantissa / POWERS_OF_TEN[(int) -scale];
            return negative ? -v : v;
        }
        // Huge exponents give ±Infinity (or 0) like R; Double.parseDouble accepts every text scanned above.
        return Double.parseDouble(new String(cell, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
