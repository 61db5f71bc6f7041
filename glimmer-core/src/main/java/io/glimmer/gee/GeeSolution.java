package io.glimmer.gee;

/**
 * Where the GEE iterations stopped.
 *
 * @param beta       mean-model coefficients
 * @param alpha      correlation parameters (empty for independence)
 * @param phi        scale
 * @param iterations Fisher-scoring steps taken
 * @param converged  whether the last step was below the tolerance
 * @param change     the last step's largest change (β in standard errors, φ relative, α absolute)
 */
record GeeSolution(double[] beta, double[] alpha, double phi, int iterations, boolean converged, double change) {
}
