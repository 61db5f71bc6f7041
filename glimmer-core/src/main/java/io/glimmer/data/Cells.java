package io.glimmer.data;

import java.util.regex.Pattern;

/**
 * How the text of one CSV cell is read. One place for the rules, so the reader's type detection
 * and the numeric sorting of levels agree (and agree with R's read.csv).
 */
final class Cells {
    // Decimal with optional exponent, like R's type.convert (hex and the 'L' suffix are not accepted).
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    // R reads Inf / inf / Infinity, case-insensitively, with an optional sign.
    private static final Pattern INFINITY = Pattern.compile("([+-]?)(?i:inf|infinity)");

    private Cells() {
    }

    /** Empty (or blank), "NA" or "NaN": missing in any column type. Quoted or not, as R's na.strings. */
    static boolean isMissing(String cell) {
        String t = cell.trim();
        return t.isEmpty() || t.equals("NA") || t.equals("NaN");
    }

    /** Whether the text, ignoring surrounding spaces, is a number (finite or infinite). */
    static boolean isNumber(String cell) {
        String t = cell.trim();
        return DECIMAL.matcher(t).matches() || INFINITY.matcher(t).matches();
    }

    /** The value of a cell for which {@link #isNumber} holds. */
    static double toDouble(String cell) {
        String t = cell.trim();
        var inf = INFINITY.matcher(t);
        if (inf.matches()) {
            return inf.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        // Safe: DECIMAL is a subset of what Double.parseDouble accepts; huge exponents give +-Infinity like R.
        return Double.parseDouble(t);
    }
}
