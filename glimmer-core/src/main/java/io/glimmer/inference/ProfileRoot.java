package io.glimmer.inference;

/**
 * Where a profile crosses a level: walk out from the estimate (secant steps on ζ, at most four
 * times the last step) until ζ passes the target, then close in by the Illinois method, each
 * evaluation being one constrained refit. ζ is nearly linear, so a handful of refits suffice.
 */
final class ProfileRoot {
    private static final int MAX_STEPS = 40;
    private static final int MAX_REFINEMENTS = 60;
    /** ζ within this of the target is a crossing: far below what 0.1% of an interval needs. */
    private static final double ZETA_TOLERANCE = 1e-6;

    private ProfileRoot() {
    }

    /**
     * The value where ζ equals {@code target} on the side of the estimate that target's sign
     * points to; the parameter's bound when ζ stays short of it all the way (a standard deviation
     * whose lower limit is 0, as lme4 reports); NaN if no crossing is found.
     */
    static double crossing(ProfileCurve c, double target) {
        double dir = Math.signum(target);
        double bound = dir > 0 ? c.upper() : c.lower();
        double x0 = c.estimate();
        double z0 = 0;
        if (x0 == bound) {
            return bound;
        }
        double x1 = clamp(x0 + dir * c.step() * Math.abs(target), c);
        for (int i = 0; i < MAX_STEPS; i++) {
            double z1 = c.zeta(x1);
            if (Double.isNaN(z1) || Double.isInfinite(z1)) { // no model there (σ = 0): come back halfway
                x1 = (x0 + x1) / 2;
                continue;
            }
            if (dir * (z1 - target) >= 0) {
                return refine(c, target, x0, z0 - target, x1, z1 - target);
            }
            if (x1 == bound) {
                return bound;
            }
            double last = Math.abs(x1 - x0);
            double slope = (z1 - z0) / (x1 - x0);
            // Aim a little past the target so that the next step brackets it rather than creeping up.
            double move = slope * dir > 0 ? 1.1 * (target - z1) / slope : 2 * dir * last;
            move = dir * Math.min(Math.abs(move), 4 * last);
            x0 = x1;
            z0 = z1;
            x1 = clamp(x1 + move, c);
        }
        return Double.NaN;
    }

    /** Illinois regula falsi on a bracket [a, b] of ζ − target (fa, fb of opposite signs). */
    private static double refine(ProfileCurve c, double target, double a, double fa, double b, double fb) {
        if (fb == 0) {
            return b;
        }
        int side = 0;
        double x = b;
        for (int i = 0; i < MAX_REFINEMENTS; i++) {
            x = (a * fb - b * fa) / (fb - fa);
            double fx = c.zeta(x) - target;
            if (Math.abs(fx) < ZETA_TOLERANCE) {
                return x;
            }
            if (fx * fb > 0) {
                b = x;
                fb = fx;
                if (side == -1) {
                    fa /= 2;
                }
                side = -1;
            } else {
                a = x;
                fa = fx;
                if (side == 1) {
                    fb /= 2;
                }
                side = 1;
            }
            if (Math.abs(b - a) <= 1e-12 * Math.max(Math.abs(a), c.step())) {
                break;
            }
        }
        return x;
    }

    private static double clamp(double x, ProfileCurve c) {
        return Math.min(c.upper(), Math.max(c.lower(), x));
    }
}
