package io.glimmer.inference;

import io.glimmer.optim.BoundedMinimizer;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The profile of one coordinate of a deviance over a parameter vector: hold it at x and minimise
 * over the others (BOBYQA, or Brent for one), each started from the optimum found at the nearest
 * x already visited (lme4's "prev" start). The minimiser works on coordinates divided by
 * {@code scale}, so that standard deviations in the hundreds and correlations share one trust region.
 */
final class ProfileCoordinate implements ProfileCurve {
    private static final double INITIAL_RADIUS = 0.1;
    private static final double FINAL_RADIUS = 1e-7;

    private final ToDoubleFunction<double[]> deviance;
    private final double[] lower;
    private final double[] upper;
    private final double[] scale;
    private final int index;
    private final double estimate;
    private final double base;
    private final double step;
    /** Full parameter vectors at the optima found so far, by the value of this coordinate. */
    private final TreeMap<Double, double[]> optima = new TreeMap<>();

    /**
     * @param deviance the deviance of a full parameter vector
     * @param optimum  the full vector at the maximum-likelihood estimate, where the deviance is {@code base}
     * @param scale    a typical size of each coordinate (positive)
     * @param step     a rough change of this coordinate that moves ζ by one
     */
    ProfileCoordinate(ToDoubleFunction<double[]> deviance, double[] optimum, double base, double[] lower, double[] upper,
                      double[] scale, int index, double step) {
        this.deviance = deviance;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.scale = scale.clone();
        this.index = index;
        this.estimate = optimum[index];
        this.base = base;
        this.step = step;
        optima.put(estimate, optimum.clone());
    }

    @Override
    public double estimate() {
        return estimate;
    }

    @Override
    public double lower() {
        return lower[index];
    }

    @Override
    public double upper() {
        return upper[index];
    }

    @Override
    public double step() {
        return step;
    }

    @Override
    public double zeta(double x) {
        double[] start = nearest(x);
        int m = start.length - 1;
        double[] u = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0, j = 0; i < start.length; i++) {
            if (i != index) {
                lo[j] = lower[i] / scale[i];
                hi[j] = upper[i] / scale[i];
                u[j] = Math.min(hi[j], Math.max(lo[j], start[i] / scale[i]));
                j++;
            }
        }
        double[] full = start.clone();
        full[index] = x;
        ToDoubleFunction<double[]> f = free -> deviance.applyAsDouble(expand(free, full));
        double value;
        if (m == 0) {
            value = f.applyAsDouble(u);
        } else {
            BoundedMinimizer.Result r = BoundedMinimizer.minimize(f, u, lo, hi, INITIAL_RADIUS, FINAL_RADIUS);
            u = r.x();
            value = r.value();
        }
        optima.put(x, expand(u, full));
        // The optimiser stops within its tolerance of the minimum: a hair below the base is zero.
        return Math.signum(x - estimate) * Math.sqrt(Math.max(0, value - base));
    }

    /** The full vector with the free coordinates (scaled) filled in around the fixed one. */
    private double[] expand(double[] free, double[] full) {
        double[] v = full.clone();
        for (int i = 0, j = 0; i < v.length; i++) {
            if (i != index) {
                v[i] = free[j++] * scale[i];
            }
        }
        return v;
    }

    private double[] nearest(double x) {
        Map.Entry<Double, double[]> below = optima.floorEntry(x);
        Map.Entry<Double, double[]> above = optima.ceilingEntry(x);
        if (below == null) {
            return above.getValue();
        }
        if (above == null || x - below.getKey() <= above.getKey() - x) {
            return below.getValue();
        }
        return above.getValue();
    }
}
