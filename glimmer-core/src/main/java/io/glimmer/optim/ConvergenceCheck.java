package io.glimmer.optim;

import java.util.Locale;
import java.util.Optional;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Checks an optimum the way lme4's checkConv does — the gradient and the Hessian of the objective
 * there — but judges the gradient by what it means: the decrease of the objective a Newton step
 * would still give, ½ g'H⁻¹g. lme4 warns on the size of the scaled gradient alone, which raises
 * many false alarms on large data where tiny relative changes give visible gradients; here a
 * warning means the deviance could really fall by more than {@link #DEVIANCE_TOLERANCE}.
 * Coordinates on a lower bound with the gradient pushing outwards are left out (a singular fit is
 * reported as such, not as a convergence failure).
 */
public final class ConvergenceCheck {
    /** Deviance units: log-likelihood differences below 5e-4 change no inference. */
    public static final double DEVIANCE_TOLERANCE = 1e-3;

    private ConvergenceCheck() {
    }

    /**
     * @param lower lower bounds of x (−∞ where there is none)
     * @return a warning in words a user can act on, or empty
     */
    public static Optional<String> warning(FiniteDifferences d, double[] x, double[] lower) {
        FreeCoordinates fc = FreeCoordinates.of(d, x, lower);
        if (fc.size() == 0) {
            return Optional.empty();
        }
        int k = fc.size();
        RealMatrix h = fc.hessian();
        double[] g = fc.g();
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                if (!Double.isFinite(h.getEntry(a, b))) { // the eigenvalues of NaN do not converge
                    return Optional.of("the Hessian of the deviance could not be computed at the optimum (the deviance is not finite next to it)");
                }
            }
        }
        double[] eigen = new EigenDecompositionSymmetric(h).getEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double e : eigen) {
            min = Math.min(min, e);
            max = Math.max(max, Math.abs(e));
        }
        if (min < -1e-6 * Math.max(1, max)) {
            return Optional.of("the optimum found is not a minimum (the Hessian of the deviance has a negative eigenvalue, "
                    + fmt(min) + "): the model is probably too complex for the data; simplify the random effects");
        }
        if (min <= 1e-10 * Math.max(1, max)) {
            return Optional.empty(); // flat direction: identifiability, not convergence; reported as singular where it applies
        }
        double[] step = new LUDecomposition(h).getSolver().solve(MatrixUtils.createRealVector(g)).toArray();
        double decrease = 0;
        double largest = 0;
        for (int a = 0; a < k; a++) {
            decrease += 0.5 * g[a] * step[a];
            largest = Math.max(largest, Math.abs(step[a]));
        }
        if (decrease > DEVIANCE_TOLERANCE) {
            return Optional.of("the optimiser stopped before the optimum: the deviance could still fall by about " + fmt(decrease)
                    + " (a parameter would move by up to " + fmt(largest) + "); estimates may be inaccurate — rescale predictors"
                    + " with very different magnitudes, or simplify the random effects");
        }
        return Optional.empty();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
