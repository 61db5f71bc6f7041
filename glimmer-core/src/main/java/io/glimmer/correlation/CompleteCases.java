package io.glimmer.correlation;

import io.glimmer.data.DataFrame;

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
        int[] rows = data.completeRows(columns);
        int dropped = data.rows() - rows.length;
        return new CompleteCases(dropped == 0 ? data : data.subset(rows), rows, dropped);
    }
}
