package io.glimmer.cli.text;

import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ConfidenceInterval;
import io.glimmer.inference.ConfidenceIntervals;
import io.glimmer.summary.RFormat;
import io.glimmer.summary.TextMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Intervals as R prints confint's matrix: columns headed by the percentages ("2.5 %", "97.5 %"),
 * each formatted with seven significant digits, NA where the method gives no bound. A bootstrap
 * says how many replicates, which seed, and how many refits failed.
 */
public final class ConfintText {
    private static final int DIGITS = 7;

    private ConfintText() {
    }

    /** @param boot the bootstrap distribution, or null for other methods; {@code seed} likewise */
    public static String render(ConfidenceIntervals ci, BootstrapDistribution boot, Long seed) {
        List<String> out = new ArrayList<>();
        if (boot != null) {
            out.add("Parametric bootstrap, percentile intervals: " + boot.nsim() + " replicates, seed " + seed);
        }
        double alpha = (1 - ci.level()) / 2;
        String[] headers = RFormat.format(new double[]{100 * alpha, 100 * (1 - alpha)}, 3);
        TextMatrix m = new TextMatrix(List.of(headers[0].strip() + " %", headers[1].strip() + " %"), true);
        List<ConfidenceInterval> rows = ci.intervals();
        String[] lower = column(rows.stream().mapToDouble(ConfidenceInterval::lower).toArray());
        String[] upper = column(rows.stream().mapToDouble(ConfidenceInterval::upper).toArray());
        for (int i = 0; i < rows.size(); i++) {
            m.row(rows.get(i).parameter(), lower[i], upper[i]);
        }
        out.addAll(m.lines());
        if (boot != null && boot.failed() > 0) {
            out.add("");
            out.add(boot.failed() + " of " + boot.nsim() + " refits failed and are left out"
                    + (boot.failures().isEmpty() ? "" : " (" + String.join("; ", boot.failures()) + ")"));
        }
        return String.join("\n", out) + "\n";
    }

    /** One column formatted together, as print.default formats a matrix column; NA for missing bounds. */
    private static String[] column(double[] x) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                present.add(i);
            }
        }
        String[] out = new String[x.length];
        java.util.Arrays.fill(out, "NA");
        String[] f = RFormat.format(present.stream().mapToDouble(i -> x[i]).toArray(), DIGITS);
        for (int k = 0; k < f.length; k++) {
            out[present.get(k)] = f[k];
        }
        return out;
    }
}
