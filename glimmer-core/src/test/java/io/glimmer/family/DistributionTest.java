package io.glimmer.family;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.error.InputException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionTest {

    static Stream<Distribution> distributions() {
        return Distribution.all().stream();
    }

    /** A response in the distribution's support, and its prior weight. */
    private static double[] randomObservation(Distribution d, Random random) {
        if (d == Distribution.BINOMIAL) {
            int m = 1 + random.nextInt(20);
            return new double[] {random.nextInt(m + 1) / (double) m, m};
        }
        double w = 0.25 + 3 * random.nextDouble();
        if (d == Distribution.POISSON) {
            return new double[] {random.nextInt(4) == 0 ? 0 : random.nextInt(40) + (random.nextBoolean() ? 0 : 0.5), w};
        }
        if (d == Distribution.GAUSSIAN) {
            return new double[] {random.nextGaussian() * 10, w};
        }
        return new double[] {Math.exp(random.nextGaussian() * 2), w};
    }

    private static double randomMu(Distribution d, Random random) {
        if (d == Distribution.BINOMIAL) {
            return Link.LOGIT.inverse(random.nextGaussian() * 5);
        }
        if (d == Distribution.GAUSSIAN) {
            return random.nextGaussian() * 10;
        }
        return Math.exp(random.nextGaussian() * 2);
    }

    // ---- deviance residuals ----

    @ParameterizedTest
    @MethodSource("distributions")
    void devianceResidualIsZeroAtTheSaturatedFit(Distribution d) {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            double[] obs = randomObservation(d, random);
            assertEquals(0, d.devianceResidual(obs[0], obs[0], obs[1]), 1e-13, d + " y " + obs[0]);
        }
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void devianceResidualIsNeverNegative(Distribution d) {
        Random random = new Random(12);
        for (int i = 0; i < 5000; i++) {
            double[] obs = randomObservation(d, random);
            double mu = random.nextInt(10) == 0 ? obs[0] * (1 + 1e-9 * random.nextGaussian()) : randomMu(d, random);
            if (!d.validMu(mu)) {
                continue;
            }
            double dev = d.devianceResidual(obs[0], mu, obs[1]);
            assertTrue(dev >= 0 && Double.isFinite(dev), d + " y " + obs[0] + " mu " + mu + " dev " + dev);
        }
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void zeroWeightContributesNothing(Distribution d) {
        assertEquals(0, d.devianceResidual(0.5, 0.25, 0));
        assertEquals(0, d.logDensity(0.5, 0.25, 0, 1.5));
    }

    @Test
    void devianceResidualValues() {
        // binomial 3 of 10 at μ = 0.2: 2·10·[0.3 log(0.3/0.2) + 0.7 log(0.7/0.8)]
        assertEquals(20 * (0.3 * Math.log(1.5) + 0.7 * Math.log(0.875)),
                Distribution.BINOMIAL.devianceResidual(0.3, 0.2, 10), 1e-14);
        assertEquals(-2 * Math.log(0.2), Distribution.BINOMIAL.devianceResidual(1, 0.2, 1), 1e-14);
        assertEquals(-2 * Math.log(0.8), Distribution.BINOMIAL.devianceResidual(0, 0.2, 1), 1e-14);
        assertEquals(2 * 1.5 * (3 * Math.log(3 / 2.5) - 0.5), Distribution.POISSON.devianceResidual(3, 2.5, 1.5), 1e-14);
        assertEquals(2 * 2.5, Distribution.POISSON.devianceResidual(0, 2.5, 1), 1e-15);
        assertEquals(-2 * 2 * (Math.log(3 / 2.0) - 0.5), Distribution.GAMMA.devianceResidual(3, 2, 2), 1e-14);
        assertEquals(2 * 1.0 / (3 * 4), Distribution.INVERSE_GAUSSIAN.devianceResidual(3, 2, 2), 1e-15);
        assertEquals(2 * 2.25, Distribution.GAUSSIAN.devianceResidual(3, 1.5, 2), 1e-15);
    }

    // ---- log densities against independent values ----

    @Test
    void binomialLogDensity() {
        double expected = Math.log(120) + 3 * Math.log(0.2) + 7 * Math.log(0.8);
        assertEquals(expected, Distribution.BINOMIAL.logDensity(0.3, 0.2, 10, 1), 1e-13);
        assertEquals(new BinomialDistribution(10, 0.2).logProbability(3),
                Distribution.BINOMIAL.logDensity(0.3, 0.2, 10, 99), 1e-13);
        // 0/1 data with weight 1: y log μ + (1 - y) log(1 - μ)
        assertEquals(Math.log(0.7), Distribution.BINOMIAL.logDensity(1, 0.7, 1, 1), 1e-15);
        assertEquals(Math.log(0.3), Distribution.BINOMIAL.logDensity(0, 0.7, 1, 1), 1e-15);
        // R rounds m·y and m: 10.4 trials at 0.3 is 3 of 10
        assertEquals(expected, Distribution.BINOMIAL.logDensity(0.3, 0.2, 10.4, 1), 1e-13);
        // every outcome: the probabilities sum to one
        double total = 0;
        for (int k = 0; k <= 25; k++) {
            total += Math.exp(Distribution.BINOMIAL.logDensity(k / 25.0, 0.37, 25, 1));
        }
        assertEquals(1, total, 1e-13);
    }

    @Test
    void poissonLogDensity() {
        assertEquals(3 * Math.log(2.5) - 2.5 - Math.log(6), Distribution.POISSON.logDensity(3, 2.5, 1, 1), 1e-14);
        assertEquals(new PoissonDistribution(2.5).logProbability(7), Distribution.POISSON.logDensity(7, 2.5, 1, 7), 1e-13);
        assertEquals(-2 * 2.5, Distribution.POISSON.logDensity(0, 2.5, 2, 1), 1e-15);
        // weighted: the weight multiplies the log probability (R's aic)
        assertEquals(2 * (3 * Math.log(2.5) - 2.5 - Math.log(6)), Distribution.POISSON.logDensity(3, 2.5, 2, 1), 1e-14);
        // a non-integer count keeps lgamma(y + 1): Γ(3.5) = 15√π/8
        assertEquals(2.5 * Math.log(2) - 2 - Math.log(15 * Math.sqrt(Math.PI) / 8),
                Distribution.POISSON.logDensity(2.5, 2, 1, 1), 1e-14);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0, 1.0, 0.5", "0.3, 2.0, 1.0, 0.5", "4.5, 2.0, 2.5, 0.1", "7.0, 0.5, 1.0, 3.0", "1e-3, 1.0, 0.7, 0.25"})
    void gammaLogDensityIsHipparchusDgammaTimesWeight(double y, double mu, double weight, double dispersion) {
        double expected = weight * new GammaDistribution(1 / dispersion, mu * dispersion).logDensity(y);
        assertEquals(expected, Distribution.GAMMA.logDensity(y, mu, weight, dispersion), 1e-12 * Math.max(1, Math.abs(expected)));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0, 1.0, 0.5", "0.3, 2.0, 1.0, 0.5", "4.5, 2.0, 2.5, 0.1", "7.0, 0.5, 1.0, 3.0", "1e-3, 1.0, 0.7, 0.25"})
    void inverseGaussianLogDensityIsTheClosedFormTimesWeight(double y, double mu, double weight, double dispersion) {
        double lambda = 1 / dispersion;
        double density = Math.sqrt(lambda / (2 * Math.PI * y * y * y))
                * Math.exp(-lambda * (y - mu) * (y - mu) / (2 * mu * mu * y));
        double expected = weight * Math.log(density);
        assertEquals(expected, Distribution.INVERSE_GAUSSIAN.logDensity(y, mu, weight, dispersion),
                1e-12 * Math.max(1, Math.abs(expected)));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0, 1.0, 0.5", "-3.0, 2.0, 4.0, 2.0", "10.0, 9.5, 0.25, 0.01"})
    void gaussianLogDensityHasVarianceDispersionOverWeight(double y, double mu, double weight, double dispersion) {
        double expected = new NormalDistribution(mu, Math.sqrt(dispersion / weight)).logDensity(y);
        assertEquals(expected, Distribution.GAUSSIAN.logDensity(y, mu, weight, dispersion), 1e-13 * Math.max(1, Math.abs(expected)));
    }

    @ParameterizedTest
    @CsvSource({"gaussian, 1.7, 0.8", "Gamma, 1.7, 0.4", "Gamma, 0.6, 0.2", "inverse.gaussian, 1.7, 0.3", "inverse.gaussian, 0.5, 2.0"})
    void continuousDensitiesIntegrateToOneWithMeanMu(String family, double mu, double dispersion) {
        Distribution d = Distribution.of(family);
        double lower = d == Distribution.GAUSSIAN ? mu - 40 : 0;
        double upper = d == Distribution.GAUSSIAN ? mu + 40 : mu * 400;
        int n = 400_000; // Simpson on a fine grid; the positive densities vanish at 0
        double h = (upper - lower) / n;
        double mass = 0;
        double mean = 0;
        for (int i = 0; i <= n; i++) {
            double y = lower + i * h;
            double f = y <= 0 && d != Distribution.GAUSSIAN ? 0 : Math.exp(d.logDensity(y, mu, 1, dispersion));
            double coefficient = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            mass += coefficient * f;
            mean += coefficient * f * y;
        }
        assertEquals(1, mass * h / 3, 1e-6, family);
        assertEquals(mu, mean * h / 3, 1e-4, family);
    }

    // ---- agreement with R's aic ----

    @Test
    void minusTwiceLogLikelihoodIsRsAicWithoutTheParameterCount() {
        Random random = new Random(7);
        int n = 40;
        double[] y = new double[n];
        double[] mu = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = Math.exp(random.nextGaussian());
            y[i] = mu[i] * Math.exp(0.3 * random.nextGaussian());
            w[i] = 0.5 + random.nextDouble();
        }
        // gaussian: nobs·(log(2π·dev/nobs) + 1) + 2 - Σ log w
        double dev = sum(i -> Distribution.GAUSSIAN.devianceResidual(y[i], mu[i], w[i]), n);
        double rAic = n * (Math.log(2 * Math.PI * dev / n) + 1) + 2 - sum(i -> Math.log(w[i]), n);
        double phi = dev / n;
        assertEquals(rAic - 2, -2 * sum(i -> Distribution.GAUSSIAN.logDensity(y[i], mu[i], w[i], phi), n), 1e-10);

        // inverse.gaussian: Σw·(log(2π·dev/Σw) + 1) + 3 Σ w log y + 2
        double sumW = sum(i -> w[i], n);
        double devIg = sum(i -> Distribution.INVERSE_GAUSSIAN.devianceResidual(y[i], mu[i], w[i]), n);
        double rAicIg = sumW * (Math.log(2 * Math.PI * devIg / sumW) + 1) + 3 * sum(i -> w[i] * Math.log(y[i]), n) + 2;
        double phiIg = devIg / sumW;
        assertEquals(rAicIg - 2,
                -2 * sum(i -> Distribution.INVERSE_GAUSSIAN.logDensity(y[i], mu[i], w[i], phiIg), n), 1e-10);

        // Gamma: -2 Σ w·dgamma(y, 1/disp, scale = μ·disp, log = TRUE) + 2 with disp = dev/Σw
        double devGamma = sum(i -> Distribution.GAMMA.devianceResidual(y[i], mu[i], w[i]), n);
        double phiGamma = devGamma / sumW;
        double rAicGamma = -2 * sum(i -> w[i] * new GammaDistribution(1 / phiGamma, mu[i] * phiGamma).logDensity(y[i]), n) + 2;
        assertEquals(rAicGamma - 2,
                -2 * sum(i -> Distribution.GAMMA.logDensity(y[i], mu[i], w[i], phiGamma), n), 1e-9 * Math.abs(rAicGamma));
    }

    @Test
    void binomialAndPoissonLikelihoodMinusDevianceIsTheSaturatedConstant() {
        Random random = new Random(3);
        int n = 60;
        double[] yb = new double[n];
        double[] m = new double[n];
        double[] yp = new double[n];
        double[] wp = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 1 + random.nextInt(15);
            yb[i] = random.nextInt((int) m[i] + 1) / m[i];
            yp[i] = random.nextInt(5) == 0 ? 0 : random.nextInt(30) + (i % 7 == 0 ? 0.5 : 0);
            wp[i] = 0.5 + random.nextDouble();
        }
        // the constants, computed independently: -2 Σ log of the saturated likelihood
        double binomialConstant = -2 * sum(i -> {
            double k = m[i] * yb[i];
            return Math.log(new BinomialDistribution((int) m[i], 0.5).probability((int) Math.rint(k)) / Math.pow(0.5, m[i]))
                    + xLogY(k, yb[i]) + xLogY(m[i] - k, 1 - yb[i]);
        }, n);
        double poissonConstant = -2 * sum(i -> wp[i] * (xLogY(yp[i], yp[i]) - yp[i] - Gamma.logGamma(yp[i] + 1)), n);
        for (int trial = 0; trial < 6; trial++) {
            double[] mub = new double[n];
            double[] mup = new double[n];
            for (int i = 0; i < n; i++) {
                mub[i] = Link.LOGIT.inverse(3 * random.nextGaussian());
                mup[i] = Math.exp(3 * random.nextGaussian());
            }
            double b = -2 * sum(i -> Distribution.BINOMIAL.logDensity(yb[i], mub[i], m[i], 1), n)
                    - sum(i -> Distribution.BINOMIAL.devianceResidual(yb[i], mub[i], m[i]), n);
            double p = -2 * sum(i -> Distribution.POISSON.logDensity(yp[i], mup[i], wp[i], 1), n)
                    - sum(i -> Distribution.POISSON.devianceResidual(yp[i], mup[i], wp[i]), n);
            assertEquals(binomialConstant, b, 1e-9 * Math.abs(binomialConstant));
            assertEquals(poissonConstant, p, 1e-9 * Math.abs(poissonConstant));
        }
    }

    /** The saturated log-likelihood is the independently computed constant above, row by row. */
    @Test
    void saturatedLogDensityGivesTheLikelihoodFromTheDeviance() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            double m = 1 + random.nextInt(15);
            double y = random.nextInt((int) m + 1) / m;
            double k = m * y;
            double expected = Math.log(new BinomialDistribution((int) m, 0.5).probability((int) Math.rint(k)) / Math.pow(0.5, m))
                    + xLogY(k, y) + xLogY(m - k, 1 - y);
            assertEquals(expected, Distribution.BINOMIAL.saturatedLogDensity(y, m), 1e-12 * Math.max(1, Math.abs(expected)));
            double mu = Link.LOGIT.inverse(3 * random.nextGaussian());
            assertEquals(Distribution.BINOMIAL.logDensity(y, mu, m, 1),
                    Distribution.BINOMIAL.saturatedLogDensity(y, m) - Distribution.BINOMIAL.devianceResidual(y, mu, m) / 2, 1e-10 * m);

            double count = random.nextInt(5) == 0 ? 0 : random.nextInt(30) + (i % 7 == 0 ? 0.5 : 0);
            double w = 0.5 + random.nextDouble();
            double poisson = w * (xLogY(count, count) - count - Gamma.logGamma(count + 1));
            assertEquals(poisson, Distribution.POISSON.saturatedLogDensity(count, w), 1e-12 * Math.max(1, Math.abs(poisson)));
            double rate = Math.exp(3 * random.nextGaussian());
            assertEquals(Distribution.POISSON.logDensity(count, rate, w, 1),
                    Distribution.POISSON.saturatedLogDensity(count, w) - Distribution.POISSON.devianceResidual(count, rate, w) / 2,
                    1e-10 * (1 + count + rate));
        }
        assertEquals(0, Distribution.BINOMIAL.saturatedLogDensity(0.3, 0));
        assertEquals(0, Distribution.POISSON.saturatedLogDensity(4, 0));
    }

    /** Where the identity fails the method says so: rounded binomial counts, and the dispersion families. */
    @Test
    void saturatedLogDensityIsNaNWhereTheDevianceDoesNotGiveTheLikelihood() {
        assertTrue(Double.isNaN(Distribution.BINOMIAL.saturatedLogDensity(0.5, 2.5)));
        assertTrue(Double.isNaN(Distribution.BINOMIAL.saturatedLogDensity(0.3, 2)));
        assertTrue(Double.isNaN(Distribution.GAUSSIAN.saturatedLogDensity(1.2, 1)));
        assertTrue(Double.isNaN(Distribution.GAMMA.saturatedLogDensity(1.2, 1)));
        assertTrue(Double.isNaN(Distribution.INVERSE_GAUSSIAN.saturatedLogDensity(1.2, 1)));
    }

    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    private interface Term {
        double at(int i);
    }

    private static double sum(Term term, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += term.at(i);
        }
        return s;
    }

    // ---- the rest of the family definition ----

    @Test
    void varianceFunctions() {
        assertEquals(1, Distribution.GAUSSIAN.variance(7));
        assertEquals(0.21, Distribution.BINOMIAL.variance(0.3), 1e-16);
        assertEquals(7, Distribution.POISSON.variance(7));
        assertEquals(49, Distribution.GAMMA.variance(7));
        assertEquals(343, Distribution.INVERSE_GAUSSIAN.variance(7));
    }

    @Test
    void canonicalLinksAndDispersion() {
        assertSame(Link.LOGIT, Distribution.BINOMIAL.canonicalLink());
        assertSame(Link.LOG, Distribution.POISSON.canonicalLink());
        assertSame(Link.IDENTITY, Distribution.GAUSSIAN.canonicalLink());
        assertSame(Link.INVERSE, Distribution.GAMMA.canonicalLink());
        assertSame(Link.INVERSE_SQUARE, Distribution.INVERSE_GAUSSIAN.canonicalLink());
        assertFalse(Distribution.BINOMIAL.hasDispersion());
        assertFalse(Distribution.POISSON.hasDispersion());
        assertTrue(Distribution.GAUSSIAN.hasDispersion());
        assertTrue(Distribution.GAMMA.hasDispersion());
        assertTrue(Distribution.INVERSE_GAUSSIAN.hasDispersion());
        for (Distribution d : Distribution.all()) {
            assertSame(d.canonicalLink(), d.links().get(0), d.name());
        }
    }

    @Test
    void initialMeansAreRsMustart() {
        assertEquals((10 * 0.3 + 0.5) / 11, Distribution.BINOMIAL.initialMu(0.3, 10), 1e-16);
        assertEquals(0.75, Distribution.BINOMIAL.initialMu(1, 1));
        assertEquals(0.25, Distribution.BINOMIAL.initialMu(0, 1));
        assertEquals(0.1, Distribution.POISSON.initialMu(0, 1));
        assertEquals(3.1, Distribution.POISSON.initialMu(3, 1), 1e-15);
        assertEquals(2.5, Distribution.GAMMA.initialMu(2.5, 1));
        assertEquals(2.5, Distribution.INVERSE_GAUSSIAN.initialMu(2.5, 1));
        assertEquals(-2.5, Distribution.GAUSSIAN.initialMu(-2.5, 1));
        Random random = new Random(5);
        for (Distribution d : Distribution.all()) {
            for (int i = 0; i < 200; i++) {
                double[] obs = randomObservation(d, random);
                if (d == Distribution.GAMMA || d == Distribution.INVERSE_GAUSSIAN || obs[0] != 0 || d != Distribution.GAUSSIAN) {
                    assertTrue(d.validMu(d.initialMu(obs[0], obs[1])), d + " " + obs[0]);
                }
            }
        }
    }

    @Test
    void validMu() {
        assertFalse(Distribution.BINOMIAL.validMu(0));
        assertFalse(Distribution.BINOMIAL.validMu(1));
        assertTrue(Distribution.BINOMIAL.validMu(0.5));
        assertFalse(Distribution.POISSON.validMu(0));
        assertFalse(Distribution.GAMMA.validMu(-1));
        assertFalse(Distribution.POISSON.validMu(Double.POSITIVE_INFINITY));
        assertTrue(Distribution.GAUSSIAN.validMu(-5));
        assertFalse(Distribution.GAUSSIAN.validMu(Double.NaN));
    }

    // ---- response checks ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "binomial | -0.5 | 1 | negative",
        "binomial | 1.5 | 1 | successes above trials",
        "binomial | 0.35 | 10 | 3.5 successes",
        "binomial | NaN | 1 | missing",
        "poisson | -1 | 1 | negative",
        "poisson | Infinity | 1 | not finite",
        "Gamma | 0 | 1 | not positive",
        "Gamma | -2.5 | 1 | not positive",
        "inverse.gaussian | 0 | 1 | not positive",
        "gaussian | NaN | 1 | missing",
        "gaussian | 1 | -1 | weight -1 is negative",
        "poisson | 1 | NaN | weight is missing"})
    void checkResponseRejects(String family, double y, double weight, String reason) {
        InputException e = assertThrows(InputException.class, () -> Distribution.of(family).checkResponse(y, weight, 17));
        String message = e.getMessage();
        assertTrue(message.startsWith("row 17: "), message);
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains("\n"), message);
        if (Double.isFinite(y) && weight >= 0) {
            assertTrue(message.contains(io.glimmer.design.NumberFormat.message(y)), message);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "binomial | 0 | 1", "binomial | 1 | 1", "binomial | 0.3 | 10", "binomial | 0.3333333333333333 | 3",
        "binomial | NaN | 0", "binomial | 7 | 0",
        "poisson | 0 | 1", "poisson | 2.5 | 1", "Gamma | 1e-300 | 1", "inverse.gaussian | 3 | 2",
        "gaussian | -4 | 0", "gaussian | 0 | 1"})
    void checkResponseAccepts(String family, double y, double weight) {
        assertDoesNotThrow(() -> Distribution.of(family).checkResponse(y, weight, 1));
    }

    @Test
    void binomialMessagesNameTheValue() {
        InputException above = assertThrows(InputException.class, () -> Distribution.BINOMIAL.checkResponse(2, 1, 4));
        assertEquals("row 4: binomial response 2 is above 1 (successes above trials); it must be a proportion of successes in [0, 1]",
                above.getMessage());
        InputException fraction = assertThrows(InputException.class, () -> Distribution.BINOMIAL.checkResponse(0.35, 10, 3));
        assertTrue(fraction.getMessage().contains("0.35") && fraction.getMessage().contains("weight 10"), fraction.getMessage());
    }

    // ---- names ----

    @Test
    void ofFindsEveryFamilyByItsRName() {
        assertEquals(List.of("gaussian", "binomial", "poisson", "Gamma", "inverse.gaussian"),
                Distribution.all().stream().map(Distribution::name).toList());
        for (Distribution d : Distribution.all()) {
            assertSame(d, Distribution.of(d.name()));
        }
        assertSame(Distribution.GAMMA, Distribution.of("gamma"));
    }

    @Test
    void unknownFamilyListsTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> Distribution.of("negbin"));
        assertEquals("unknown family 'negbin'; known families are gaussian, binomial, poisson, Gamma, inverse.gaussian, nbinom2, nbinom1, beta, ordinal",
                e.getMessage());
        assertThrows(InputException.class, () -> Distribution.of(null));
    }
}
