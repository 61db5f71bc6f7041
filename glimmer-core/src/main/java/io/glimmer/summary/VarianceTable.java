package io.glimmer.summary;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Random effects:" table as lme4's formatVC prints it: Groups, Name, Variance, Std.Dev. and,
 * for vector-valued terms, the lower triangle of their correlations; the residual last.
 */
final class VarianceTable {
    static final int DIGITS = 4;
    static final String RESIDUAL = "Residual";

    private VarianceTable() {
    }

    static List<String> lines(MixedModelFit fit) {
        List<VarianceComponent> rows = new ArrayList<>(fit.randomEffects());
        boolean hasResidual = rows.stream().anyMatch(v -> v.group().equals(RESIDUAL));
        if (!hasResidual && fit.residualStdDev() != null) {
            double s = fit.residualStdDev();
            rows.add(new VarianceComponent(RESIDUAL, "", s * s, s));
        }
        int n = rows.size();
        String[] variance = RFormat.format(rows.stream().mapToDouble(VarianceComponent::variance).toArray(), DIGITS);
        String[] stdDev = RFormat.format(rows.stream().mapToDouble(VarianceComponent::stdDev).toArray(), DIGITS);

        // Blocks: consecutive rows of one group (one random-effects term), the residual alone.
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && !rows.get(i).group().equals(RESIDUAL) && rows.get(j).group().equals(rows.get(i).group())) {
                j++;
            }
            blocks.add(new int[]{i, j});
            i = j;
        }
        String[][] corr = new String[n][];
        int corrColumns = 0;
        for (int[] b : blocks) {
            String[][] c = correlations(rows.subList(b[0], b[1]), fit.correlations());
            if (c != null) {
                corrColumns = Math.max(corrColumns, b[1] - b[0] - 1);
                System.arraycopy(c, 0, corr, b[0], c.length);
            }
        }

        List<String> headers = new ArrayList<>(List.of("Groups", "Name", "Variance", "Std.Dev."));
        for (int k = 0; k < corrColumns; k++) {
            headers.add(k == 0 ? "Corr" : "");
        }
        TextMatrix m = new TextMatrix(headers, false);
        for (int[] b : blocks) {
            for (int i = b[0]; i < b[1]; i++) {
                VarianceComponent v = rows.get(i);
                List<String> cells = new ArrayList<>(List.of(i == b[0] ? v.group() : "", v.term() == null ? "" : v.term(), variance[i], stdDev[i]));
                for (int k = 0; k < corrColumns; k++) {
                    cells.add(corr[i] != null && k < corr[i].length ? corr[i][k] : "");
                }
                m.row("", cells.toArray(String[]::new));
            }
        }
        return m.lines();
    }

    /**
     * The lower triangle of a block's correlation matrix, formatted together with its unit diagonal
     * as {@code format(round(x, 2), nsmall = 2)}; null when the fit reports none for the block.
     */
    private static String[][] correlations(List<VarianceComponent> block, List<RandomEffectCorrelation> all) {
        int q = block.size();
        if (q < 2) {
            return null;
        }
        double[][] r = new double[q][q];
        boolean any = false;
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                r[a][b] = a == b ? 1 : Double.NaN;
            }
        }
        String group = block.get(0).group();
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < a; b++) {
                Double c = find(all, group, block.get(a).term(), block.get(b).term());
                if (c != null) {
                    r[a][b] = c;
                    r[b][a] = c;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        double[] flat = new double[q * q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                flat[a * q + b] = RFormat.round(r[a][b], 2);
            }
        }
        String[] f = RFormat.format(flat, 7, 2);
        String[][] out = new String[q][];
        for (int a = 0; a < q; a++) {
            out[a] = new String[q - 1];
            for (int b = 0; b < q - 1; b++) {
                out[a][b] = b < a ? f[a * q + b] : "";
            }
        }
        return out;
    }

    private static Double find(List<RandomEffectCorrelation> all, String group, String t1, String t2) {
        for (RandomEffectCorrelation c : all) {
            if (c.group().equals(group) && (c.term1().equals(t1) && c.term2().equals(t2) || c.term1().equals(t2) && c.term2().equals(t1))) {
                return c.correlation();
            }
        }
        return null;
    }
}
