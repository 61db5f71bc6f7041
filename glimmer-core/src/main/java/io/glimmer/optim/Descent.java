package io.glimmer.optim;

/** The acceptance test of a step in the (P)IRLS iterations. */
public final class Descent {
    private Descent() {
    }

    /**
     * Whether an objective {@code current} is no worse than {@code previous}, up to rounding
     * (1e-14 relative and absolute). Relative to |previous|: a continuous response's deviance
     * (−2 log-density) can be negative, and a tolerance that scaled with its sign would demand a
     * decrease there and stop the iterations short of the mode.
     */
    public static boolean noWorse(double current, double previous) {
        return current <= previous + 1e-14 * Math.abs(previous) + 1e-14;
    }
}
