package io.glimmer.data;

/** One named column of a {@link DataFrame}: numeric (NaN is missing) or categorical (code -1 is missing). */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    String name();

    int size();

    boolean isMissing(int row);

    /** The given rows, in that order (the one way every estimator subsets rows; a categorical column keeps its levels). */
    Column subset(int[] rows);
}
