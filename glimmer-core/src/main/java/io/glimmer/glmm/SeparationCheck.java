package io.glimmer.glmm;

import io.glimmer.design.ModelMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Complete and quasi-complete separation of a binomial response by the fixed effects: some
 * direction β ≠ 0 with x'β ≥ 0 for every success and ≤ 0 for every failure, so the likelihood keeps
 * rising as β grows along it. Checked per column first (a level whose responses are all 0 or all 1,
 * a covariate whose successes and failures do not overlap), then, for data of modest size, by the
 * linear program of Konis (2007): maximise Σ s_i x_i'β subject to s_i x_i'β ≥ 0 and |β_j| ≤ 1.
 */
public final class SeparationCheck {
    /** Above this many distinct signed rows the linear program is skipped (the column checks still run). */
    private static final int MAX_LP_ROWS = 400;
    private static final double TOLERANCE = 1e-7;

    private SeparationCheck() {
    }

    /** A warning naming the predictors involved, or empty when the data are not separated. */
    public static Optional<String> warning(ModelMatrix x, double[] y, double[] weights) {
        List<double[]> signed = signedRows(x, y, weights);
        List<String> columns = new ArrayList<>();
        boolean complete = false;
        for (int j = 0; j < x.columns(); j++) {
            if (x.names().get(j).equals("(Intercept)")) {
                continue;
            }
            int kind = separatesAlone(signed, j);
            if (kind > 0) {
                columns.add(x.names().get(j));
                complete |= kind == 2;
            }
        }
        if (columns.isEmpty() && signed.size() <= MAX_LP_ROWS && x.columns() > 0) {
            double[] direction = linearProgram(signed, x.columns());
            if (direction != null) {
                for (int j = 0; j < direction.length; j++) {
                    if (Math.abs(direction[j]) > 1e-6 && !x.names().get(j).equals("(Intercept)")) {
                        columns.add(x.names().get(j));
                    }
                }
                complete = allPositive(signed, direction);
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((complete ? "complete" : "quasi-complete") + " separation: the response is perfectly predicted"
                + (complete ? "" : " in part of the data") + " by " + String.join(", ", columns)
                + "; the estimates for " + (columns.size() == 1 ? "it" : "them") + " head to infinity and their standard errors are meaningless"
                + " (consider removing or merging levels, or a penalised fit)");
    }

    /**
     * s_i x_i for every success (s = +1) and failure (s = −1), duplicates removed while there are at
     * most {@link #MAX_LP_ROWS} distinct ones (beyond, only the column checks run, which duplicates
     * do not change: the set of hashed rows would only cost time).
     */
    private static List<double[]> signedRows(ModelMatrix x, double[] y, double[] w) {
        int p = x.columns();
        List<double[]> rows = new ArrayList<>();
        Set<Row> seen = new HashSet<>();
        for (int r = 0; r < x.rows(); r++) {
            double successes = y[r] * w[r];
            double failures = (1 - y[r]) * w[r];
            for (int s = -1; s <= 1; s += 2) {
                if ((s > 0 ? successes : failures) <= 0) {
                    continue;
                }
                double[] v = new double[p];
                for (int j = 0; j < p; j++) {
                    v[j] = s * x.get(r, j);
                }
                if (seen == null || seen.add(new Row(v))) {
                    rows.add(v);
                    if (seen != null && rows.size() > MAX_LP_ROWS) {
                        seen = null;
                    }
                }
            }
        }
        return rows;
    }

    /** A signed row as a set key: equal as Double.equals is on each value (unboxed: no List of Doubles per row). */
    private record Row(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    /** 0: no; 1: quasi-complete; 2: complete separation by column j on its own (ignoring the others). */
    private static int separatesAlone(List<double[]> signed, int j) {
        // One direction for the coefficient: all s_i x_ij ≥ 0 (or all ≤ 0), not all zero.
        boolean nonNegative = true;
        boolean nonPositive = true;
        boolean strictly = true;
        boolean anyNonZero = false;
        for (double[] v : signed) {
            nonNegative &= v[j] >= 0;
            nonPositive &= v[j] <= 0;
            strictly &= v[j] != 0;
            anyNonZero |= v[j] != 0;
        }
        if (!anyNonZero || !(nonNegative || nonPositive)) {
            return 0;
        }
        return strictly ? 2 : 1;
    }

    private static double[] linearProgram(List<double[]> signed, int p) {
        double[] objective = new double[p];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (double[] v : signed) {
            for (int j = 0; j < p; j++) {
                objective[j] += v[j];
            }
            constraints.add(new LinearConstraint(v, Relationship.GEQ, 0));
        }
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            constraints.add(new LinearConstraint(e, Relationship.LEQ, 1));
            constraints.add(new LinearConstraint(e, Relationship.GEQ, -1));
        }
        try {
            PointValuePair sol = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(false));
            double scale = 0;
            for (double c : objective) {
                scale = Math.max(scale, Math.abs(c));
            }
            return sol.getValue() > TOLERANCE * Math.max(1, scale) ? sol.getPoint() : null;
        } catch (MathIllegalStateException e) {
            return null; // no verdict from the linear program: say nothing rather than guess
        }
    }

    private static boolean allPositive(List<double[]> signed, double[] beta) {
        for (double[] v : signed) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += v[j] * beta[j];
            }
            if (s <= TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
