package io.glimmer.lmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The moment start against the classical one-way ANOVA estimator, which it reduces to on balanced
 * data with an intercept only: σ̂_b² = (MSB − MSW)/m, σ̂² = MSW, θ = σ̂_b/σ̂.
 */
class MomentStartTest {

    private static DataFrame oneWay(Random rnd, int groups, int m, double sdGroup, double sdNoise, double slopeSd) {
        double[] y = new double[groups * m];
        double[] x = new double[groups * m];
        String[] g = new String[groups * m];
        for (int i = 0; i < groups; i++) {
            double b = sdGroup * rnd.nextGaussian();
            double s = slopeSd * rnd.nextGaussian();
            for (int j = 0; j < m; j++) {
                int r = i * m + j;
                x[r] = j;
                y[r] = 10 + b + s * j + sdNoise * rnd.nextGaussian();
                g[r] = String.format("g%03d", i);
            }
        }
        return DataFrameBuilder.named("t").numeric("y", y).numeric("x", x).categorical("g", g).build();
    }

    private static double[] start(DataFrame d, String formula) {
        Design design = Design.of(d, Formula.parse(formula), null);
        double[] y = design.frame().numeric(design.formula().response());
        return MomentStart.theta(design, y, null, new CovarianceStructure(design.randomTerms()), 0.05, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void balancedOneWayIsTheAnovaEstimator(int seed) {
        Random rnd = new Random(seed);
        int groups = 5 + rnd.nextInt(20);
        int m = 2 + rnd.nextInt(8);
        DataFrame d = oneWay(rnd, groups, m, 0.5 + 2 * rnd.nextDouble(), 1, 0);
        double[] y = ((io.glimmer.data.NumericColumn) d.column("y")).values();
        double grand = 0;
        double[] means = new double[groups];
        for (int r = 0; r < y.length; r++) {
            grand += y[r] / y.length;
            means[r / m] += y[r] / m;
        }
        double ssb = 0;
        double ssw = 0;
        for (int r = 0; r < y.length; r++) {
            ssw += (y[r] - means[r / m]) * (y[r] - means[r / m]);
        }
        for (double mean : means) {
            ssb += m * (mean - grand) * (mean - grand);
        }
        double msb = ssb / (groups - 1);
        double msw = ssw / (groups * (m - 1));
        double expected = Math.min(10, Math.max(0.05, Math.sqrt(Math.max(msb - msw, 0) / m / msw)));
        assertEquals(expected, start(d, "y ~ 1 + (1 | g)")[0], 1e-10 * expected);
    }

    @Test
    void noBetweenGroupVariationStartsAtTheLowerClamp() {
        double[] y = {1, 2, 3, 1, 2, 3, 1, 2, 3};
        String[] g = {"a", "a", "a", "b", "b", "b", "c", "c", "c"};
        DataFrame d = DataFrameBuilder.named("t").numeric("y", y).categorical("g", g).build();
        assertEquals(0.05, start(d, "y ~ 1 + (1 | g)")[0], 0.0);
    }

    @Test
    void firstRadiusIsTheRoughStandardErrorOfTheStart() {
        Design design = Design.of(oneWay(new Random(3), 201, 3, 1, 1, 0), Formula.parse("y ~ x + (x | g)"), null);
        double[] theta = {0.9, 0.0, 0.3};
        double expected = 0.9 / Math.sqrt(2 * 200); // the largest θ over √(2(G − 1))
        assertEquals(expected, MomentStart.radius(design.randomTerms(), theta, 0.01, 0.05), 1e-15);
        assertEquals(0.05, MomentStart.radius(design.randomTerms(), new double[]{9, 0, 1}, 0.01, 0.05), 0.0);
        assertEquals(0.01, MomentStart.radius(design.randomTerms(), new double[]{0.05, 0, 0.05}, 0.01, 0.05), 0.0);
    }

    @Test
    void vectorTermStartsDiagonalNearTheTruth() {
        DataFrame d = oneWay(new Random(11), 400, 10, 2, 1, 0.5);
        double[] theta = start(d, "y ~ x + (x | g)");
        assertEquals(3, theta.length);
        assertEquals(2, theta[0], 0.3);
        assertEquals(0, theta[1], 0.0);
        assertEquals(0.5, theta[2], 0.08);
    }

    @Test
    void twoRowsPerLevelGiveNoMomentsSoLme4sStartAndRadius() {
        // (1 + x | g) with 2 rows per level: no level has more rows than q = 2, so the moments say nothing.
        DataFrame d = oneWay(new Random(11), 30, 2, 1, 1, 0.5);
        Design design = Design.of(d, Formula.parse("y ~ x + (1 + x | g)"), null);
        CovarianceStructure covariance = new CovarianceStructure(design.randomTerms());
        double[] start = start(d, "y ~ x + (1 + x | g)");
        assertArrayEquals(covariance.start(), start);
        assertEquals(0.2, LinearMixedModel.initialRadius(start, covariance.start(), 0.05));
        assertEquals(0.03, LinearMixedModel.initialRadius(new double[]{0.7, 0, 0.3}, covariance.start(), 0.03));
    }
}
