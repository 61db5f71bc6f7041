package io.glimmer.lmm;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.linalg.GroupedColumns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A linear mixed model started from sums over its rows (what a distributed pass hands over) is the
 * model started from the rows: the same moment start, the same likelihood, and the same optimum
 * within the optimiser's accuracy, on seeded random data.
 */
class SufficientStatisticsTest {

    @ParameterizedTest
    @CsvSource({"1, y ~ x + (1 | g), true", "2, y ~ x + (x | g), true", "3, y ~ x + (x | g), false", "4, y ~ 0 + x + (1 | g), false"})
    void theFitFromSumsIsTheFitFromRows(long seed, String formula, boolean reml) {
        Design design = Design.of(data(new Random(seed), 40, 12), Formula.parse(formula), null);
        double[] y = design.frame().numeric(design.formula().response());
        MixedModelFit rows = new LinearMixedModel(design, y, null, reml).fit();
        RandomEffectsTerm term = design.randomTerms().get(0);
        SufficientStatistics sums = sums(design, y);
        MixedModelFit fromSums = LinearMixedModel.fromStatistics(sums, shape(term), formula, design.x().names(), List.of(), 0, reml).fit();
        assertEquals(rows.logLikelihood(), fromSums.logLikelihood(), 1e-9 * Math.abs(rows.logLikelihood()));
        // the same sums added in another order move the optimum only within BOBYQA's final radius
        assertArrayEquals(rows.theta(), fromSums.theta(), 2 * LinearMixedModel.FINAL_RADIUS);
        for (int j = 0; j < design.p(); j++) {
            double beta = rows.fixedEffects().get(j).estimate();
            assertEquals(beta, fromSums.fixedEffects().get(j).estimate(), 1e-6 * Math.max(1, Math.abs(beta)));
            double se = rows.fixedEffects().get(j).stdError();
            assertEquals(se, fromSums.fixedEffects().get(j).stdError(), 1e-6 * se);
        }
        assertEquals(rows.nObs(), fromSums.nObs());
        assertEquals(0, fromSums.fitted().length); // per row: not held
    }

    @ParameterizedTest
    @CsvSource({"5, y ~ x + (1 | g)", "6, y ~ x + (x | g)"})
    void theMomentStartFromSumsIsTheStartFromRows(long seed, String formula) {
        Design design = Design.of(data(new Random(seed), 30, 15), Formula.parse(formula), null);
        double[] y = design.frame().numeric(design.formula().response());
        CovarianceStructure cs = new CovarianceStructure(design.randomTerms());
        double[] rows = MomentStart.theta(design, y, null, cs, 0.05, 10);
        double[] sums = MomentStart.theta(sums(design, y), design.randomTerms(), cs, 0.05, 10);
        assertArrayEquals(rows, sums, 1e-9);
    }

    /** The term without its rows: what a distributed fit knows of it. */
    private static RandomEffectsTerm shape(RandomEffectsTerm t) {
        return new RandomEffectsTerm(t.group(), t.termNames(), t.levels(), new GroupedColumns(t.levelCount(), t.q(), new int[0], new double[0]));
    }

    /** The sums by plain loops over the rows, in SufficientStatistics' layouts (F = [X, y − mean(y)] with an intercept). */
    static SufficientStatistics sums(Design design, double[] y) {
        int n = design.rows();
        int p = design.p();
        int w = p + 1;
        GroupedColumns g = design.randomTerms().get(0).columns();
        int q = g.q();
        int levels = g.levels();
        boolean intercept = design.x().names().contains("(Intercept)");
        double shift = 0;
        if (intercept) {
            for (double v : y) {
                shift += v;
            }
            shift /= n;
        }
        double[] dense = new double[w * w];
        double[] termByDense = new double[levels * q * w];
        double[] diagonal = new double[levels * q * q];
        double[] levelDense = new double[levels * w * w];
        long[] counts = new long[levels];
        double[] f = new double[w];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < p; a++) {
                f[a] = design.x().get(r, a);
            }
            f[p] = y[r] - shift;
            int l = g.codes()[r];
            counts[l]++;
            for (int a = 0; a < w; a++) {
                for (int b = 0; b <= a; b++) {
                    dense[a * w + b] += f[a] * f[b];
                    levelDense[l * w * w + a * w + b] += f[a] * f[b];
                }
            }
            for (int a = 0; a < q; a++) {
                double za = g.z()[r * q + a];
                for (int b = 0; b < q; b++) {
                    diagonal[l * q * q + a * q + b] += za * g.z()[r * q + b];
                }
                for (int b = 0; b < w; b++) {
                    termByDense[(l * q + a) * w + b] += f[b] * za;
                }
            }
        }
        return new SufficientStatistics(n, p, shift, 0, dense, termByDense, diagonal, levelDense, counts);
    }

    private static DataFrame data(Random random, int perLevel, int levels) {
        int n = perLevel * levels;
        double[] y = new double[n];
        double[] x = new double[n];
        int[] codes = new int[n];
        double[] b0 = new double[levels];
        double[] b1 = new double[levels];
        for (int l = 0; l < levels; l++) {
            b0[l] = 2 * random.nextGaussian();
            b1[l] = 0.5 * random.nextGaussian();
        }
        for (int r = 0; r < n; r++) {
            codes[r] = r % levels;
            x[r] = 10 * random.nextDouble();
            y[r] = 5 + x[r] + b0[codes[r]] + b1[codes[r]] * x[r] + random.nextGaussian();
        }
        List<String> names = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            names.add("L" + (char) ('a' + l));
        }
        return DataFrame.of("test", List.of(new NumericColumn("y", y), new NumericColumn("x", x), new CategoricalColumn("g", codes, names)));
    }
}
