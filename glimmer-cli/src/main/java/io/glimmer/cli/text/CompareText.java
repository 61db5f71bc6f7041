package io.glimmer.cli.text;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.ModelComparison;
import io.glimmer.summary.PValues;
import io.glimmer.summary.RFormat;
import io.glimmer.summary.TextMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as lme4's {@code anova(m0, m1, ...)} prints it (print.anova: five significant digits,
 * the χ² statistic rounded to four decimals, p-values by format.pval with stars), models ordered by
 * number of parameters, followed by the boundary rule that applied to each test. Where lme4 prints
 * a χ² between models that are not nested, the row is left blank and the reason given below.
 */
public final class CompareText {
    private static final int DIGITS = 5;
    private static final List<String> HEADERS = List.of("npar", "AIC", "BIC", "logLik", "deviance", "Chisq", "Df", "Pr(>Chisq)");

    private CompareText() {
    }

    public static String render(ModelComparison c, String dataName) {
        List<String> out = new ArrayList<>();
        if (c.refittedWithMl()) {
            out.add("refitting model(s) with ML (instead of REML)");
        }
        out.add("Data: " + dataName);
        out.add("Models:");
        int n = c.models().size();
        for (int i = 0; i < n; i++) {
            out.add(label(i) + ": " + c.models().get(i).formula());
        }
        out.addAll(table(c));
        out.add("");
        out.add("Null distributions:");
        for (ModelComparison.Step s : c.tests()) {
            String pair = label(s.smaller()) + " vs " + label(s.smaller() + 1) + ": ";
            if (!s.tested()) {
                out.add(pair + "no likelihood-ratio test (" + s.untestedReason() + ")");
                continue;
            }
            String line = pair + s.rule().description();
            if (s.pValueBoundary() != null) {
                line += " = " + PValues.format(new double[]{s.pValueBoundary()}, DIGITS - 1)[0];
            }
            out.add(line);
        }
        if (reordered(c)) {
            out.add("");
            out.add("Models are listed by number of parameters, as lme4's anova orders them (not in the order given).");
        }
        return String.join("\n", out) + "\n";
    }

    private static boolean reordered(ModelComparison c) {
        for (int i = 0; i < c.models().size(); i++) {
            if (c.models().get(i).given() != i) {
                return true;
            }
        }
        return false;
    }

    private static String label(int i) {
        return "m" + i;
    }

    private static List<String> table(ModelComparison c) {
        int n = c.models().size();
        double[][] cols = new double[8][n];
        for (int i = 0; i < n; i++) {
            MixedModelFit f = c.models().get(i).fit();
            cols[0][i] = f.df();
            cols[1][i] = f.aic();
            cols[2][i] = f.bic();
            cols[3][i] = f.logLikelihood();
            cols[4][i] = f.deviance();
            cols[5][i] = Double.NaN;
            cols[6][i] = Double.NaN;
            cols[7][i] = Double.NaN;
        }
        for (ModelComparison.Step s : c.tests()) {
            if (!s.tested()) {
                continue;
            }
            int i = s.smaller() + 1;
            cols[5][i] = s.test().chisq();
            cols[6][i] = s.test().df();
            cols[7][i] = s.test().pValue();
        }
        String[][] cells = new String[8][];
        for (int j = 0; j < 5; j++) {
            cells[j] = formatted(zapsmall(cols[j], DIGITS), DIGITS);
        }
        cells[5] = formatted(RFormat.round(cols[5], Math.max(1, Math.min(5, DIGITS - 1))), DIGITS);
        cells[6] = formatted(cols[6], DIGITS);
        cells[7] = pValues(cols[7]);
        boolean stars = false;
        for (double p : cols[7]) {
            stars |= p < 0.1;
        }
        List<String> headers = new ArrayList<>(HEADERS);
        String[] starCells = new String[n];
        if (stars) {
            headers.add("");
            int w = 0;
            for (int i = 0; i < n; i++) {
                starCells[i] = PValues.stars(cols[7][i]);
                w = Math.max(w, starCells[i].length());
            }
            for (int i = 0; i < n; i++) {
                starCells[i] = TextMatrix.justify(starCells[i], w, false);
            }
        }
        TextMatrix m = new TextMatrix(headers, true);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (String[] col : cells) {
                row.add(col[i]);
            }
            if (stars) {
                row.add(starCells[i]);
            }
            m.row(label(i), row.toArray(String[]::new));
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
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                present.add(i);
            }
        }
        String[] out = new String[x.length];
        java.util.Arrays.fill(out, "");
        String[] f = RFormat.format(present.stream().mapToDouble(i -> x[i]).toArray(), digits);
        for (int k = 0; k < f.length; k++) {
            out[present.get(k)] = f[k];
        }
        return out;
    }

    private static String[] pValues(double[] p) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                present.add(i);
            }
        }
        String[] out = new String[p.length];
        java.util.Arrays.fill(out, "");
        String[] f = PValues.format(present.stream().mapToDouble(i -> p[i]).toArray(), DIGITS - 1);
        for (int k = 0; k < f.length; k++) {
            out[present.get(k)] = f[k];
        }
        return out;
    }
}
