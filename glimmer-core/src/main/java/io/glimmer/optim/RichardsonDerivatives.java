package io.glimmer.optim;

import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Derivatives by central differences refined by Richardson extrapolation, as R's numDeriv does by
 * default (4 steps, each half the last; first step d·|xᵢ|, or 10⁻⁴ where xᵢ is nearly 0): the
 * errors of central differences are a series in h², so each extrapolation removes one power and
 * the result is accurate to near machine precision without a tiny step. lmerTest's Satterthwaite
 * degrees of freedom are built on numDeriv's hessian (d = 0.1) and jacobian (d = 10⁻⁴).
 */
public final class RichardsonDerivatives {
    /** numDeriv's r: the number of step sizes. */
    private static final int STEPS = 4;
    /** numDeriv's eps: the step where a coordinate is (nearly) zero. */
    private static final double ZERO_STEP = 1e-4;
    /** numDeriv's zero.tol. */
    private static final double ZERO_TOLERANCE = Math.sqrt(Math.ulp(1.0) / 7e-7);
    /** numDeriv's hessian's first relative step. */
    public static final double HESSIAN_STEP = 0.1;
    /** numDeriv's jacobian's first relative step. */
    public static final double JACOBIAN_STEP = 1e-4;

    private RichardsonDerivatives() {
    }

    /** The Hessian of f at x: second central differences, mixed ones from four points. */
    public static double[][] hessian(ToDoubleFunction<double[]> f, double[] x) {
        int d = x.length;
        double f0 = f.applyAsDouble(x);
        double[] h = firstSteps(x, HESSIAN_STEP);
        double[][] hess = new double[d][d];
        for (int i = 0; i < d; i++) {
            int a = i;
            hess[i][i] = extrapolate(s -> {
                double hi = h[a] * s;
                return new double[] {(f.applyAsDouble(moved(x, a, hi, a, 0)) - 2 * f0 + f.applyAsDouble(moved(x, a, -hi, a, 0))) / (hi * hi)};
            })[0];
            for (int j = 0; j < i; j++) {
                int b = j;
                double v = extrapolate(s -> {
                    double hi = h[a] * s;
                    double hj = h[b] * s;
                    double pp = f.applyAsDouble(moved(x, a, hi, b, hj));
                    double pm = f.applyAsDouble(moved(x, a, hi, b, -hj));
                    double mp = f.applyAsDouble(moved(x, a, -hi, b, hj));
                    double mm = f.applyAsDouble(moved(x, a, -hi, b, -hj));
                    return new double[] {(pp - pm - mp + mm) / (4 * hi * hj)};
                })[0];
                hess[i][j] = v;
                hess[j][i] = v;
            }
        }
        return hess;
    }

    /** The Jacobian of a vector function g at x: column i is ∂g/∂xᵢ (rows as g's elements). */
    public static double[][] jacobian(Function<double[], double[]> g, double[] x) {
        double[] h = firstSteps(x, JACOBIAN_STEP);
        double[][] columns = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int a = i;
            columns[i] = extrapolate(s -> {
                double hi = h[a] * s;
                double[] up = g.apply(moved(x, a, hi, a, 0));
                double[] down = g.apply(moved(x, a, -hi, a, 0));
                double[] diff = new double[up.length];
                for (int k = 0; k < up.length; k++) {
                    diff[k] = (up[k] - down[k]) / (2 * hi);
                }
                return diff;
            });
        }
        return columns;
    }

    private static double[] firstSteps(double[] x, double relative) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = Math.abs(x[i]) < ZERO_TOLERANCE ? ZERO_STEP : relative * Math.abs(x[i]);
        }
        return h;
    }

    /** x with xᵢ += dᵢ and then xⱼ += dⱼ (i = j moves one coordinate by dᵢ + dⱼ). */
    private static double[] moved(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        y[j] += dj;
        return y;
    }

    /**
     * Richardson's table: estimates at step scales 1, 1/2, 1/4, 1/8 of the first step, combined so
     * that the h², h⁴, h⁶ error terms cancel.
     */
    private static double[] extrapolate(DoubleFunction<double[]> estimate) {
        double[][] a = new double[STEPS][];
        double scale = 1;
        for (int k = 0; k < STEPS; k++) {
            a[k] = estimate.apply(scale);
            scale /= 2;
        }
        for (int m = 1; m < STEPS; m++) {
            double four = Math.pow(4, m);
            for (int k = 0; k < STEPS - m; k++) {
                for (int e = 0; e < a[k].length; e++) {
                    a[k][e] = (four * a[k + 1][e] - a[k][e]) / (four - 1);
                }
            }
        }
        return a[0];
    }
}
