package io.glimmer.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zero inflation's conditional density: its derivatives in η, and the density against R's. */
class ZeroInflatedObservationModelTest {

    /** One zero-inflation column (an intercept), so p0 = plogis(gamma) on every row. */
    private static ObservationModel model(String family, int rows) {
        double[] ones = new double[rows];
        java.util.Arrays.fill(ones, 1);
        return ObservationModel.of(Family.of(family, null)).zeroInflated(ones, List.of("(Intercept)"));
    }

    /** Score and observed information against central differences of the log density, at seeded random points. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void derivativesMatchFiniteDifferences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (String name : new String[]{"poisson", "nbinom2", "nbinom1"}) {
            ObservationModel model = model(name, 1);
            int k = model.familyParameterCount();
            for (int i = 0; i < 50; i++) {
                double[] psi = new double[k + 1];
                for (int j = 0; j < k; j++) {
                    psi[j] = rng.nextDouble(-1.5, 3);
                }
                psi[k] = rng.nextDouble(-3, 3);
                ObservationModel.Conditional c = model.at(psi);
                double y = rng.nextDouble() < 0.5 ? 0 : Math.floor(rng.nextDouble(1, 30));
                double eta = rng.nextDouble(-2, 3.5);
                double w = rng.nextDouble(0.5, 2);
                double h = 1e-4;
                double up = c.logDensity(0, y, eta + h, w);
                double mid = c.logDensity(0, y, eta, w);
                double down = c.logDensity(0, y, eta - h, w);
                double score = (up - down) / (2 * h);
                double info = -(up - 2 * mid + down) / (h * h);
                String at = name + " y=" + y + " eta=" + eta + " psi=" + java.util.Arrays.toString(psi);
                assertEquals(score, c.score(0, y, eta, w), 1e-6 * (1 + Math.abs(score)), "score " + at);
                assertEquals(info, c.information(0, y, eta, w), 1e-4 * (1 + Math.abs(info)), "information " + at);
                assertTrue(c.stepInformation(0, y, eta, w) > 0, "step information " + at);
            }
        }
    }

    /**
     * R: log(plogis(-0.7) + plogis(0.7) * dpois(0, 4)), log(plogis(0.7)) + dpois(3, 4, log = TRUE), and the
     * same with dnbinom(., size = 2.5, mu = 4): glmmTMB's zero-inflated densities.
     */
    @Test
    void densitiesAreRs() {
        double[] logTheta = {Math.log(2.5)};
        ObservationModel.Conditional poisson = model("poisson", 1).at(new double[]{-0.7});
        ObservationModel.Conditional nb2 = model("nbinom2", 1).at(new double[]{logTheta[0], -0.7});
        double eta = Math.log(4);
        assertEquals(-1.0669667900147988, poisson.logDensity(0, 0, eta, 1), 1e-12);
        assertEquals(-2.0360624347538412, poisson.logDensity(0, 3, eta, 1), 1e-12);
        assertEquals(-0.93365846073332703, nb2.logDensity(0, 0, eta, 1), 1e-12);
        assertEquals(-2.3671164808814091, nb2.logDensity(0, 3, eta, 1), 1e-12);
        assertEquals(1 / (1 + Math.exp(0.7)), poisson.zeroProbability(0), 1e-15);
    }
}
