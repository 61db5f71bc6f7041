package io.glimmer.optim;

import java.util.function.ToDoubleFunction;

/**
 * Central finite-difference gradient and Hessian of an objective at a point, with step h in every
 * coordinate (lme4's deriv12 step). The gradient comes from the same evaluations as the Hessian's
 * diagonal, and each off-diagonal entry reuses them too, so it needs only f(x + h e_i + h e_j) and
 * f(x − h e_i − h e_j): 1 + 2d + d(d − 1) evaluations in all instead of deriv12's 1 + 2d + 2d(d − 1).
 * Both schemes are exact for a quadratic and accurate to O(h²) otherwise.
 *
 * @param value    f(x)
 * @param gradient ∂f/∂x_i
 * @param hessian  ∂²f/∂x_i∂x_j
 */
public record FiniteDifferences(double value, double[] gradient, double[][] hessian) {

    /** The number of evaluations of the objective {@link #at} makes in d dimensions. */
    public static int evaluations(int d) {
        return 1 + 2 * d + d * (d - 1);
    }

    public static FiniteDifferences at(ToDoubleFunction<double[]> f, double[] x, double h) {
        int d = x.length;
        double f0 = f.applyAsDouble(x);
        double[] grad = new double[d];
        double[][] hess = new double[d][d];
        double[] plus = new double[d];
        double[] minus = new double[d];
        double[] xp = x.clone();
        for (int i = 0; i < d; i++) {
            xp[i] = x[i] + h;
            plus[i] = f.applyAsDouble(xp);
            xp[i] = x[i] - h;
            minus[i] = f.applyAsDouble(xp);
            xp[i] = x[i];
            grad[i] = (plus[i] - minus[i]) / (2 * h);
            hess[i][i] = (plus[i] - 2 * f0 + minus[i]) / (h * h);
        }
        // Along the diagonal direction e_i + e_j the second difference is h²(H_ii + 2H_ij + H_jj) + O(h⁴);
        // subtracting the axis second differences leaves 2h²H_ij.
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                xp[i] = x[i] + h;
                xp[j] = x[j] + h;
                double fpp = f.applyAsDouble(xp);
                xp[i] = x[i] - h;
                xp[j] = x[j] - h;
                double fmm = f.applyAsDouble(xp);
                xp[i] = x[i];
                xp[j] = x[j];
                double diagonal = fpp - 2 * f0 + fmm;
                double axes = (plus[i] - 2 * f0 + minus[i]) + (plus[j] - 2 * f0 + minus[j]);
                hess[i][j] = (diagonal - axes) / (2 * h * h);
                hess[j][i] = hess[i][j];
            }
        }
        return new FiniteDifferences(f0, grad, hess);
    }
}
