package io.glimmer.gee;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.MixedModelFit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClustersTest {
    @Test
    void equalValuesFormOneClusterInDataOrder() {
        Clusters c = Clusters.of(new CategoricalColumn("g", new int[]{1, 1, 0, 1, 0}, List.of("a", "b")));
        assertEquals(2, c.count());
        assertEquals("b", c.label(0));
        assertArrayEquals(new int[]{0, 1, 3}, c.rows(0));
        assertArrayEquals(new int[]{2, 4}, c.rows(1));
        assertFalse(c.contiguous());
        assertEquals(3, c.maxSize());
        assertTrue(Clusters.of(new NumericColumn("id", new double[]{2, 2, 7, 7, 7})).contiguous());
    }

    @Test
    void shufflingClustersChangesNothingButAddsAWarning() {
        SimulatedClusters sim = new SimulatedClusters(11L, 30);
        DataFrame sorted = sim.frame();
        // Rows ordered by position within their cluster, then cluster: every first row, every second row, ...
        // Each cluster keeps its internal order but its rows are no longer adjacent.
        int n = sorted.rows();
        int[] wave = new int[n];
        for (int i = 1; i < n; i++) {
            wave[i] = sim.cluster[i] == sim.cluster[i - 1] ? wave[i - 1] + 1 : 0;
        }
        int[] order = java.util.stream.IntStream.range(0, n).boxed()
                .sorted(java.util.Comparator.<Integer>comparingInt(i -> wave[i]).thenComparingInt(i -> sim.cluster[i]))
                .mapToInt(Integer::intValue).toArray();
        DataFrame shuffled = reorder(sorted, order);
        FitOptions options = FitOptions.builder().method(Method.GEE).family("poisson").cluster("id").corstr("ar1").build();
        MixedModelFit a = io.glimmer.Glimmer.fit(sorted, "count ~ x + f", options);
        MixedModelFit b = io.glimmer.Glimmer.fit(shuffled, "count ~ x + f", options);
        assertEquals(a.beta("x"), b.beta("x"), 1e-10);
        assertEquals(a.details(EstimatorDetails.Gee.class).singleAlpha(), b.details(EstimatorDetails.Gee.class).singleAlpha(), 1e-10);
        assertEquals(a.groups(), b.groups());
        assertTrue(a.warnings().isEmpty());
        assertEquals(1, b.warnings().size());
        assertTrue(b.warnings().get(0).contains("not adjacent"), b.warnings().get(0));
    }

    @Test
    void rowsWithoutAClusterAreDroppedAndCounted() {
        SimulatedClusters sim = new SimulatedClusters(5L, 20);
        DataFrame full = sim.frame();
        double[] id = ((NumericColumn) full.column("id")).values();
        id[0] = Double.NaN;
        id[5] = Double.NaN;
        List<Column> columns = new ArrayList<>();
        for (String name : full.names()) {
            columns.add(name.equals("id") ? new NumericColumn("id", id) : full.column(name));
        }
        DataFrame withGaps = DataFrame.of("gaps", columns);
        MixedModelFit fit = io.glimmer.Glimmer.fit(withGaps, "y ~ x",
                FitOptions.builder().method(Method.GEE).cluster("id").corstr("exchangeable").build());
        assertEquals(full.rows() - 2, fit.nObs());
        assertEquals(2, fit.nDropped());
    }

    private static DataFrame reorder(DataFrame d, int[] rows) {
        List<Column> columns = new ArrayList<>();
        for (String name : d.names()) {
            Column c = d.column(name);
            if (c instanceof NumericColumn num) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = num.get(rows[i]);
                }
                columns.add(new NumericColumn(name, v));
            } else {
                CategoricalColumn cat = (CategoricalColumn) c;
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    codes[i] = cat.code(rows[i]);
                }
                columns.add(new CategoricalColumn(name, codes, cat.levels()));
            }
        }
        return DataFrame.of(d.source(), columns);
    }
}
