package io.glimmer.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Minimises, checks the optimum with {@link ConvergenceCheck}, and when the check fails restarts
 * once from the point reached with a smaller trust region before reporting a warning.
 */
public final class CheckedMinimizer {
    /** lme4's finite-difference step for derivatives at the optimum. */
    public static final double STEP = 1e-4;

    private CheckedMinimizer() {
    }

    /**
     * @param result      the optimiser's result (evaluations include the restart, not the derivatives)
     * @param derivatives gradient and Hessian at the optimum
     * @param warning     a convergence warning that survived the restart
     */
    public record Outcome(BoundedMinimizer.Result result, FiniteDifferences derivatives, Optional<String> warning) {
        public List<String> messages() {
            List<String> m = new ArrayList<>(result.messages());
            warning.ifPresent(m::add);
            return m;
        }

        public boolean converged() {
            return result.converged() && warning.isEmpty();
        }
    }

    public static Outcome minimize(ToDoubleFunction<double[]> f, double[] start, double[] lower, double[] upper,
                                   double initialStep, double finalStep) {
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(f, start, lower, upper, initialStep, finalStep);
        FiniteDifferences d = FiniteDifferences.at(f, r.x(), STEP);
        Optional<String> w = ConvergenceCheck.warning(d, r.x(), lower);
        if (w.isPresent()) {
            BoundedMinimizer.Result again = BoundedMinimizer.minimize(f, r.x(), lower, upper, Math.max(initialStep / 10, finalStep * 10), finalStep);
            List<String> messages = new ArrayList<>(r.messages());
            messages.addAll(again.messages());
            BoundedMinimizer.Result best = again.value() <= r.value() ? again : r;
            r = new BoundedMinimizer.Result(best.name(), best.x(), best.value(), r.evaluations() + again.evaluations(),
                    best.converged(), messages);
            d = FiniteDifferences.at(f, r.x(), STEP);
            w = ConvergenceCheck.warning(d, r.x(), lower);
        }
        return new Outcome(r, d, w);
    }
}
