package io.glimmer.inference;

import io.glimmer.optim.BoundedMinimizer;

import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A profile computed by refitting: hold the parameter at x and minimise the deviance over the
 * free coordinates (BOBYQA, or Brent for one), started from the optimum found at the nearest x
 * already visited between x and the estimate (as lme4's "prev" start). The minimiser sees the
 * coordinates divided by {@code scale}, so that σ in the hundreds and θ near one share one trust
 * region.
 */
final class ProfileRefit implements ProfileCurve {
    private static final double INITIAL_RADIUS = 0.1;
    private static final double FINAL_RADIUS = 1e-7;

    private final DoubleFunction<ToDoubleFunction<double[]>> objective;
    private final double estimate;
    private final double lowerX;
    private final double upperX;
    private final double step;
    private final double[] lower;
    private final double[] upper;
    private final double[] scale;
    private final double base;
    private final int[] vanishing;
    private double plateau = Double.NaN;
    /** Free coordinates at the optima found so far, by the value the parameter was held at. */
    private final TreeMap<Double, double[]> optima = new TreeMap<>();

    /**
     * @param objective the deviance over the free coordinates with the parameter held at x
     * @param estimate  the parameter's estimate x̂
     * @param lowerX    the smallest value the parameter may take; {@code upperX} the largest
     * @param step      a rough change of the parameter that moves ζ by one
     * @param start     the free coordinates at the estimate, where the deviance is {@code base}
     * @param lower     bounds of the free coordinates; {@code upper} likewise
     * @param scale     a typical size of each free coordinate (positive)
     * @param vanishing free coordinates any of which at zero leaves the parameter without meaning
     *                  (the standard deviations of a correlation's pair), or none
     */
    ProfileRefit(DoubleFunction<ToDoubleFunction<double[]>> objective, double estimate, double lowerX, double upperX, double step,
                 double[] start, double[] lower, double[] upper, double[] scale, double base, int... vanishing) {
        this.objective = objective;
        this.estimate = estimate;
        this.lowerX = lowerX;
        this.upperX = upperX;
        this.step = step;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.scale = scale.clone();
        this.base = base;
        this.vanishing = vanishing.clone();
        optima.put(estimate, start.clone());
    }

    @Override
    public double estimate() {
        return estimate;
    }

    @Override
    public double lower() {
        return lowerX;
    }

    @Override
    public double upper() {
        return upperX;
    }

    @Override
    public double step() {
        return step;
    }

    @Override
    public double zeta(double x) {
        double[] u = nearest(x).clone();
        double value = minimise(objective.apply(x), u, -1);
        optima.put(x, u);
        if (vanishing.length > 0) {
            value = Math.min(value, plateau());
        }
        // The optimiser stops within its tolerance of the minimum: a hair below the base is zero.
        return Math.signum(x - estimate) * Math.sqrt(Math.max(0, value - base));
    }

    /**
     * The deviance where one of the {@code vanishing} coordinates is zero, which is the same for
     * every x (a correlation with an effect of zero variance means nothing). The profile can never
     * rise above it, but a refit started inside may not find it: the valley it starts in can be a
     * local minimum only (lme4 misses this too; its limit is then too narrow).
     */
    private double plateau() {
        if (Double.isNaN(plateau)) {
            plateau = Double.POSITIVE_INFINITY;
            ToDoubleFunction<double[]> f = objective.apply(estimate);
            for (int i : vanishing) {
                double[] u = optima.get(estimate).clone();
                u[i] = 0;
                plateau = Math.min(plateau, minimise(f, u, i));
            }
        }
        return plateau;
    }

    /**
     * Minimises f over the free coordinates (all but {@code held}, ≥ 0 to leave one out), from u
     * and into u; returns the minimum.
     */
    private double minimise(ToDoubleFunction<double[]> f, double[] u, int held) {
        int m = held < 0 ? u.length : u.length - 1;
        int[] active = new int[m];
        for (int i = 0, k = 0; i < u.length; i++) {
            if (i != held) {
                active[k++] = i;
            }
        }
        double[] v = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int k = 0; k < m; k++) {
            int i = active[k];
            lo[k] = lower[i] / scale[i];
            hi[k] = upper[i] / scale[i];
            v[k] = Math.min(hi[k], Math.max(lo[k], u[i] / scale[i]));
        }
        ToDoubleFunction<double[]> scaled = w -> {
            for (int k = 0; k < m; k++) {
                u[active[k]] = w[k] * scale[active[k]];
            }
            return f.applyAsDouble(u);
        };
        if (m == 0) {
            return scaled.applyAsDouble(v);
        }
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(scaled, v, lo, hi, INITIAL_RADIUS, FINAL_RADIUS);
        scaled.applyAsDouble(r.x()); // leave u at the minimiser
        return r.value();
    }

    /**
     * The optimum at the visited value nearest x on the estimate's side: following the profile out
     * from the estimate keeps to one valley, where a start from beyond x (say a correlation of −1,
     * where the covariance is singular) may sit in another.
     */
    private double[] nearest(double x) {
        return (x >= estimate ? optima.floorEntry(x) : optima.ceilingEntry(x)).getValue();
    }
}
