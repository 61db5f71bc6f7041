package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.lmm.LinearMixedModel;

/**
 * A linear mixed model with one fixed effect held, as lme4 profiles it: β_j = b by moving b·x_j
 * into the offset and dropping column j. Its ML objective over θ (the other β and σ still profiled
 * out) is the deviance of the profile at b.
 */
final class ProfileFixedEffect {
    private final Design design;
    private final ModelMatrix reduced;
    private final double[] column;
    private final double[] y;
    private final double[] weights;

    /** @param j the column of X; {@code weights} prior weights or null */
    ProfileFixedEffect(Design design, double[] y, double[] weights, int j) {
        this.design = design;
        this.y = y;
        this.weights = weights;
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
    }

    /** The model fitted by ML with β_j held at b. */
    LinearMixedModel at(double b) {
        double[] offset = design.offset();
        double[] o = new double[column.length];
        for (int r = 0; r < o.length; r++) {
            o[r] = (offset == null ? 0 : offset[r]) + b * column[r];
        }
        Design held = new Design(design.frame(), design.formula(), reduced, design.droppedColumns(), o, design.randomTerms());
        return new LinearMixedModel(held, y, weights, false);
    }
}
