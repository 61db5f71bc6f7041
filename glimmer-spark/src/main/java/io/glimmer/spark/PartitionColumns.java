package io.glimmer.spark;

import io.glimmer.data.DataFrame;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.Iterator;

/**
 * One partition's rows (complete, columns in the plan's order, numbers as doubles, categories as
 * strings) read straight into growing column arrays and made a core {@link DataFrame} with the
 * plan's stored levels: a partition's rows are never held as Row objects together.
 */
final class PartitionColumns {
    private PartitionColumns() {
    }

    static DataFrame read(Iterator<Row> it, ModelPlan plan) {
        int cols = plan.columns().size();
        double[][] numeric = new double[cols][];
        String[][] text = new String[cols][];
        int capacity = 1024;
        for (int c = 0; c < cols; c++) {
            numeric[c] = plan.categorical()[c] ? null : new double[capacity];
            text[c] = plan.categorical()[c] ? new String[capacity] : null;
        }
        int n = 0;
        while (it.hasNext()) {
            Row row = it.next();
            if (n == capacity) {
                capacity *= 2;
                for (int c = 0; c < cols; c++) {
                    numeric[c] = numeric[c] == null ? null : Arrays.copyOf(numeric[c], capacity);
                    text[c] = text[c] == null ? null : Arrays.copyOf(text[c], capacity);
                }
            }
            for (int c = 0; c < cols; c++) {
                if (text[c] != null) {
                    text[c][n] = row.getString(c);
                } else {
                    numeric[c][n] = row.getDouble(c);
                }
            }
            n++;
        }
        for (int c = 0; c < cols; c++) {
            numeric[c] = numeric[c] == null ? null : Arrays.copyOf(numeric[c], n);
            text[c] = text[c] == null ? null : Arrays.copyOf(text[c], n);
        }
        return plan.dataFrame(numeric, text);
    }
}
