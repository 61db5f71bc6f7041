package io.glimmer.optim;

import io.glimmer.error.GlimmerException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Derivative-free minimisation under bounds: Powell's BOBYQA (Hipparchus) for two or more
 * parameters, and Brent's method on a bracketed interval for one (BOBYQA needs at least two).
 */
public final class BoundedMinimizer {
    /** Evaluations allowed per parameter before giving up. */
    private static final int MAX_EVALUATIONS_PER_PARAMETER = 2000;

    private BoundedMinimizer() {
    }

    /**
     * The result of a minimisation.
     *
     * @param x           the minimiser
     * @param value       the objective there
     * @param evaluations objective evaluations used
     */
    public record Result(String name, double[] x, double value, int evaluations, boolean converged, List<String> messages) {
    }

    /**
     * @param initialStep first trust-region radius (in the units of x)
     * @param finalStep   stopping radius: the accuracy wanted in x
     */
    public static Result minimize(ToDoubleFunction<double[]> f, double[] start, double[] lower, double[] upper,
                                  double initialStep, double finalStep) {
        Counter counted = new Counter(f);
        List<String> messages = new ArrayList<>();
        int maxEval = MAX_EVALUATIONS_PER_PARAMETER * Math.max(2, start.length);
        try {
            if (start.length == 1) {
                return brent(counted, start[0], lower[0], upper[0], finalStep, maxEval, messages);
            }
            BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * start.length + 1, initialStep, finalStep);
            bobyqa.optimize(new MaxEval(maxEval), new ObjectiveFunction(counted::value), GoalType.MINIMIZE,
                    new InitialGuess(start), new SimpleBounds(lower, upper));
            // BOBYQA rebuilds its answer from its own bookkeeping; the best point evaluated, exactly as
            // evaluated, is returned instead, so a caller may keep state from that evaluation.
            boolean finite = Double.isFinite(counted.bestValue);
            if (!finite) {
                messages.add("the objective was not finite at any point the optimiser tried");
            }
            return new Result("BOBYQA", counted.best, counted.bestValue, counted.count, finite, messages);
        } catch (MathIllegalStateException e) {
            if (counted.best == null) {
                throw new GlimmerException("the optimiser failed before evaluating the objective: " + e.getMessage(), e);
            }
            messages.add("optimiser stopped early: " + e.getMessage());
            return new Result(start.length == 1 ? "Brent" : "BOBYQA", counted.best, counted.bestValue, counted.count, false, messages);
        }
    }

    private static Result brent(Counter f, double start, double lower, double upper, double tol, int maxEval, List<String> messages) {
        // Bracket the minimum: walk upwards from the start until the objective rises.
        double lo = lower;
        double step = Math.max(Math.abs(start), 1.0);
        double a = start;
        double fa = f.value(new double[]{a});
        double b = Math.min(upper, a + step);
        double fb = f.value(new double[]{b});
        while (fb < fa && b < upper) {
            lo = a;
            a = b;
            fa = fb;
            step *= 2;
            b = Math.min(upper, a + step);
            fb = f.value(new double[]{b});
        }
        double hi = b;
        BrentOptimizer brent = new BrentOptimizer(1e-10, tol);
        UnivariatePointValuePair p = brent.optimize(new MaxEval(maxEval), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(x -> f.value(new double[]{x})), new SearchInterval(lo, hi, Math.min(Math.max(a, lo), hi)));
        double x = p.getPoint();
        double value = p.getValue();
        // Brent does not evaluate the end points; a boundary optimum (a zero variance) is checked directly.
        if (lo == lower) {
            double atBound = f.value(new double[]{lower});
            if (atBound <= value) {
                x = lower;
                value = atBound;
            }
        }
        return new Result("Brent", new double[]{x}, value, f.count, true, messages);
    }

    /** Counts evaluations and remembers the best point, so an early stop still returns something. */
    private static final class Counter {
        private final ToDoubleFunction<double[]> f;
        int count;
        double[] best;
        double bestValue = Double.POSITIVE_INFINITY;

        Counter(ToDoubleFunction<double[]> f) {
            this.f = f;
        }

        double value(double[] x) {
            count++;
            double v = f.applyAsDouble(x);
            // NaN ranks as +∞, and the first point is kept whatever its value, so there is always an answer.
            double rank = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
            if (best == null || rank < bestValue) {
                bestValue = rank;
                best = x.clone();
            }
            return v;
        }
    }
}
