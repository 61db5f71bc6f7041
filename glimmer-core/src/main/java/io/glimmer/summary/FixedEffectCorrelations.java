package io.glimmer.summary;

import io.glimmer.fit.FixedEffect;

import java.util.ArrayList;
import java.util.List;

/**
 * lme4's "Correlation of Fixed Effects:" block: the lower triangle of the correlation matrix of the
 * estimates, to 3 decimals, rows labelled by names abbreviated to 11 characters and columns to 6.
 * Like lme4 it is left out when there are more than {@value #MAX_TERMS} coefficients.
 */
final class FixedEffectCorrelations {
    static final int MAX_TERMS = 12;

    private FixedEffectCorrelations() {
    }

    /** The block's lines (a blank line first), or none when there is nothing to show. */
    static List<String> lines(List<FixedEffect> effects, double[][] covariance) {
        int p = effects.size();
        List<String> out = new ArrayList<>();
        if (p < 2 || covariance == null || covariance.length != p) {
            return out;
        }
        out.add("");
        if (p > MAX_TERMS) {
            out.add("Correlation matrix not shown by default, as p = " + p + " > " + MAX_TERMS + ".");
            return out;
        }
        double[] flat = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double d = Math.sqrt(covariance[i][i] * covariance[j][j]);
                flat[i * p + j] = RFormat.round(i == j ? 1 : covariance[i][j] / d, 3);
            }
        }
        String[] f = RFormat.format(flat, 7, 3);
        List<String> names = effects.stream().map(FixedEffect::term).toList();
        List<String> rowNames = Abbreviate.abbreviate(names, 11);
        List<String> colNames = Abbreviate.abbreviate(names, 6);
        TextMatrix m = new TextMatrix(colNames.subList(0, p - 1), false);
        for (int i = 1; i < p; i++) {
            String[] cells = new String[p - 1];
            for (int j = 0; j < p - 1; j++) {
                cells[j] = j < i ? f[i * p + j] : "";
            }
            m.row(rowNames.get(i), cells);
        }
        out.add("Correlation of Fixed Effects:");
        out.addAll(m.lines());
        return out;
    }
}
