package io.glimmer.cli.text;

import io.glimmer.cli.common.AtomicFile;
import io.glimmer.fit.Residuals;

/**
 * The CSV of {@code glimmer fit --residuals FILE}: one line per row the fit used, named by its row
 * number in the data file (1-based, header not counted), with the response, the fitted value on
 * the response scale and the response, Pearson, deviance and working residuals (R's
 * {@code residuals(fit, type = )}). Numbers have every digit; NA where a kind is not defined (a
 * zero-inflated fit's deviance and working residuals, an ordinal fit's working residuals).
 */
public final class ResidualsFile {
    public static final String HEADER = "row,observed,fitted,response,pearson,deviance,working";

    private ResidualsFile() {
    }

    static String csv(Residuals r) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        int[] rows = r.rows();
        double[][] columns = {r.observed(), r.fitted(), r.response(), r.pearson(), r.deviance(), r.working()};
        for (int i = 0; i < rows.length; i++) {
            out.append(rows[i] + 1);
            for (double[] c : columns) {
                out.append(',').append(PredictCsv.number(c[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static void write(Residuals r, String file) {
        AtomicFile.write(AtomicFile.path(file, "--residuals"), file, csv(r));
    }
}
