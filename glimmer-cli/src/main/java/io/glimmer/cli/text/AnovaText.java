package io.glimmer.cli.text;

import io.glimmer.ddf.AnovaTable;

import java.util.ArrayList;
import java.util.List;

/** lmerTest's anova table as it prints: the heading, then Sum Sq, Mean Sq, NumDF, DenDF, F value, Pr(&gt;F) by print.anova. */
public final class AnovaText {
    private static final List<String> HEADERS = List.of("Sum Sq", "Mean Sq", "NumDF", "DenDF", "F value", "Pr(>F)");
    private static final List<AnovaPrint.Column> KINDS = List.of(AnovaPrint.Column.ZAPPED, AnovaPrint.Column.ZAPPED,
            AnovaPrint.Column.ZAPPED, AnovaPrint.Column.ZAPPED, AnovaPrint.Column.STATISTIC, AnovaPrint.Column.P_VALUE);

    private AnovaText() {
    }

    public static String render(AnovaTable table) {
        List<String> out = new ArrayList<>();
        out.add("Type " + (table.type() == 3 ? "III" : "I") + " Analysis of Variance Table with " + table.ddf().possessive() + " method");
        List<AnovaTable.Row> rows = table.rows();
        if (rows.isEmpty()) {
            out.add("(no fixed-effect terms to test: the model has only an intercept)");
            return String.join("\n", out) + "\n";
        }
        double[][] cols = new double[6][rows.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AnovaTable.Row r = rows.get(i);
            names.add(r.term());
            cols[0][i] = r.sumSq();
            cols[1][i] = r.meanSq();
            cols[2][i] = r.numDf() == 0 ? Double.NaN : r.numDf();
            cols[3][i] = r.denDf();
            cols[4][i] = r.f();
            cols[5][i] = r.pValue();
        }
        out.addAll(AnovaPrint.lines(HEADERS, KINDS, names, cols));
        return String.join("\n", out) + "\n";
    }
}
