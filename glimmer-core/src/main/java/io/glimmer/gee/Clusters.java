package io.glimmer.gee;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.NumberFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clusters of a GEE fit: rows with the same value of the cluster column, in order of first
 * appearance, each keeping the data's row order (which is the time order AR(1) and unstructured
 * correlations use).
 *
 * <p>geepack takes each run of equal ids as a cluster, so data that are not sorted by cluster
 * give it more, smaller clusters. Here equal values always form one cluster (what is meant), and
 * {@link #contiguous()} tells whether the data were sorted, so the fit can warn when geepack
 * would disagree. On sorted data (such as ohio) the two agree exactly.
 */
final class Clusters {
    private final String column;
    private final List<String> labels;
    private final int[][] rows;
    private final boolean contiguous;

    private Clusters(String column, List<String> labels, int[][] rows, boolean contiguous) {
        this.column = column;
        this.labels = List.copyOf(labels);
        this.rows = rows;
        this.contiguous = contiguous;
    }

    /** Clusters of the values of {@code values} (no missing value), one per row of the model. */
    static Clusters of(Column values) {
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        Object previous = null;
        int runs = 0;
        for (int r = 0; r < values.size(); r++) {
            Object key = key(values, r);
            if (!key.equals(previous)) {
                runs++;
                previous = key;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<String> labels = new ArrayList<>();
        int[][] rows = new int[groups.size()][];
        int i = 0;
        for (Map.Entry<Object, List<Integer>> e : groups.entrySet()) {
            labels.add(label(values, e.getValue().get(0)));
            rows[i++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
        return new Clusters(values.name(), labels, rows, runs == groups.size());
    }

    private static Object key(Column c, int r) {
        return c instanceof NumericColumn n ? (Object) n.get(r) : (Object) ((CategoricalColumn) c).code(r);
    }

    private static String label(Column c, int r) {
        return c instanceof NumericColumn n ? NumberFormat.r(n.get(r)) : ((CategoricalColumn) c).level(r);
    }

    /** The cluster column's name. */
    public String column() {
        return column;
    }

    public int count() {
        return rows.length;
    }

    /** The cluster's value as written in the data. */
    public String label(int cluster) {
        return labels.get(cluster);
    }

    /** Rows (of the model frame) of a cluster, in data order. Not copied: do not modify. */
    int[] rows(int cluster) {
        return rows[cluster];
    }

    public int size(int cluster) {
        return rows[cluster].length;
    }

    public int maxSize() {
        int m = 0;
        for (int[] r : rows) {
            m = Math.max(m, r.length);
        }
        return m;
    }

    /** Whether the rows of every cluster were adjacent in the data (geepack's assumption). */
    public boolean contiguous() {
        return contiguous;
    }
}
