package io.glimmer.model;

import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;

import java.util.Arrays;
import java.util.List;

/**
 * The rows an estimator can use before the formula is looked at: the data without rows missing a
 * value in a column the estimator needs beyond the formula (the GEE's cluster, the strata, the
 * correlation's group and time), as R's na.omit on a model frame that includes them.
 *
 * @param data         the remaining rows (the data itself when none is removed)
 * @param kept    each remaining row's 0-based row in the data given, or null when every row remains
 *                (no n-long index for the usual case of an estimator that needs no further column)
 * @param dropped rows removed
 */
record EstimationRows(DataFrame data, int[] kept, int dropped) {
    static EstimationRows of(DataFrame data, List<String> columns) {
        if (columns.isEmpty()) {
            return new EstimationRows(data, null, 0);
        }
        int[] rows = data.completeRows(columns);
        int dropped = data.rows() - rows.length;
        if (dropped > 0 && rows.length == 0) {
            throw new InputException(data.source() + ": " + (columns.size() == 1 ? "the column '" + columns.get(0) + "' is"
                    : "one of the columns " + String.join(", ", columns) + " is") + " missing in every row");
        }
        return dropped == 0 ? new EstimationRows(data, null, 0) : new EstimationRows(data.subset(rows), rows, dropped);
    }

    /** The 0-based row in the data given of a remaining row. */
    int original(int row) {
        return kept == null ? row : kept[row];
    }

    /** Each remaining row's 0-based row in the data given. */
    int[] originalRows() {
        if (kept == null) {
            int[] all = new int[data.rows()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return kept.clone();
    }
}
