package io.glimmer.predict;

import java.util.function.DoubleUnaryOperator;

/** Adaptive Simpson quadrature: the independent integrator the tests check quadrature against. */
final class Simpson {
    private Simpson() {
    }

    static double integrate(DoubleUnaryOperator f, double a, double b, double tolerance) {
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        double m = (a + b) / 2;
        double fm = f.applyAsDouble(m);
        return step(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), tolerance, 50);
    }

    private static double step(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb, double whole, double tol, int depth) {
        double m = (a + b) / 2;
        double lm = (a + m) / 2;
        double rm = (m + b) / 2;
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        if (depth <= 0 || Math.abs(left + right - whole) <= 15 * tol) {
            return left + right + (left + right - whole) / 15;
        }
        return step(f, a, m, fa, flm, fm, left, tol / 2, depth - 1) + step(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
    }

    /** E h(η + s t), t ~ N(0, 1), over ±10 standard deviations. */
    static double normalMean(DoubleUnaryOperator h, double eta, double s) {
        return integrate(t -> h.applyAsDouble(eta + s * t) * Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI), -10, 10, 1e-12);
    }
}
