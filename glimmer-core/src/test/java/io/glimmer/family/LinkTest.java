package io.glimmer.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.error.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LinkTest {
    private static final double EPS = Math.ulp(1.0);

    /** Links whose μ is a probability. */
    private static final List<Link> PROBABILITY_LINKS = List.of(Link.LOGIT, Link.PROBIT, Link.CLOGLOG, Link.CAUCHIT);

    static Stream<Link> links() {
        return Link.all().stream();
    }

    /** Means on a grid inside each link's range (for the bounded links, away from the clamps). */
    private static List<Double> muGrid(Link link) {
        List<Double> grid = new ArrayList<>();
        if (PROBABILITY_LINKS.contains(link)) {
            for (double p : new double[] {1e-12, 1e-9, 1e-6, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999}) {
                grid.add(p);
            }
            for (int i = 1; i < 50; i++) {
                grid.add(i / 50.0);
            }
        } else if (link == Link.IDENTITY) {
            for (double m : new double[] {-1e6, -3.5, -1, 0, 1e-9, 0.5, 2, 1e6}) {
                grid.add(m);
            }
        } else {
            for (double m : new double[] {1e-8, 1e-4, 0.01, 0.3, 1, 2.5, 10, 1e3, 1e6}) {
                grid.add(m);
            }
        }
        return grid;
    }

    @ParameterizedTest
    @MethodSource("links")
    void inverseUndoesLink(Link link) {
        for (double mu : muGrid(link)) {
            double eta = link.link(mu);
            assertTrue(link.validEta(eta), link + " eta " + eta);
            double back = link.inverse(eta);
            // relative to μ, and for probabilities also relative to 1 - μ
            double scale = PROBABILITY_LINKS.contains(link) ? Math.min(mu, 1 - mu) : Math.max(Math.abs(mu), 1e-300);
            assertEquals(mu, back, 1e-12 * scale + (link == Link.IDENTITY ? 0 : 1e-300), link + " at mu " + mu);
        }
    }

    @ParameterizedTest
    @MethodSource("links")
    void muEtaIsTheDerivativeOfInverse(Link link) {
        for (double mu : muGrid(link)) {
            if (PROBABILITY_LINKS.contains(link) && (mu < 1e-6 || mu > 1 - 1e-6)) {
                continue; // too close to the clamp for a finite difference
            }
            double eta = link.link(mu);
            double h = 1e-5 * (eta == 0 ? 1 : Math.abs(eta));
            double numeric = (link.inverse(eta + h) - link.inverse(eta - h)) / (2 * h);
            double analytic = link.muEta(eta);
            assertEquals(numeric, analytic, 1e-6 * Math.abs(analytic) + 1e-12, link + " at eta " + eta);
        }
    }

    @ParameterizedTest
    @MethodSource("links")
    void extremeEtaNeverGivesNaNOrInf(Link link) {
        double[] extremes = {1e3, -1e3, 1e6, -1e6, 1e15, -1e15, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE};
        for (double eta : extremes) {
            if (!link.validEta(eta)) {
                continue;
            }
            double mu = link.inverse(eta);
            double d = link.muEta(eta);
            assertTrue(Double.isFinite(mu), link + " inverse(" + eta + ") = " + mu);
            assertTrue(Double.isFinite(d), link + " muEta(" + eta + ") = " + d);
            if (PROBABILITY_LINKS.contains(link)) {
                assertTrue(mu >= EPS / (1 + EPS) && mu <= 1 - EPS / 2, link + " mu " + mu + " at " + eta);
                assertTrue(mu > 0 && mu < 1, link + " mu " + mu + " at " + eta);
            }
            if (PROBABILITY_LINKS.contains(link) || link == Link.LOG) {
                assertTrue(d >= EPS, link + " muEta " + d + " at " + eta);
            }
            if (link == Link.LOG) {
                assertTrue(mu >= EPS, "log mu " + mu);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("links")
    void randomEtaInTheValidRangeGivesAFiniteMeanAndPositiveSlopeMagnitude(Link link) {
        Random random = new Random(20240611L + link.name().hashCode());
        for (int i = 0; i < 2000; i++) {
            double eta = Math.sinh(random.nextGaussian() * 8); // heavy tails: |η| up to ~1e13
            if (!link.validEta(eta)) {
                eta = Math.abs(eta) + 1e-3;
            }
            assertTrue(link.validEta(eta));
            assertTrue(Double.isFinite(link.inverse(eta)), link + " " + eta);
            assertTrue(Double.isFinite(link.muEta(eta)), link + " " + eta);
        }
    }

    @ParameterizedTest
    @MethodSource("probabilityLinkPairs")
    void probabilityLinksStayInsideTheUnitIntervalEvenForInfiniteEta(Link link) {
        for (double eta : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double mu = link.inverse(eta);
            assertTrue(mu > 0 && mu < 1, link + " " + mu);
            assertTrue(link.muEta(eta) >= EPS, link + " " + link.muEta(eta));
        }
    }

    @Test
    void logitClampsLikeRsC() {
        assertEquals(EPS / (1 + EPS), Link.LOGIT.inverse(-31), 0);
        assertEquals(EPS / (1 + EPS), Link.LOGIT.inverse(-1e6), 0);
        assertEquals((1 / EPS) / (1 + 1 / EPS), Link.LOGIT.inverse(31), 0);
        assertEquals(Link.LOGIT.inverse(1e300), Link.LOGIT.inverse(31), 0);
        assertEquals(EPS, Link.LOGIT.muEta(30.5), 0);
        assertEquals(EPS, Link.LOGIT.muEta(-1e6), 0);
        assertEquals(0.25, Link.LOGIT.muEta(0), 0);
        assertEquals(1 / (1 + Math.exp(-30)), Link.LOGIT.inverse(30), 2.5e-16); // the cut is strict
        assertEquals(Math.log(3), Link.LOGIT.link(0.75), 1e-15);
    }

    @Test
    void probitClampsAtTheNormalQuantileOfEpsilon() {
        // qnorm(.Machine$double.eps) = -8.125890664701906 (R; also the 40-digit value)
        assertEquals(8.125890664701906, Links.PROBIT_THRESH, 1e-14);
        assertEquals(Link.PROBIT.inverse(-8.125890664701906), Link.PROBIT.inverse(-50), 0);
        assertEquals(EPS, Link.PROBIT.inverse(-50), 1e-13 * EPS);
        assertEquals(1 - EPS, Link.PROBIT.inverse(50), 1e-16);
        assertEquals(EPS, Link.PROBIT.muEta(40), 0);
        assertEquals(1 / Math.sqrt(2 * Math.PI), Link.PROBIT.muEta(0), 1e-16);
    }

    @ParameterizedTest
    @CsvSource({
        // p, qnorm(p) (R's qnorm; checked against 40-digit values)
        "0.5, 0",
        "0.975, 1.959963984540054",
        "0.025, -1.959963984540054",
        "0.3, -0.5244005127080408",
        "1e-10, -6.361340902404056",
        "1e-100, -21.273453560965324",
        "0.9999999, 5.199337582290661",
        "0.9999999990686774, 6.009353565530744"})
    void probitLinkIsAccurateInTheTails(double p, double expected) {
        assertEquals(expected, Link.PROBIT.link(p), 1e-15 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void cauchitClampsAtTheCauchyQuantileOfEpsilon() {
        assertEquals(1 / Math.tan(Math.PI * EPS), Links.CAUCHIT_THRESH, 1);
        assertEquals(1.4335402848056646e15, Links.CAUCHIT_THRESH, 1e3);
        assertEquals(EPS, Link.CAUCHIT.inverse(-1e20), 1e-12 * EPS);
        assertEquals(1 - EPS, Link.CAUCHIT.inverse(1e20), 1e-16);
        assertEquals(EPS, Link.CAUCHIT.muEta(1e9), 0);
        assertEquals(-1, Link.CAUCHIT.link(0.25), 1e-15);
        assertEquals(0.75, Link.CAUCHIT.inverse(1), 1e-15);
        assertEquals(1e-10, Link.CAUCHIT.inverse(Link.CAUCHIT.link(1e-10)), 1e-22);
    }

    @Test
    void cloglogClampsInsideTheUnitInterval() {
        assertEquals(EPS, Link.CLOGLOG.inverse(-1e6), 0);
        assertEquals(EPS, Link.CLOGLOG.inverse(-40), 0);
        assertEquals(1 - EPS, Link.CLOGLOG.inverse(5), 0);
        assertEquals(EPS, Link.CLOGLOG.muEta(800), 0);
        assertEquals(EPS, Link.CLOGLOG.muEta(-1e6), 0);
        assertEquals(1 - Math.exp(-1), Link.CLOGLOG.inverse(0), 1e-16);
        assertEquals(Math.exp(-1), Link.CLOGLOG.muEta(0), 1e-16);
    }

    @Test
    void logFloorsAtEpsilon() {
        assertEquals(EPS, Link.LOG.inverse(-1e3), 0);
        assertEquals(EPS, Link.LOG.muEta(-1e3), 0);
        assertEquals(Math.exp(2), Link.LOG.inverse(2), 0);
        assertEquals(Double.MAX_VALUE, Link.LOG.inverse(1e3), 0);
    }

    @Test
    void powerLinksValues() {
        assertEquals(0.5, Link.INVERSE.inverse(2), 0);
        assertEquals(-0.25, Link.INVERSE.muEta(2), 0);
        assertEquals(9, Link.SQRT.inverse(3), 0);
        assertEquals(6, Link.SQRT.muEta(3), 0);
        assertEquals(0.5, Link.INVERSE_SQUARE.inverse(4), 0);
        assertEquals(-1.0 / 16, Link.INVERSE_SQUARE.muEta(4), 1e-17);
        assertEquals(0.25, Link.INVERSE_SQUARE.link(2), 0);
    }

    @Test
    void validEtaFollowsR() {
        assertFalse(Link.INVERSE.validEta(0));
        assertTrue(Link.INVERSE.validEta(-2));
        assertFalse(Link.INVERSE.validEta(Double.POSITIVE_INFINITY));
        assertFalse(Link.SQRT.validEta(0));
        assertFalse(Link.SQRT.validEta(-1));
        assertTrue(Link.SQRT.validEta(1e-9));
        assertFalse(Link.INVERSE_SQUARE.validEta(-1));
        assertFalse(Link.INVERSE_SQUARE.validEta(0));
        assertTrue(Link.INVERSE_SQUARE.validEta(2));
        for (Link link : List.of(Link.LOGIT, Link.PROBIT, Link.CLOGLOG, Link.CAUCHIT, Link.LOG, Link.IDENTITY)) {
            assertTrue(link.validEta(-1e300), link.name());
            assertTrue(link.validEta(0), link.name());
            assertFalse(link.validEta(Double.NaN), link.name());
            assertFalse(link.validEta(Double.NEGATIVE_INFINITY), link.name());
        }
    }

    @ParameterizedTest
    @MethodSource("links")
    void ofFindsEveryLinkByItsRName(Link link) {
        assertSame(link, Link.of(link.name()));
        assertSame(link, Link.of(" " + link.name().toUpperCase() + " "));
    }

    @Test
    void namesAreRs() {
        assertEquals(List.of("logit", "probit", "cloglog", "cauchit", "log", "identity", "inverse", "sqrt", "1/mu^2"),
                Link.all().stream().map(Link::name).toList());
    }

    @Test
    void unknownLinkListsTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> Link.of("logistic"));
        assertTrue(e.getMessage().contains("'logistic'"), e.getMessage());
        for (Link link : Link.all()) {
            assertTrue(e.getMessage().contains(link.name()), e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"));
        InputException multiLine = assertThrows(InputException.class, () -> Link.of("a\nb"));
        assertFalse(multiLine.getMessage().contains("\n"), multiLine.getMessage());
        assertThrows(InputException.class, () -> Link.of(null));
    }

    static Stream<Arguments> probabilityLinkPairs() {
        return PROBABILITY_LINKS.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("probabilityLinkPairs")
    void probabilityLinksAreMonotoneAndSymmetricWhereExpected(Link link) {
        double previous = 0;
        for (double eta = -40; eta <= 40; eta += 0.25) {
            double mu = link.inverse(eta);
            assertTrue(mu >= previous, link + " not monotone at " + eta);
            previous = mu;
            if (link != Link.CLOGLOG && Math.abs(eta) < 7) {
                assertEquals(1 - mu, link.inverse(-eta), 1e-15, link + " symmetry at " + eta);
            }
        }
    }

    /** The one-pass μ and dμ/dη equal inverse() and muEta() bit for bit, also at the clamps and beyond. */
    @ParameterizedTest
    @MethodSource("links")
    void inverseAndDerivativeIsInverseAndMuEta(Link link) {
        Random random = new Random(17);
        int n = 400;
        double[] eta = new double[n];
        for (int r = 0; r < n; r++) {
            eta[r] = r < 40 ? -50 + 2.5 * r : (r % 3 == 0 ? 40 : 8) * random.nextGaussian();
        }
        eta[0] = 30;
        eta[1] = -30;
        eta[2] = Math.nextUp(30.0);
        eta[3] = 800;
        double[] mu = new double[n];
        double[] d = new double[n];
        link.inverseAndDerivative(eta, mu, d, 0, n);
        for (int r = 0; r < n; r++) {
            assertEquals(link.inverse(eta[r]), mu[r], 0, link + " mu at " + eta[r]);
            assertEquals(link.muEta(eta[r]), d[r], 0, link + " muEta at " + eta[r]);
        }
    }
}
