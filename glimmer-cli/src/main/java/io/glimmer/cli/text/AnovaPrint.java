package io.glimmer.cli.text;

import io.glimmer.summary.PValues;
import io.glimmer.summary.RFormat;
import io.glimmer.summary.TextMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * R's print.anova, which lme4's model comparison and lmerTest's F tests both print through: five
 * significant digits, columns zapped (zapsmall) and formatted one by one, the test statistic rounded
 * to four decimals, p-values by format.pval with significance stars; a missing value is blank.
 */
final class AnovaPrint {
    static final int DIGITS = 5;

    /** How print.anova treats a column. */
    enum Column {
        /** zapsmall, then format: sums of squares, AIC, denominator df. */
        ZAPPED,
        /** format only: columns named "...Df". */
        PLAIN,
        /** the test statistic: rounded to DIGITS − 1 decimals, then format. */
        STATISTIC,
        /** the p-value: format.pval and the stars. */
        P_VALUE
    }

    private AnovaPrint() {
    }

    /** The table's lines (with the legend when a star is printed); columns[j] holds column j's value for each row. */
    static List<String> lines(List<String> headers, List<Column> kinds, List<String> rowNames, double[][] columns) {
        int n = rowNames.size();
        String[][] cells = new String[columns.length][];
        double[] p = null;
        for (int j = 0; j < columns.length; j++) {
            cells[j] = switch (kinds.get(j)) {
                case ZAPPED -> formatted(zapsmall(columns[j], DIGITS), DIGITS);
                case PLAIN -> formatted(columns[j], DIGITS);
                case STATISTIC -> formatted(RFormat.round(columns[j], Math.max(1, Math.min(5, DIGITS - 1))), DIGITS);
                case P_VALUE -> pValues(columns[j]);
            };
            if (kinds.get(j) == Column.P_VALUE) {
                p = columns[j];
            }
        }
        boolean stars = false;
        if (p != null) {
            for (double v : p) {
                stars |= v < 0.1;
            }
        }
        List<String> h = new ArrayList<>(headers);
        String[] starCells = new String[n];
        if (stars) {
            h.add("");
            int w = 0;
            for (int i = 0; i < n; i++) {
                starCells[i] = PValues.stars(p[i]);
                w = Math.max(w, starCells[i].length());
            }
            for (int i = 0; i < n; i++) {
                starCells[i] = TextMatrix.justify(starCells[i], w, false);
            }
        }
        TextMatrix m = new TextMatrix(h, true);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (String[] col : cells) {
                row.add(col[i]);
            }
            if (stars) {
                row.add(starCells[i]);
            }
            m.row(rowNames.get(i), row.toArray(String[]::new));
        }
        List<String> out = new ArrayList<>(m.lines());
        if (stars) {
            out.add("---");
            out.add("Signif. codes:  " + PValues.LEGEND);
        }
        return out;
    }

    /**
     * zapsmall as the R that made the references (4.2) has it: round(x, digits − log10(max|x|)),
     * R's round taking the nearest whole number of digits. Then format() rounds again, which is
     * why lme4 prints a BIC of 1814.8504 as 1814.8. (R 4.4 takes the ceiling of log10 instead.)
     */
    private static double[] zapsmall(double[] x, int digits) {
        double mx = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                mx = Math.max(mx, Math.abs(v));
            }
        }
        if (!(mx > 0) || Double.isInfinite(mx)) {
            return x.clone();
        }
        int d = (int) Math.floor(Math.max(0, digits - Math.log10(mx)) + 0.5);
        return RFormat.round(x, d);
    }

    /** R's format() of the values that are not NA, sharing one width; NA printed as blank, as print.anova does. */
    private static String[] formatted(double[] x, int digits) {
        List<Integer> present = present(x);
        String[] out = blanks(x.length);
        String[] f = RFormat.format(present.stream().mapToDouble(i -> x[i]).toArray(), digits);
        for (int k = 0; k < f.length; k++) {
            out[present.get(k)] = f[k];
        }
        return out;
    }

    private static String[] pValues(double[] p) {
        List<Integer> present = present(p);
        String[] out = blanks(p.length);
        String[] f = PValues.format(present.stream().mapToDouble(i -> p[i]).toArray(), DIGITS - 1);
        for (int k = 0; k < f.length; k++) {
            out[present.get(k)] = f[k];
        }
        return out;
    }

    private static List<Integer> present(double[] x) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                present.add(i);
            }
        }
        return present;
    }

    private static String[] blanks(int n) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, "");
        return out;
    }
}
