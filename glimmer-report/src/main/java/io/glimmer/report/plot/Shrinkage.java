package io.glimmer.report.plot;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.linalg.GroupedColumns;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.exception.MathRuntimeException;

import java.util.ArrayList;
import java.util.List;

/**
 * A shrinkage plot's data (MixedModelsMakie's shrinkageplot): for one random-effects term, each
 * level's effects estimated from that level's rows alone, without the penalty (no pooling: the
 * fixed effects and the other terms' modes held as an offset, the family's Fisher scoring on the
 * level's q effects), against the conditional modes. A level whose unpooled estimate does not exist
 * (a singular Z'WZ, or a binomial level of all successes, whose estimate runs off to infinity) has
 * NaN there and is counted in {@link #notEstimable()}.
 *
 * @param unpooled [level][effect]
 * @param modes    [level][effect]
 */
public record Shrinkage(String group, List<String> terms, List<String> levels, double[][] unpooled, double[][] modes, int notEstimable) {
    private static final int MAX_ITERATIONS = 50;
    private static final double DIVERGED = 30;

    public static List<Shrinkage> all(PlotSource source) {
        source.requireModes("shrinkage");
        double[] eta = conditionalLinearPredictor(source);
        List<Shrinkage> out = new ArrayList<>();
        List<RandomEffectsTerm> terms = source.design().randomTerms();
        int[] first = source.modeColumns();
        for (int k = 0; k < terms.size(); k++) {
            out.add(of(source, eta, terms.get(k), first[k]));
        }
        return out;
    }

    /** η with every random effect at its conditional mode. */
    static double[] conditionalLinearPredictor(PlotSource source) {
        double[] eta = source.populationLinearPredictor();
        List<RandomEffectsTerm> terms = source.design().randomTerms();
        int[] first = source.modeColumns();
        for (int k = 0; k < terms.size(); k++) {
            GroupedColumns z = terms.get(k).columns();
            ConditionalModes m = source.modesOf(terms.get(k));
            for (int r = 0; r < eta.length; r++) {
                for (int a = 0; a < z.q(); a++) {
                    eta[r] += z.z()[r * z.q() + a] * m.value(z.codes()[r], first[k] + a);
                }
            }
        }
        return eta;
    }

    private static Shrinkage of(PlotSource source, double[] etaConditional, RandomEffectsTerm term, int firstColumn) {
        GroupedColumns z = term.columns();
        int q = z.q();
        ConditionalModes m = source.modesOf(term);
        Family family = source.model().family();
        double[] y = source.model().response().y();
        double[] w = source.model().response().weights();
        int levels = z.levels();
        double[][] modes = new double[levels][q];
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            rowsOf.add(new ArrayList<>());
            for (int a = 0; a < q; a++) {
                modes[l][a] = m.value(l, firstColumn + a);
            }
        }
        for (int r = 0; r < z.rows(); r++) {
            rowsOf.get(z.codes()[r]).add(r);
        }
        double[][] unpooled = new double[levels][];
        int missing = 0;
        for (int l = 0; l < levels; l++) {
            double[] offset = new double[rowsOf.get(l).size()];
            int i = 0;
            for (int r : rowsOf.get(l)) {
                double own = 0;
                for (int a = 0; a < q; a++) {
                    own += z.z()[r * q + a] * modes[l][a];
                }
                offset[i++] = etaConditional[r] - own;
            }
            unpooled[l] = scoring(family, rowsOf.get(l), offset, z, y, w, modes[l]);
            if (Double.isNaN(unpooled[l][0])) {
                missing++;
            }
        }
        return new Shrinkage(term.group(), term.termNames(), term.levels(), unpooled, modes, missing);
    }

    /** Fisher scoring for one level's q effects from its rows, started at the mode; NaNs when there is no finite estimate. */
    private static double[] scoring(Family family, List<Integer> rows, double[] offset, GroupedColumns z, double[] y, double[] w, double[] start) {
        int q = z.q();
        double[] b = start.clone();
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[][] info = new double[q][q];
            double[] score = new double[q];
            int i = 0;
            for (int r : rows) {
                double eta = offset[i++];
                for (int a = 0; a < q; a++) {
                    eta += z.z()[r * q + a] * b[a];
                }
                double mu = family.mu(eta);
                double d = family.muEta(eta);
                double prior = w == null ? 1 : w[r];
                double weight = prior * d * d / family.variance(mu);
                double working = (y[r] - mu) / d; // the step in η that the working response asks for
                for (int a = 0; a < q; a++) {
                    double za = z.z()[r * q + a];
                    score[a] += weight * za * working;
                    for (int c = 0; c < q; c++) {
                        info[a][c] += weight * za * z.z()[r * q + c];
                    }
                }
            }
            double[] step;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(info, false), 1e-12, 1e-12).getSolver()
                        .solve(new ArrayRealVector(score, false)).toArray();
            } catch (MathRuntimeException e) { // not positive definite: no unpooled estimate
                return nans(q);
            }
            double largest = 0;
            for (int a = 0; a < q; a++) {
                b[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]) / (1 + Math.abs(b[a])));
                if (!(Math.abs(b[a]) < DIVERGED * (1 + Math.abs(start[a])))) {
                    return nans(q);
                }
            }
            if (largest < 1e-9) {
                return b;
            }
        }
        return nans(q);
    }

    private static double[] nans(int q) {
        double[] v = new double[q];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** A copy of level l's unpooled estimates. */
    public double[] unpooled(int level) {
        return unpooled[level].clone();
    }

    /** A copy of level l's conditional modes. */
    public double[] mode(int level) {
        return modes[level].clone();
    }

    @Override
    public double[][] unpooled() {
        return deepCopy(unpooled);
    }

    @Override
    public double[][] modes() {
        return deepCopy(modes);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
