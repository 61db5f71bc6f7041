package io.glimmer.cli.text;

/** Simulated responses as CSV: header sim_1 .. sim_N, one line per row of the model, full precision. */
public final class SimulateCsv {
    private SimulateCsv() {
    }

    /** @param y [replicate][row] */
    public static String write(double[][] y) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            sb.append(i == 0 ? "" : ",").append("sim_").append(i + 1);
        }
        sb.append('\n');
        int rows = y.length == 0 ? 0 : y[0].length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < y.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(number(y[i][r]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Whole numbers without a decimal point (counts stay counts); others in Java's shortest round-trip form. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
