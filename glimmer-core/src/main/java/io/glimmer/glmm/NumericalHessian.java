package io.glimmer.glmm;

import java.util.function.ToDoubleFunction;

/** Central finite-difference Hessian (step h in every coordinate), as lme4's deriv12 for the deviance. */
final class NumericalHessian {
    private NumericalHessian() {
    }

    static double[][] of(ToDoubleFunction<double[]> f, double[] x, double h) {
        int d = x.length;
        double f0 = f.applyAsDouble(x);
        double[][] hess = new double[d][d];
        double[] xp = x.clone();
        for (int i = 0; i < d; i++) {
            xp[i] = x[i] + h;
            double fp = f.applyAsDouble(xp);
            xp[i] = x[i] - h;
            double fm = f.applyAsDouble(xp);
            xp[i] = x[i];
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
        return hess;
    }
}
