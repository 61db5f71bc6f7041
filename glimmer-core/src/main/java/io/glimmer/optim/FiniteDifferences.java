package io.glimmer.optim;

import java.util.function.ToDoubleFunction;

/**
 * Central finite-difference gradient and Hessian of an objective at a point, with step h in every
 * coordinate (as lme4's deriv12). The gradient comes from the same evaluations as the Hessian's diagonal.
 *
 * @param value    f(x)
 * @param gradient ∂f/∂x_i
 * @param hessian  ∂²f/∂x_i∂x_j
 */
public record FiniteDifferences(double value, double[] gradient, double[][] hessian) {

    public static FiniteDifferences at(ToDoubleFunction<double[]> f, double[] x, double h) {
        int d = x.length;
        double f0 = f.applyAsDouble(x);
        double[] grad = new double[d];
        double[][] hess = new double[d][d];
        double[] xp = x.clone();
        for (int i = 0; i < d; i++) {
            xp[i] = x[i] + h;
            double fp = f.applyAsDouble(xp);
            xp[i] = x[i] - h;
            double fm = f.applyAsDouble(xp);
            xp[i] = x[i];
            grad[i] = (fp - fm) / (2 * h);
            hess[i][i] = (fp - 2 * f0 + fm) / (h * h);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int si = -1; si <= 1; si += 2) {
                    for (int sj = -1; sj <= 1; sj += 2) {
                        xp[i] = x[i] + si * h;
                        xp[j] = x[j] + sj * h;
                        s += si * sj * f.applyAsDouble(xp);
                    }
                }
                xp[i] = x[i];
                xp[j] = x[j];
                hess[i][j] = s / (4 * h * h);
                hess[j][i] = hess[i][j];
            }
        }
        return new FiniteDifferences(f0, grad, hess);
    }
}
