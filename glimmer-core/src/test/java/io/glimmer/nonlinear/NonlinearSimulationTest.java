package io.glimmer.nonlinear;

import io.glimmer.Glimmer;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.NamedParameters;
import io.glimmer.inference.ParametricBootstrap;
import io.glimmer.inference.ResponseDraws;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulation from a nonlinear fit and the parametric bootstrap on it, R-free: draws are reproducible
 * from the seed, and their moments are the model's (the logistic curve is linear in Asym, so with a
 * random Asym E y = f(β̂, 0) and Var y = (f/Asym)²σ²_b + σ², Cov of two rows of a tree (f/Asym)(f'/Asym)σ²_b,
 * exactly); on simulated well-identified data the bootstrap's standard deviation of Asym is its Wald
 * standard error.
 */
class NonlinearSimulationTest {
    private static final String LOGISTIC = "y ~ Asym / (1 + exp((xmid - age) / scal))";

    @Test
    void drawsHaveTheModelsMoments() {
        Reference ref = Reference.load("orange_nlme_ml");
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.json().get("model").asText(), NonlinearReferenceTest.options(ref));
        ResponseDraws draws = Glimmer.refittable(fit).simulator();
        int nsim = 4000;
        double[][] y = draws.simulate(nsim, 42);
        assertArrayEquals(y[2], draws.simulate(3, 42)[2], "replicate i does not depend on nsim");
        assertArrayEquals(y[5], fit.simulate(6, 42)[5], "the fit's simulate draws the same");
        double[] mean = fit.predict(CsvReader.read(ref.dataPath(), CsvOptions.builder().build()), PredictionScale.RESPONSE,
                RandomEffectsMode.POPULATION).values();
        double asym = asym(fit).estimate();
        double sb = fit.randomEffects().get(0).stdDev();
        double sigma = fit.residualStdDev();
        int n = mean.length;
        double[] m = new double[n];
        double[] v = new double[n];
        for (double[] draw : y) {
            for (int r = 0; r < n; r++) {
                m[r] += draw[r] / nsim;
            }
        }
        double covariance = 0; // rows 1 and 7: the same tree
        for (double[] draw : y) {
            for (int r = 0; r < n; r++) {
                v[r] += (draw[r] - m[r]) * (draw[r] - m[r]) / (nsim - 1);
            }
            covariance += (draw[0] - m[0]) * (draw[6] - m[6]) / (nsim - 1);
        }
        for (int r = 0; r < n; r++) {
            double g = mean[r] / asym;
            double variance = g * g * sb * sb + sigma * sigma;
            // 4 standard errors of a mean and of a variance (normal data) of nsim draws
            assertEquals(mean[r], m[r], 4 * Math.sqrt(variance / nsim), "mean, row " + (r + 1));
            assertEquals(variance, v[r], 4 * variance * Math.sqrt(2.0 / (nsim - 1)), "variance, row " + (r + 1));
        }
        double c = mean[0] / asym * mean[6] / asym * sb * sb;
        double sd0 = Math.sqrt(v[0]);
        double sd6 = Math.sqrt(v[6]);
        // the standard error of a sample covariance: √((σ₁²σ₂² + c²)/n)
        assertEquals(c, covariance, 4 * Math.sqrt((sd0 * sd0 * sd6 * sd6 + c * c) / nsim), "covariance of rows 1 and 7");
    }

    private static FixedEffect asym(MixedModelFit fit) {
        return fit.fixedEffects().stream().filter(f -> f.term().equals("Asym")).findFirst().orElseThrow();
    }

    private static double sdOf(double[] d) {
        double mean = java.util.Arrays.stream(d).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
    }

    /** Thirty trees of seven ages from a logistic curve with a random asymptote. */
    private static DataFrame growth(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ages = {118, 484, 664, 1004, 1231, 1372, 1582};
        int trees = 30;
        double[] y = new double[trees * ages.length];
        double[] age = new double[y.length];
        int[] tree = new int[y.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < trees; i++) {
            names.add("T" + (100 + i));
            double a = 190 + 25 * rng.nextGaussian();
            for (int j = 0; j < ages.length; j++) {
                int r = i * ages.length + j;
                age[r] = ages[j];
                tree[r] = i;
                y[r] = a / (1 + Math.exp((720 - ages[j]) / 340)) + 6 * rng.nextGaussian();
            }
        }
        return DataFrame.of("growth", List.of(new NumericColumn("y", y), new NumericColumn("age", age), new CategoricalColumn("tree", tree, names)));
    }

    @Test
    void bootstrapStandardDeviationIsTheWaldStandardError() {
        FitOptions options = FitOptions.builder().method(Method.ML)
                .nonlinear(new FitOptions.Nonlinear(Map.of("Asym", 180.0, "xmid", 700.0, "scal", 350.0), "Asym ~ 1 | tree", null)).build();
        MixedModelFit fit = Glimmer.fit(growth(2024), LOGISTIC, options);
        int nsim = 100;
        BootstrapDistribution boot = ParametricBootstrap.run(Glimmer.refittable(fit), nsim, 7, 2, null);
        assertEquals(0, boot.failed(), boot.failures().toString());
        assertEquals(NamedParameters.of(fit).names(), boot.parameters());
        assertArrayEquals(NamedParameters.of(fit).values(), boot.estimates());
        int asym = boot.parameters().indexOf("Asym");
        double[] draws = boot.column(asym);
        double mean = java.util.Arrays.stream(draws).average().orElseThrow();
        double sd = sdOf(draws);
        FixedEffect wald = asym(fit);
        // a standard deviation of 100 draws has a relative standard error of 1/√198 = 7%: 3 of them
        assertEquals(wald.stdError(), sd, 0.21 * wald.stdError(), "bootstrap sd of Asym against its Wald standard error");
        // and the bootstrap is centred on the estimate (Asym is nearly unbiased here): 4 standard errors of the mean
        assertEquals(wald.estimate(), mean, 4 * sd / Math.sqrt(nsim));
        BootstrapDistribution again = ParametricBootstrap.run(Glimmer.refittable(fit), 5, 7, 1, null);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(boot.replicates()[i], again.replicates()[i], "replicate " + i + " with another nsim and thread count");
        }
        // the percentile interval: the 2.5% and 97.5% quantiles of the draws
        var interval = boot.percentileIntervals(0.95).get("Asym");
        double[] sorted = draws.clone();
        java.util.Arrays.sort(sorted);
        assertTrue(interval.lower() >= sorted[0] && interval.lower() <= sorted[5] && interval.upper() >= sorted[94]
                && interval.upper() <= sorted[99], interval.toString());
    }
}
