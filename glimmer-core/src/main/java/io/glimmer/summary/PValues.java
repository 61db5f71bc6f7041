package io.glimmer.summary;

import java.util.ArrayList;
import java.util.List;

/** P-values as R's format.pval writes them, and the significance stars of printCoefmat. */
public final class PValues {
    static final double EPS = Math.ulp(1.0); // .Machine$double.eps
    /** The legend of the significance stars, as printCoefmat prints it after "Signif. codes:  ". */
    public static final String LEGEND = "0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1";

    private PValues() {
    }

    /**
     * R's {@code format.pval(pv, digits)}: values below machine epsilon as "&lt; 2e-16", the rest in
     * fixed notation down to 1e-4 (with digits &gt; 1) and scientific below; NaN as "NA". Not padded.
     */
    public static String[] format(double[] pv, int digits) {
        String[] r = new String[pv.length];
        List<Integer> fix = new ArrayList<>();
        List<Integer> sci = new ArrayList<>();
        List<Integer> zero = new ArrayList<>();
        for (int i = 0; i < pv.length; i++) {
            double p = pv[i];
            if (Double.isNaN(p)) {
                r[i] = "NA";
            } else if (p < EPS) {
                zero.add(i);
            } else {
                int expo = (int) Math.floor(Math.log10(p > 0 ? p : 1e-50));
                (expo >= -3 || (expo == -4 && digits > 1) ? fix : sci).add(i);
            }
        }
        int nc = 0;
        for (List<Integer> group : List.of(fix, sci)) {
            if (group.isEmpty()) {
                continue;
            }
            double[] v = group.stream().mapToDouble(i -> pv[i]).toArray();
            String[] f = RFormat.format(v, digits);
            for (int k = 0; k < f.length; k++) {
                r[group.get(k)] = f[k];
                nc = Math.max(nc, f[k].length());
            }
        }
        if (!zero.isEmpty()) {
            int d = Math.max(1, digits - 2);
            String sep;
            if (!fix.isEmpty() || !sci.isEmpty()) {
                if (d > 1 && d + 6 > nc) {
                    d = Math.max(1, nc - 7);
                }
                sep = d == 1 && nc <= 6 ? "" : " ";
            } else {
                sep = d == 1 ? "" : " ";
            }
            String eps = "<" + sep + RFormat.number(EPS, d);
            zero.forEach(i -> r[i] = eps);
        }
        return r;
    }

    /** Significance stars of one p-value (cut points 0.001, 0.01, 0.05, 0.1); "" for NaN. */
    public static String stars(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        if (p <= 0.001) {
            return "***";
        }
        if (p <= 0.01) {
            return "**";
        }
        if (p <= 0.05) {
            return "*";
        }
        if (p <= 0.1) {
            return ".";
        }
        return " ";
    }
}
