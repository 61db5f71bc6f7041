package io.glimmer.spark;

import java.io.Serializable;

/**
 * The first pass over the cached rows: the number of rows, Σ (y − offset) for the LMM's shift,
 * each X column's sum of squares for the predictor scaling, and the response's range (a constant
 * response is refused before any fit).
 */
final class ResponseMoments implements Serializable {
    private static final long serialVersionUID = 1L;
    long n;
    final CompensatedSums sums; // [0]: Σ response; [1 + j]: Σ x_j²
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    ResponseMoments(int p) {
        sums = new CompensatedSums(1 + p);
    }

    ResponseMoments add(RowBlock b) {
        n += b.rows;
        for (int r = 0; r < b.rows; r++) {
            double y = b.response[r];
            sums.add(0, y);
            min = Math.min(min, y);
            max = Math.max(max, y);
            for (int j = 0; j < b.p; j++) {
                double v = b.x[r * b.p + j];
                sums.add(1 + j, v * v);
            }
        }
        return this;
    }

    ResponseMoments merge(ResponseMoments o) {
        n += o.n;
        sums.merge(o.sums);
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        return this;
    }

    double sumSquares(int j) {
        return sums.get(1 + j);
    }

    double mean() {
        return sums.get(0) / n;
    }
}
