package io.glimmer.spark;

import java.io.Serializable;

/**
 * What one part returns from an evaluation ({@link PartModel#evaluate}): its sums and its levels'
 * modes (and, at the optimum, conditional covariance blocks), in the part's level order. Null
 * gradient and Schur complement where the part's PIRLS failed (or the evaluation does not make them).
 */
record PartResult(int part, double objective, double deviance, double[] gradient, double[] schur, double[] modes,
                  double[] variances, boolean converged, int iterations) implements Serializable {

    /** A partition without rows: it adds nothing. */
    static PartResult empty(int part, int p) {
        return new PartResult(part, 0, 0, new double[p], new double[p * p], new double[0], new double[0], true, 0);
    }
}
