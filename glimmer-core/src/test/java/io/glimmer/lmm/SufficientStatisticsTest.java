package io.glimmer.lmm;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.linalg.BlockSparse;
import io.glimmer.linalg.GroupedColumns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

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

    @ParameterizedTest
    @CsvSource({"7, y ~ x + (1 | g) + (1 | h), true", "8, y ~ x + (x | g) + (1 | h), false", "9, y ~ x + (1 | h) + (1 | g), false"})
    void crossedTermsFromSumsAreTheFitFromRows(long seed, String formula, boolean reml) {
        Design design = Design.of(crossed(new Random(seed), 25, 12, 9), Formula.parse(formula), null);
        double[] y = design.frame().numeric(design.formula().response());
        MixedModelFit rows = new LinearMixedModel(design, y, null, reml).fit();
        List<RandomEffectsTerm> shapes = design.randomTerms().stream().map(SufficientStatisticsTest::shape).toList();
        MixedModelFit fromSums = LinearMixedModel.fromStatistics(sums(design, y), shapes, formula, design.x().names(), List.of(), 0, reml).fit();
        assertEquals(rows.logLikelihood(), fromSums.logLikelihood(), 1e-9 * Math.abs(rows.logLikelihood()));
        assertArrayEquals(rows.theta(), fromSums.theta(), 2 * LinearMixedModel.FINAL_RADIUS);
        for (int j = 0; j < design.p(); j++) {
            double beta = rows.fixedEffects().get(j).estimate();
            assertEquals(beta, fromSums.fixedEffects().get(j).estimate(), 1e-6 * Math.max(1, Math.abs(beta)));
            double se = rows.fixedEffects().get(j).stdError();
            assertEquals(se, fromSums.fixedEffects().get(j).stdError(), 1e-6 * se);
        }
        CovarianceStructure cs = new CovarianceStructure(design.randomTerms());
        assertArrayEquals(MomentStart.theta(design, y, null, cs, 0.05, 10), MomentStart.theta(sums(design, y), design.randomTerms(), cs, 0.05, 10), 1e-9);
    }

    /** data() with a second grouping factor h crossed with g (not nested: every h level meets many g levels) and its effects in y. */
    private static DataFrame crossed(Random random, int perLevel, int levels, int hLevels) {
        DataFrame d = data(random, perLevel, levels);
        int n = d.rows();
        double[] c = new double[hLevels];
        for (int l = 0; l < hLevels; l++) {
            c[l] = 1.5 * random.nextGaussian();
        }
        double[] y = ((NumericColumn) d.column("y")).values().clone();
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            codes[r] = (r / levels + 2 * r) % hLevels;
            y[r] += c[codes[r]];
        }
        List<String> names = new ArrayList<>();
        for (int l = 0; l < hLevels; l++) {
            names.add("H" + l);
        }
        return DataFrame.of("test", List.of(new NumericColumn("y", y), d.column("x"), d.column("g"), new CategoricalColumn("h", codes, names)));
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
        boolean intercept = design.x().names().contains("(Intercept)");
        double shift = 0;
        if (intercept) {
            for (double v : y) {
                shift += v;
            }
            shift /= n;
        }
        double[] dense = new double[w * w];
        double[][] f = new double[n][w];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < p; a++) {
                f[r][a] = design.x().get(r, a);
            }
            f[r][p] = y[r] - shift;
            for (int a = 0; a < w; a++) {
                for (int b = 0; b <= a; b++) {
                    dense[a * w + b] += f[r][a] * f[r][b];
                }
            }
        }
        List<SufficientStatistics.TermSums> terms = new ArrayList<>();
        int k = design.randomTerms().size();
        for (RandomEffectsTerm t : design.randomTerms()) {
            terms.add(termSums(t.columns(), f, w));
        }
        BlockSparse[][] pairs = new BlockSparse[k][];
        for (int i = 0; i < k; i++) {
            pairs[i] = new BlockSparse[i];
            for (int j = 0; j < i; j++) {
                pairs[i][j] = pair(design.randomTerms().get(i).columns(), design.randomTerms().get(j).columns());
            }
        }
        return new SufficientStatistics(n, p, shift, 0, dense, terms, pairs);
    }

    private static SufficientStatistics.TermSums termSums(GroupedColumns g, double[][] f, int w) {
        int q = g.q();
        int levels = g.levels();
        double[] termByDense = new double[levels * q * w];
        double[] diagonal = new double[levels * q * q];
        double[] levelDense = new double[levels * w * w];
        long[] counts = new long[levels];
        for (int r = 0; r < f.length; r++) {
            int l = g.codes()[r];
            counts[l]++;
            for (int a = 0; a < w; a++) {
                for (int b = 0; b <= a; b++) {
                    levelDense[l * w * w + a * w + b] += f[r][a] * f[r][b];
                }
            }
            for (int a = 0; a < q; a++) {
                double za = g.z()[r * q + a];
                for (int b = 0; b < q; b++) {
                    diagonal[l * q * q + a * q + b] += za * g.z()[r * q + b];
                }
                for (int b = 0; b < w; b++) {
                    termByDense[(l * q + a) * w + b] += f[r][b] * za;
                }
            }
        }
        return new SufficientStatistics.TermSums(termByDense, diagonal, levelDense, counts);
    }

    /** Z_i'Z_j by plain loops: a block per observed pair of levels, by block-column then block-row. */
    private static BlockSparse pair(GroupedColumns gi, GroupedColumns gj) {
        int qi = gi.q();
        int qj = gj.q();
        TreeMap<Long, double[]> blocks = new TreeMap<>();
        for (int r = 0; r < gi.rows(); r++) {
            double[] v = blocks.computeIfAbsent((long) gj.codes()[r] * gi.levels() + gi.codes()[r], key -> new double[qi * qj]);
            for (int a = 0; a < qi; a++) {
                for (int b = 0; b < qj; b++) {
                    v[a * qj + b] += gi.z()[r * qi + a] * gj.z()[r * qj + b];
                }
            }
        }
        int[] colStart = new int[gj.levels() + 1];
        int[] rowIndex = new int[blocks.size()];
        double[] values = new double[blocks.size() * qi * qj];
        int s = 0;
        for (var e : blocks.entrySet()) {
            colStart[(int) (e.getKey() / gi.levels()) + 1]++;
            rowIndex[s] = (int) (e.getKey() % gi.levels());
            System.arraycopy(e.getValue(), 0, values, s * qi * qj, qi * qj);
            s++;
        }
        for (int c = 0; c < gj.levels(); c++) {
            colStart[c + 1] += colStart[c];
        }
        return new BlockSparse(gi.levels(), gj.levels(), qi, qj, colStart, rowIndex, values);
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
