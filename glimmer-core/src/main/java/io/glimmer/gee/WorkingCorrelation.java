package io.glimmer.gee;

/**
 * A working correlation R(α) within a cluster, as a function of the positions j &lt; k of two rows
 * in their cluster (the "waves" of geepack, here the row order within the cluster).
 *
 * <p>Pairs of positions with the same correlation form a class: one class for exchangeable, one
 * per lag for AR(1), one per pair for unstructured. The moment equation for α
 * ({@link CorrelationEstimate}) then needs sums over the pairs of each class only, not ρ at
 * every pair, which keeps large clusters cheap.
 */
interface WorkingCorrelation {
    /** Number of correlation parameters q. */
    int parameters();

    /**
     * Number of pair classes in clusters of at most {@code maxSize} rows: one by default, where
     * every pair has the same correlation (independence, exchangeable).
     */
    default int pairClasses(int maxSize) {
        return 1;
    }

    /** The class of positions j &lt; k (the one class by default). */
    default int pairClass(int j, int k) {
        return 0;
    }

    /** ρ(α) of a pair class. */
    double correlation(double[] alpha, int pairClass);

    /** ∂ρ/∂α of a pair class, written into {@code out} (length q). */
    void gradient(double[] alpha, int pairClass, double[] out);

    /** Names of the parameters, geepack's: "alpha" for a single one (exchangeable, AR(1)), "alpha.1:2", ... for unstructured. */
    default String parameterName(int index) {
        return "alpha";
    }

    default boolean isIndependence() {
        return parameters() == 0;
    }

    /** R(α) for a cluster of {@code size} rows. */
    default double[][] matrix(double[] alpha, int size) {
        double[][] r = new double[size][size];
        for (int j = 0; j < size; j++) {
            r[j][j] = 1;
            for (int k = j + 1; k < size; k++) {
                r[j][k] = r[k][j] = correlation(alpha, pairClass(j, k));
            }
        }
        return r;
    }

    /**
     * R(α)⁻¹B for a cluster of {@code b.length} rows (B is not modified), or null when R(α) is
     * singular. By LU here; structures with a closed-form inverse override it.
     */
    default double[][] solve(double[] alpha, double[][] b) {
        return Dense.solve(matrix(alpha, b.length), b);
    }
}
