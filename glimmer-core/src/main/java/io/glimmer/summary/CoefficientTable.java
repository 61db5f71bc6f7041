package io.glimmer.summary;

import io.glimmer.fit.FixedEffect;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed-effects table as R's printCoefmat prints it with lme4's {@code digits = 4}: estimates
 * and standard errors rounded together, the statistic to 3 decimals, p-values by format.pval with
 * significance stars and their legend.
 */
final class CoefficientTable {
    static final int DIGITS = 4;

    private CoefficientTable() {
    }

    /**
     * @param statistic "t" or "z": names the statistic column ("t value") and the p-value column
     *                  ("Pr(&gt;|t|)"), which is shown when any p-value is known
     */
    static List<String> lines(List<FixedEffect> effects, String statistic) {
        int n = effects.size();
        boolean hasP = effects.stream().anyMatch(f -> f.pValue() != null);
        boolean hasDf = effects.stream().anyMatch(f -> f.df() != null);
        List<String> headers = new ArrayList<>(hasDf ? List.of("Estimate", "Std. Error", "df", statistic + " value")
                : List.of("Estimate", "Std. Error", statistic + " value"));
        if (hasP) {
            headers.add("Pr(>|" + statistic + "|)");
        }
        String[][] cells = new String[n][];
        String[] coefSe = estimatesAndErrors(effects, hasDf);
        String[] stat = statistics(effects);
        double[] pv = effects.stream().mapToDouble(f -> f.pValue() == null ? Double.NaN : f.pValue()).toArray();
        String[] p = hasP ? RFormat.pad(PValues.format(pv, DIGITS - 1)) : null;
        boolean stars = false;
        for (double v : pv) {
            stars |= v < 0.1;
        }
        if (stars) {
            headers.add("");
        }
        String[] starCells = new String[n];
        int starWidth = 0;
        for (int i = 0; i < n; i++) {
            starCells[i] = PValues.stars(pv[i]);
            starWidth = Math.max(starWidth, starCells[i].length());
        }
        TextMatrix m = new TextMatrix(headers, true);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>(hasDf ? List.of(coefSe[i], coefSe[n + i], coefSe[2 * n + i], stat[i])
                    : List.of(coefSe[i], coefSe[n + i], stat[i]));
            if (hasP) {
                row.add(p[i]);
            }
            if (stars) {
                row.add(TextMatrix.justify(starCells[i], starWidth, false));
            }
            cells[i] = row.toArray(String[]::new);
            m.row(effects.get(i).term(), cells[i]);
        }
        List<String> out = new ArrayList<>(m.lines());
        if (stars) {
            out.add("---");
            out.add("Signif. codes:  " + PValues.LEGEND);
        }
        return out;
    }

    /**
     * Estimates then standard errors (2n cells), and with lmerTest's df column the df (3n cells):
     * formatted together as printCoefmat does with the columns before the statistic.
     */
    private static String[] estimatesAndErrors(List<FixedEffect> effects, boolean withDf) {
        int n = effects.size();
        double[] x = new double[(withDf ? 3 : 2) * n];
        for (int i = 0; i < n; i++) {
            x[i] = effects.get(i).estimate();
            x[n + i] = effects.get(i).stdError();
            if (withDf) {
                Double df = effects.get(i).df();
                x[2 * n + i] = df == null ? Double.NaN : df;
            }
        }
        double minAbs = Double.POSITIVE_INFINITY;
        for (double v : x) {
            if (Double.isFinite(v) && v != 0) {
                minAbs = Math.min(minAbs, Math.abs(v));
            }
        }
        int digmin = 1 + (Double.isInfinite(minAbs) ? 0 : (int) Math.floor(Math.log10(minAbs)));
        String[] f = RFormat.format(RFormat.round(x, Math.max(1, DIGITS - digmin)), DIGITS);
        // Non-zero values that would print as zero get their own digits.
        List<Integer> zeroed = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && x[i] != 0 && Double.parseDouble(f[i].strip()) == 0) {
                zeroed.add(i);
            }
        }
        if (!zeroed.isEmpty()) {
            String[] g = RFormat.format(zeroed.stream().mapToDouble(i -> x[i]).toArray(), Math.max(1, DIGITS - 1));
            for (int k = 0; k < g.length; k++) {
                f[zeroed.get(k)] = g[k];
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                f[i] = "NA";
            }
        }
        return f;
    }

    private static String[] statistics(List<FixedEffect> effects) {
        double[] t = effects.stream().mapToDouble(FixedEffect::statistic).toArray();
        String[] f = RFormat.format(RFormat.round(t, Math.max(1, Math.min(5, DIGITS - 1))), DIGITS);
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(t[i])) {
                f[i] = "NA";
            }
        }
        return f;
    }
}
