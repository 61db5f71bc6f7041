package io.glimmer.spark;

import java.io.Serializable;

/**
 * What one part (a block of levels) returns from an evaluation ({@link PartModel#evaluate}): its sums and its levels'
 * modes (and, at the optimum, conditional covariance blocks), in the part's level order. Null
 * gradient and Schur complement where the part's PIRLS failed (or the evaluation does not make them).
 */
record PartResult(int part, double objective, double deviance, double[] gradient, double[] schur, double[] modes,
                  double[] variances, boolean converged, int iterations) implements Serializable {
}
