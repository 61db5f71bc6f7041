package io.glimmer.correlation;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * The data without the rows whose correlation time or group is missing. The formula's own
 * variables are handled by the model frame; this removes what the frame does not know about, as
 * nlme's model frame (which includes the correlation's variables) does with na.omit.
 *
 * @param data         the remaining rows
 * @param originalRows for each remaining row, its 0-based row in the data given
 * @param dropped      rows removed here
 */
record CompleteCases(DataFrame data, int[] originalRows, int dropped) {
    static CompleteCases of(DataFrame data, List<String> columns) {
        int n = data.rows();
        List<Column> checked = new ArrayList<>();
        for (String c : columns) {
            checked.add(data.column(c));
        }
        int[] keep = new int[n];
        int kept = 0;
        for (int r = 0; r < n; r++) {
            boolean ok = true;
            for (Column c : checked) {
                ok &= !c.isMissing(r);
            }
            if (ok) {
                keep[kept++] = r;
            }
        }
        int[] rows = java.util.Arrays.copyOf(keep, kept);
        if (kept == n) {
            return new CompleteCases(data, rows, 0);
        }
        List<Column> subset = new ArrayList<>();
        for (String name : data.names()) {
            subset.add(subset(data.column(name), rows));
        }
        return new CompleteCases(DataFrame.of(data.source(), subset), rows, n - kept);
    }

    /** The levels are kept: the model frame drops the unused ones. */
    private static Column subset(Column c, int[] rows) {
        if (c instanceof NumericColumn num) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = num.get(rows[i]);
            }
            return new NumericColumn(c.name(), v);
        }
        CategoricalColumn cat = (CategoricalColumn) c;
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            codes[i] = cat.code(rows[i]);
        }
        return new CategoricalColumn(c.name(), codes, cat.levels());
    }
}
