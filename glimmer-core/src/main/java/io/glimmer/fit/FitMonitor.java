package io.glimmer.fit;

/**
 * Watches an iterative fit (so far the Monte Carlo methods, MCEM and MCNR) and may ask it to stop:
 * the fit then ends at its best estimate so far, not converged, with a warning saying so. Called on the
 * fitting thread; {@link #stopRequested()} may be set from another (a signal handler).
 */
public interface FitMonitor {
    /** A monitor that shows nothing and never stops a fit. */
    FitMonitor NONE = new FitMonitor() {
    };

    /**
     * After each iteration.
     *
     * @param method    "MCEM" or "MCNR"
     * @param iteration 1, 2, …
     * @param samples   the Monte Carlo sample size of the iteration's E-step
     * @param change    the largest absolute change of a parameter (θ or β, on the fit's internal scale)
     */
    default void iteration(String method, int iteration, int samples, double change) {
    }

    /** Whether the fit should stop at its best estimate so far. */
    default boolean stopRequested() {
        return false;
    }
}
