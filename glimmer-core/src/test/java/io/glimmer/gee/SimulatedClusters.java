package io.glimmer.gee;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small clustered data sets for the tests: unbalanced clusters (1 to 5 rows, sorted by cluster),
 * a covariate x, a two-level factor f and responses of each family sharing a cluster effect.
 */
final class SimulatedClusters {
    final int[] cluster;
    final double[] x;
    final int[] f;
    final double[] gaussian;
    final double[] counts;
    final double[] binary;
    final double[] positive;

    SimulatedClusters(long seed, int clusters) {
        Random rnd = new Random(seed);
        List<Integer> id = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            int size = 1 + rnd.nextInt(5);
            for (int t = 0; t < size; t++) {
                id.add(c + 1);
            }
        }
        int n = id.size();
        cluster = id.stream().mapToInt(Integer::intValue).toArray();
        x = new double[n];
        f = new int[n];
        gaussian = new double[n];
        counts = new double[n];
        binary = new double[n];
        positive = new double[n];
        double[] effect = new double[clusters + 1];
        for (int c = 1; c <= clusters; c++) {
            effect[c] = 0.7 * rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            f[i] = rnd.nextInt(2);
            double u = effect[cluster[i]];
            gaussian[i] = 1 + 0.5 * x[i] - 0.3 * f[i] + u + rnd.nextGaussian();
            counts[i] = poisson(rnd, Math.exp(0.2 + 0.4 * x[i] + 0.5 * u));
            binary[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(-0.3 + 0.8 * x[i] + u))) ? 1 : 0;
            positive[i] = Math.exp(0.5 + 0.3 * x[i] + 0.4 * u) * (-Math.log(rnd.nextDouble()));
        }
    }

    private static double poisson(Random rnd, double mean) {
        double limit = Math.exp(-mean);
        double product = rnd.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    int rows() {
        return x.length;
    }

    DataFrame frame() {
        double[] id = new double[cluster.length];
        for (int i = 0; i < id.length; i++) {
            id[i] = cluster[i];
        }
        return DataFrame.of("simulated", List.of(new NumericColumn("id", id), new NumericColumn("x", x),
                new CategoricalColumn("f", f, List.of("a", "b")), new NumericColumn("y", gaussian),
                new NumericColumn("count", counts), new NumericColumn("event", binary), new NumericColumn("time", positive)));
    }

    /** [1, x, f == b] per row: the model matrix of {@code ~ x + f}. */
    double[][] design() {
        double[][] m = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            m[i] = new double[]{1, x[i], f[i]};
        }
        return m;
    }
}
