package io.glimmer.cli.text;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.ModelComparison;
import io.glimmer.summary.PValues;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as lme4's {@code anova(m0, m1, ...)} prints it (print.anova: five significant digits,
 * the χ² statistic rounded to four decimals, p-values by format.pval with stars), models ordered by
 * number of parameters, followed by the boundary rule that applied to each test. Where lme4 prints
 * a χ² between models that are not nested, the row is left blank and the reason given below.
 */
public final class CompareText {
    private static final int DIGITS = AnovaPrint.DIGITS;
    private static final List<String> HEADERS = List.of("npar", "AIC", "BIC", "logLik", "deviance", "Chisq", "Df", "Pr(>Chisq)");
    private static final List<AnovaPrint.Column> KINDS = List.of(AnovaPrint.Column.ZAPPED, AnovaPrint.Column.ZAPPED,
            AnovaPrint.Column.ZAPPED, AnovaPrint.Column.ZAPPED, AnovaPrint.Column.ZAPPED, AnovaPrint.Column.STATISTIC,
            AnovaPrint.Column.PLAIN, AnovaPrint.Column.P_VALUE);

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
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(label(i));
        }
        return AnovaPrint.lines(HEADERS, KINDS, names, cols);
    }
}
