package io.glimmer.optim;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Newton steps on finite-difference derivatives ({@link FiniteDifferences}) from where a
 * derivative-free optimiser stopped: for objectives whose parameters are so correlated that
 * BOBYQA's trust region shrinks to its end before the optimum (a zero-inflation model's intercept
 * against the count model's). A coordinate on its lower bound with a positive gradient stays
 * there; a step is shortened to stay within the bounds and halved until the objective falls; the
 * polish ends when the decrease a Newton step promises is below {@code tolerance}, or the Hessian
 * is not positive definite (then the point is left as it was).
 */
public final class NewtonPolish {
    private static final int MAX_HALVINGS = 10;
    private static final double MAX_DAMPING = 1e4;

    private NewtonPolish() {
    }

    /**
     * The point reached, its value and the evaluations used; {@code derivatives} are those at x when the
     * polish ended there without moving again (for standard errors without another Hessian), else null.
     */
    public record Result(double[] x, double value, int evaluations, FiniteDifferences derivatives) {
    }

    public static Result polish(ToDoubleFunction<double[]> f, double[] start, double[] lower, double h, int maxSteps, double tolerance) {
        double[] x = start.clone();
        double value = Double.NaN;
        int evaluations = 0;
        FiniteDifferences atX = null;
        for (int step = 0; step < maxSteps; step++) {
            FiniteDifferences d = FiniteDifferences.at(f, x, h);
            atX = d;
            evaluations += FiniteDifferences.evaluations(x.length);
            value = d.value();
            if (!finite(d)) {
                break;
            }
            boolean moved = false;
            boolean done = false;
            // Newton's step, or where H is not positive definite (far from the optimum, on a ridge) a
            // Levenberg-Marquardt step: H + λ·diag|H| with λ growing until it is
            for (double lambda = 0; lambda <= MAX_DAMPING && !moved && !done; lambda = lambda == 0 ? 1e-3 : lambda * 10) {
                double[] direction = newtonStep(d, x, lower, lambda);
                if (direction == null) {
                    continue;
                }
                double promised = 0;
                for (int i = 0; i < x.length; i++) {
                    promised -= 0.5 * d.gradient()[i] * direction[i];
                }
                if (!(promised > tolerance)) { // converged (a damped step promises less still)
                    done = true;
                    continue;
                }
                double t = 1;
                for (int i = 0; i < x.length; i++) { // stay within the bounds
                    if (direction[i] < 0 && x[i] + t * direction[i] < lower[i]) {
                        t = (lower[i] - x[i]) / direction[i];
                    }
                }
                for (int halving = 0; halving <= MAX_HALVINGS && !moved; halving++, t /= 2) {
                    double[] trial = x.clone();
                    for (int i = 0; i < x.length; i++) {
                        trial[i] = Math.max(lower[i], x[i] + t * direction[i]);
                    }
                    double v = f.applyAsDouble(trial);
                    evaluations++;
                    if (v < value) {
                        x = trial;
                        value = v;
                        moved = true;
                        atX = null;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        if (Double.isNaN(value)) {
            value = f.applyAsDouble(x);
            evaluations++;
        }
        return new Result(x, value, evaluations, atX);
    }

    private static boolean finite(FiniteDifferences d) {
        for (int i = 0; i < d.gradient().length; i++) {
            if (!Double.isFinite(d.gradient()[i])) {
                return false;
            }
            for (double v : d.hessian()[i]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * −(H + λ·diag|H|)⁻¹g over the free coordinates (0 for those held on a bound), or null when that
     * matrix is not positive definite.
     */
    private static double[] newtonStep(FiniteDifferences d, double[] x, double[] lower, double lambda) {
        FreeCoordinates fc = FreeCoordinates.of(d, x, lower);
        int k = fc.size();
        if (k == 0) {
            return null;
        }
        List<Integer> free = fc.free();
        RealMatrix h = fc.hessian().copy();
        double[] g = fc.g();
        for (int a = 0; a < k; a++) {
            h.addToEntry(a, a, lambda * Math.max(Math.abs(h.getEntry(a, a)), 1e-8));
        }
        double[] s;
        try {
            s = new CholeskyDecomposition(h, 1e-12, 1e-14).getSolver().solve(MatrixUtils.createRealVector(g)).toArray();
        } catch (RuntimeException e) {
            return null;
        }
        double[] direction = new double[x.length];
        for (int a = 0; a < k; a++) {
            direction[free.get(a)] = -s[a];
        }
        return direction;
    }
}
