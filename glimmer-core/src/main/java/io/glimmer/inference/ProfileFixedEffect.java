package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.optim.BoundedMinimizer;

import java.util.Map;
import java.util.TreeMap;

/**
 * The profile of one fixed effect of a linear mixed model, as lme4 does it: hold β_j at b by
 * moving b·x_j into the offset and dropping column j, then minimise the ML deviance (β and σ still
 * profiled out) over θ, started from the θ found at the nearest b already visited.
 */
final class ProfileFixedEffect implements ProfileCurve {
    private static final double INITIAL_RADIUS = 0.1;
    private static final double FINAL_RADIUS = 1e-7;

    private final Design design;
    private final ModelMatrix reduced;
    private final double[] column;
    private final double[] y;
    private final double[] weights;
    private final double estimate;
    private final double stdError;
    private final double base;
    private final TreeMap<Double, double[]> thetas = new TreeMap<>();

    /**
     * @param j        the column of X
     * @param estimate β̂_j of the ML fit, where the deviance is {@code base} at θ̂
     * @param stdError its standard error: ζ moves by about one per standard error
     */
    ProfileFixedEffect(Design design, double[] y, double[] weights, int j, double estimate, double stdError, double[] thetaHat,
                       double base) {
        this.design = design;
        this.y = y;
        this.weights = weights;
        this.estimate = estimate;
        this.stdError = stdError;
        this.base = base;
        ModelMatrix x = design.x();
        int[] keep = new int[x.columns() - 1];
        for (int c = 0, k = 0; c < x.columns(); c++) {
            if (c != j) {
                keep[k++] = c;
            }
        }
        this.reduced = x.select(keep);
        this.column = new double[x.rows()];
        for (int r = 0; r < column.length; r++) {
            column[r] = x.get(r, j);
        }
        thetas.put(estimate, thetaHat.clone());
    }

    @Override
    public double estimate() {
        return estimate;
    }

    @Override
    public double lower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upper() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double step() {
        return stdError;
    }

    @Override
    public double zeta(double b) {
        LinearMixedModel model = new LinearMixedModel(held(b), y, weights, false);
        CovarianceStructure cs = model.covariance();
        BoundedMinimizer.Result r = BoundedMinimizer.minimize(model::objective, nearest(b), cs.lower(), cs.upper(),
                INITIAL_RADIUS, FINAL_RADIUS);
        thetas.put(b, r.x());
        return Math.signum(b - estimate) * Math.sqrt(Math.max(0, r.value() - base));
    }

    /** The design with β_j held at b: column j gone, b·x_j added to the offset. */
    private Design held(double b) {
        double[] offset = design.offset();
        double[] o = new double[column.length];
        for (int r = 0; r < o.length; r++) {
            o[r] = (offset == null ? 0 : offset[r]) + b * column[r];
        }
        return new Design(design.frame(), design.formula(), reduced, design.droppedColumns(), o, design.randomTerms());
    }

    private double[] nearest(double b) {
        Map.Entry<Double, double[]> below = thetas.floorEntry(b);
        Map.Entry<Double, double[]> above = thetas.ceilingEntry(b);
        if (below == null) {
            return above.getValue().clone();
        }
        if (above == null || b - below.getKey() <= above.getKey() - b) {
            return below.getValue().clone();
        }
        return above.getValue().clone();
    }
}
