package io.glimmer.conditional;

import io.glimmer.design.LinearPredictor;

/**
 * One informative stratum, prepared for {@link SubsetSums}.
 *
 * <p>Two rewritings leave its conditional likelihood unchanged as a function of β, and make the
 * recursion cheaper and better conditioned: covariates and offset are centred within the set
 * (a shift common to all members cancels between numerator and normalising sum), and when cases
 * outnumber controls the controls become the "chosen" subset with x and offset negated
 * (exp(η_cases)/Σ exp(η_S) = exp(−η_controls)/Σ exp(−η_T) over complements T), so m ≤ n/2.
 *
 * @param x            covariates, n × p row-major, centred (and negated when flipped)
 * @param offset       offsets, centred (and negated when flipped)
 * @param m            size of the chosen subset
 * @param chosenX      Σ x over the chosen rows
 * @param chosenOffset Σ offset over the chosen rows
 */
record MatchedSet(double[] x, int p, double[] offset, int m, double[] chosenX, double chosenOffset) {

    /**
     * @param rows   the set's rows in the model's arrays
     * @param xAll   model matrix, rows × p row-major
     * @param offAll offsets, or null
     * @param y      0/1 responses
     */
    static MatchedSet of(int[] rows, double[] xAll, int p, double[] offAll, double[] y) {
        int n = rows.length;
        int cases = 0;
        for (int r : rows) {
            cases += y[r] == 1 ? 1 : 0;
        }
        boolean flip = cases > n - cases;
        double sign = flip ? -1 : 1;
        double[] centre = new double[p];
        double offCentre = 0;
        for (int r : rows) {
            for (int t = 0; t < p; t++) {
                centre[t] += xAll[r * p + t] / n;
            }
            offCentre += (offAll == null ? 0 : offAll[r]) / n;
        }
        double[] x = new double[n * p];
        double[] offset = new double[n];
        double[] chosenX = new double[p];
        double chosenOffset = 0;
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            boolean chosen = (y[r] == 1) != flip;
            for (int t = 0; t < p; t++) {
                x[i * p + t] = sign * (xAll[r * p + t] - centre[t]);
                if (chosen) {
                    chosenX[t] += x[i * p + t];
                }
            }
            offset[i] = sign * ((offAll == null ? 0 : offAll[r]) - offCentre);
            if (chosen) {
                chosenOffset += offset[i];
            }
        }
        return new MatchedSet(x, p, offset, flip ? n - cases : cases, chosenX, chosenOffset);
    }

    int size() {
        return offset.length;
    }

    /** The same set with only some covariates, in the given order. */
    MatchedSet select(int[] keep) {
        int n = size();
        double[] xs = new double[n * keep.length];
        double[] cs = new double[keep.length];
        for (int j = 0; j < keep.length; j++) {
            for (int i = 0; i < n; i++) {
                xs[i * keep.length + j] = x[i * p + keep[j]];
            }
            cs[j] = chosenX[keep[j]];
        }
        return new MatchedSet(xs, keep.length, offset, m, cs, chosenOffset);
    }

    /** Linear predictors x·β + offset of the set's members. */
    double[] eta(double[] beta) {
        int n = size();
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = LinearPredictor.row(x, p, i, beta, offset[i]);
        }
        return eta;
    }
}
