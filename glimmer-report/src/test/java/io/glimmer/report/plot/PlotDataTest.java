package io.glimmer.report.plot;

import io.glimmer.error.InputException;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.Residuals;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each plot's data checked against the fit it is drawn from. */
class PlotDataTest {

    @Test
    void caterpillarIntervalsAreTheConditionalVarianceIntervals() {
        MixedModelFit fit = Fits.sleepstudy();
        List<Caterpillar> plots = Caterpillar.all(PlotSource.of(fit));
        assertEquals(2, plots.size()); // (Intercept) and Days of Subject
        ConditionalModes m = fit.conditionalModes().get(0);
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
        for (int t = 0; t < 2; t++) {
            Caterpillar c = plots.get(t);
            assertEquals(m.terms().get(t), c.term());
            assertEquals(18, c.levels().size());
            assertNull(c.density());
            for (int i = 0; i < c.levels().size(); i++) {
                int level = m.levels().indexOf(c.levels().get(i));
                double mode = m.value(level, t);
                double half = z * Math.sqrt(m.conditionalVariance(level, t));
                assertEquals(mode, c.modes()[i], 0);
                assertEquals(mode - half, c.lower()[i], 1e-12 * (1 + Math.abs(mode)));
                assertEquals(mode + half, c.upper()[i], 1e-12 * (1 + Math.abs(mode)));
                assertTrue(half > 0);
                if (i > 0) {
                    assertTrue(c.modes()[i - 1] <= c.modes()[i], "sorted by mode");
                }
            }
        }
    }

    @Test
    void caterpillarOfManyLevelsKeepsTheExtremesAndADensityOfAll() {
        int n = 1000;
        double[][] values = new double[n][1];
        double[][] cov = new double[n][1];
        List<String> levels = new ArrayList<>();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int l = 0; l < n; l++) {
            values[l][0] = rng.nextGaussian();
            cov[l][0] = 0.1;
            levels.add("L" + l);
        }
        Caterpillar c = Caterpillar.of(new ConditionalModes("g", List.of("(Intercept)"), levels, values, cov), 0, 0.95, 100);
        assertTrue(c.extremesOnly());
        assertEquals(100, c.levels().size());
        assertEquals(n, c.total());
        double[] sorted = Arrays.stream(values).mapToDouble(v -> v[0]).sorted().toArray();
        assertArrayEquals(Arrays.copyOfRange(sorted, 0, 50), Arrays.copyOfRange(c.modes(), 0, 50), 0);
        assertArrayEquals(Arrays.copyOfRange(sorted, n - 50, n), Arrays.copyOfRange(c.modes(), 50, 100), 0);
        // the density integrates to about one over its grid
        double[] x = c.density().x();
        double[] y = c.density().y();
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        assertEquals(1, area, 0.01);
    }

    @Test
    void residualPointsAreTheFitsResiduals() {
        for (MixedModelFit fit : List.of(Fits.sleepstudy(), Fits.cbpp())) {
            Residuals r = fit.residuals();
            Scatter s = Scatter.residualsVsFitted(r);
            assertFalse(s.binned());
            assertArrayEquals(r.fitted(), s.x(), 0);
            assertArrayEquals(r.pearson(), s.y(), 0);
            double sigma = PlotSource.of(fit).residualScale();
            Scatter sl = Scatter.scaleLocation(r, sigma);
            for (int i = 0; i < r.size(); i++) {
                assertEquals(Math.sqrt(Math.abs(r.pearson()[i] / sigma)), sl.y()[i], 0);
            }
        }
        assertEquals(Fits.sleepstudy().residualStdDev(), PlotSource.of(Fits.sleepstudy()).residualScale(), 0);
        assertEquals(1, PlotSource.of(Fits.cbpp()).residualScale(), 0);
    }

    @Test
    void largeScatterIsBinnedAndKeepsEveryPoint() {
        int n = 25_000;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
            y[i] = rng.nextGaussian();
        }
        y[5] = Double.NaN;
        Scatter s = Scatter.of("t", "x", "y", x, y);
        assertTrue(s.binned());
        Bins2D b = s.bins();
        long total = Arrays.stream(b.counts()).flatMapToInt(Arrays::stream).sum();
        assertEquals(n - 1, total);
        assertEquals(1, b.outside());
        // a point is counted in the bin whose edges hold it
        for (int i = 0; i < 100; i++) {
            int bx = Bins2D.bin(b.xEdges(), x[i]);
            assertTrue(b.xEdges()[bx] <= x[i] && x[i] <= b.xEdges()[bx + 1]);
        }
    }

    @Test
    void normalQuantilePlotOfTheModesUsesRsProbabilityPoints() {
        MixedModelFit fit = Fits.cbpp();
        ConditionalModes m = fit.conditionalModes().get(0);
        double[] modes = new double[m.levels().size()];
        for (int l = 0; l < modes.length; l++) {
            modes[l] = m.value(l, 0);
        }
        QuantilePlot qq = QuantilePlot.normal("herd", modes);
        int n = modes.length; // 15 herds: ppoints a = 1/2
        double[] sorted = modes.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, qq.sample(), 0);
        NormalDistribution std = new NormalDistribution(0, 1);
        for (int i = 0; i < n; i++) {
            assertEquals(std.inverseCumulativeProbability((i + 0.5) / n), qq.theoretical()[i], 1e-12);
        }
        assertEquals(-0.4972005707, QuantilePlot.normal("five", new double[]{1, 2, 3, 4, 5}).theoretical()[1], 1e-9); // R: qnorm(ppoints(5))[2], a = 3/8
    }

    @Test
    void largeQuantilePlotKeepsEvenlySpacedOrderStatistics() {
        double[] v = new double[50_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = v.length - i;
        }
        QuantilePlot qq = QuantilePlot.uniform("u", v);
        assertEquals(QuantilePlot.MAX_POINTS, qq.sample().length);
        assertEquals(1, qq.sample()[0], 0);
        assertEquals(v.length, qq.sample()[QuantilePlot.MAX_POINTS - 1], 0);
        assertEquals(0.5 / v.length, qq.theoretical()[0], 1e-15);
    }

    @Test
    void histogramPercentilesAreNormalQuantilesAndCountsArePredictionCounts() {
        MixedModelFit fit = Fits.cbpp();
        PlotSource source = PlotSource.of(fit);
        PercentileHistograms h = PercentileHistograms.of(source);
        assertEquals(5, h.panels().size());
        double sigma = fit.randomEffects().get(0).stdDev();
        double[] eta0 = source.populationLinearPredictor();
        double[] edges = h.edges();
        for (int i = 0; i < 4; i++) {
            PercentileHistograms.Panel p = h.panels().get(i);
            assertEquals(PercentileHistograms.PERCENTILES[i], p.percentile(), 0);
            assertEquals(new NormalDistribution(0, sigma).inverseCumulativeProbability(p.percentile()), p.value(), 1e-12);
            for (int r = 0; r < eta0.length; r++) {
                assertEquals(1 / (1 + Math.exp(-(eta0[r] + p.value()))), p.predictions()[r], 1e-12);
            }
        }
        assertEquals(0, h.panels().get(1).value() + h.panels().get(2).value(), 1e-12); // 40th and 60th symmetric
        assertArrayEquals(fit.fitted(), h.panels().get(4).predictions(), 0);
        for (PercentileHistograms.Panel p : h.panels()) {
            int[] counts = p.counts();
            assertEquals(fit.nObs(), Arrays.stream(counts).sum());
            for (int b = 0; b < counts.length; b++) {
                double lo = edges[b];
                double hi = edges[b + 1];
                boolean last = b == counts.length - 1;
                long expected = Arrays.stream(p.predictions()).filter(v -> v >= lo && (v < hi || last && v <= hi)).count();
                assertEquals(expected, counts[b], "bin " + b + " of " + p.label());
            }
        }
        // the population predictions equal fitted minus the modes
        ConditionalModes m = fit.conditionalModes().get(0);
        int[] codes = source.design().randomTerms().get(0).columns().codes();
        double[] mu = fit.fitted();
        for (int r = 0; r < mu.length; r++) {
            double eta = Math.log(mu[r] / (1 - mu[r]));
            assertEquals(eta, eta0[r] + m.value(codes[r], 0), 1e-8);
        }
    }

    @Test
    void histogramsOnlyForBinomialAndPoisson() {
        InputException e = assertThrows(InputException.class, () -> PercentileHistograms.of(PlotSource.of(Fits.sleepstudy())));
        assertTrue(e.getMessage().startsWith("histograms: drawn for binomial and poisson mixed models"), e.getMessage());
    }

    @Test
    void scaledResidualsAreRanksAmongSimulationsAndSeeded() {
        PlotSource source = PlotSource.of(Fits.cbpp());
        ScaledResiduals a = ScaledResiduals.of(source, 200, 42);
        ScaledResiduals b = ScaledResiduals.of(source, 200, 42);
        assertArrayEquals(a.values(), b.values(), 0);
        assertFalse(Arrays.equals(a.values(), ScaledResiduals.of(source, 200, 43).values()));
        assertEquals(Fits.cbpp().nObs(), a.values().length);
        double mean = 0;
        for (double v : a.values()) {
            assertTrue(v >= 0 && v <= 1);
            mean += v / a.values().length;
        }
        assertEquals(0.5, mean, 0.1); // the model fits: about uniform
        // by hand for one row: the residual lies between #{sim < y}/nsim and #{sim <= y}/nsim
        double[][] sims = Fits.cbpp().simulate(200, 42);
        assertEquals(200, sims.length);
    }

    @Test
    void scaledResidualsOfAPerfectModelAreUniform() {
        // with simulated data from the fit as the response, the residuals' mean and spread are a uniform's
        PlotSource source = PlotSource.of(Fits.sleepstudy());
        ScaledResiduals r = ScaledResiduals.of(source, 300, 5);
        double[] v = r.values();
        double mean = Arrays.stream(v).average().orElseThrow();
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        assertEquals(0.5, mean, 0.06);
        assertEquals(1.0 / 12, var, 0.02);
    }

    @Test
    void sparsityPatternCountsEveryNonZeroOfZ() {
        PlotSource source = PlotSource.of(Fits.sleepstudy());
        SparsityPattern whole = SparsityPattern.whole(source);
        assertEquals(36, whole.columns());
        assertEquals(180, whole.rows());
        // Days is 0 on each subject's first day: 180 intercepts + 162 non-zero slopes
        assertEquals(342, whole.nonZeros());
        assertEquals(342, Arrays.stream(whole.counts()).flatMapToInt(Arrays::stream).sum());
        SparsityPattern first = SparsityPattern.firstColumns(source, 10);
        assertEquals(10, first.columns());
        // columns 0..9: subjects 1..5 (intercept and slope); the data are sorted by subject
        assertEquals(0, first.firstRow());
        assertEquals(50, first.rows());
        assertEquals(5 * 19, first.nonZeros());
    }

    @Test
    void shrinkageOfALinearModelIsPerSubjectLeastSquares() {
        MixedModelFit fit = Fits.sleepstudy();
        PlotSource source = PlotSource.of(fit);
        Shrinkage s = Shrinkage.all(source).get(0);
        assertEquals(0, s.notEstimable());
        // the unpooled estimates plus β are each subject's own least-squares line
        double[] reaction = source.model().response().y();
        double b0 = fit.beta("(Intercept)");
        double b1 = fit.beta("Days");
        for (int l = 0; l < 18; l++) {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int d = 0; d < 10; d++) {
                double y = reaction[l * 10 + d];
                sx += d;
                sy += y;
                sxx += d * d;
                sxy += d * y;
            }
            double slope = (10 * sxy - sx * sy) / (10 * sxx - sx * sx);
            double intercept = (sy - slope * sx) / 10;
            assertEquals(intercept, b0 + s.unpooled(l)[0], 1e-8);
            assertEquals(slope, b1 + s.unpooled(l)[1], 1e-8);
            assertArrayEquals(fit.conditionalModes().get(0).level(l), s.mode(l), 0);
        }
    }

    @Test
    void shrinkageOfAGlmmShrinksTowardZero() {
        Shrinkage s = Shrinkage.all(PlotSource.of(Fits.cbpp())).get(0);
        int closer = 0;
        int estimable = 0;
        for (int l = 0; l < s.levels().size(); l++) {
            double u = s.unpooled(l)[0];
            if (Double.isFinite(u)) {
                estimable++;
                closer += Math.abs(s.mode(l)[0]) <= Math.abs(u) + 1e-12 ? 1 : 0;
            }
        }
        assertEquals(s.levels().size() - s.notEstimable(), estimable);
        assertEquals(estimable, closer);
    }

    @Test
    void effectCurveOfALinearModelIsTheFixedLine() {
        MixedModelFit fit = Fits.sleepstudy();
        EffectCurve c = EffectCurve.of(PlotSource.of(fit), "Days");
        assertEquals(0, c.x()[0], 0);
        assertEquals(9, c.x()[c.x().length - 1], 1e-12);
        // identity link: the marginal and conditional curves coincide, both β0 + β1 x
        for (int i = 0; i < c.x().length; i++) {
            assertEquals(fit.beta("(Intercept)") + fit.beta("Days") * c.x()[i], c.conditional()[i], 1e-9);
            assertEquals(c.conditional()[i], c.marginal()[i], 1e-9);
        }
        InputException e = assertThrows(InputException.class, () -> EffectCurve.of(PlotSource.of(fit), "Nope"));
        assertTrue(e.getMessage().startsWith("--effect Nope: no such column in the data"), e.getMessage());
        e = assertThrows(InputException.class, () -> EffectCurve.of(PlotSource.of(fit), "Subject"));
        assertEquals("--effect Subject: not in the fixed effects of " + Fits.SLEEPSTUDY, e.getMessage());
        e = assertThrows(InputException.class, () -> EffectCurve.of(PlotSource.of(Fits.cbpp()), "period"));
        assertEquals("--effect period: a categorical column; the curve needs a numeric predictor", e.getMessage());
    }

    @Test
    void effectCurveOfALogitModelIsTheIntegralOverTheRandomEffect() {
        MixedModelFit fit = io.glimmer.Glimmer.fit(Fits.data("bacteria.csv", java.util.Set.of()), "y ~ trt + week + (1 | ID)",
                io.glimmer.options.FitOptions.builder().family("binomial").method(io.glimmer.options.Method.LAPLACE).build());
        EffectCurve c = EffectCurve.of(PlotSource.of(fit), "week");
        double sigma = fit.randomEffects().get(0).stdDev();
        assertTrue(c.heldAt().contains("trt = drug"), c.heldAt()); // the first level, sorted
        for (int i = 0; i < c.x().length; i++) {
            double eta = fit.beta("(Intercept)") + fit.beta("week") * c.x()[i];
            assertEquals(1 / (1 + Math.exp(-eta)), c.conditional()[i], 1e-12);
            // ∫ expit(η + σ z) φ(z) dz by the trapezoid rule on a fine grid
            double integral = 0;
            double h = 1e-3;
            for (double z = -10; z <= 10; z += h) {
                integral += h * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (1 + Math.exp(-(eta + sigma * z)));
            }
            assertEquals(integral, c.marginal()[i], 1e-6);
            // attenuation: the marginal curve lies between the conditional one and 1/2
            assertTrue(Math.abs(c.marginal()[i] - 0.5) <= Math.abs(c.conditional()[i] - 0.5) + 1e-12);
        }
    }
}
