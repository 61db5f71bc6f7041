package io.glimmer.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conditional densities of the families with their own parameter: derivatives in η and the log density itself. */
class ObservationModelTest {

    private static Family family(String name) {
        return Family.of(name, null);
    }

    /** Score and observed information against central differences of the log density, at seeded random points. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void derivativesMatchFiniteDifferences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (String name : new String[]{"nbinom2", "nbinom1", "beta"}) {
            Family f = family(name);
            ObservationModel model = ((ParametricDistribution) f.distribution()).observationModel(f.link());
            for (int i = 0; i < 50; i++) {
                double psi = rng.nextDouble(-1.5, 3);
                ObservationModel.Conditional c = model.at(new double[]{psi});
                boolean counts = !name.equals("beta");
                double y = counts ? Math.floor(rng.nextDouble(0, 30)) : rng.nextDouble(0.01, 0.99);
                double eta = counts ? rng.nextDouble(-2, 3.5) : rng.nextDouble(-3, 3);
                double w = rng.nextDouble(0.5, 2);
                double h = 1e-4;
                double up = c.logDensity(0, y, eta + h, w);
                double mid = c.logDensity(0, y, eta, w);
                double down = c.logDensity(0, y, eta - h, w);
                double score = (up - down) / (2 * h);
                double info = -(up - 2 * mid + down) / (h * h);
                String at = name + " y=" + y + " eta=" + eta + " psi=" + psi;
                assertEquals(score, c.score(0, y, eta, w), 1e-6 * (1 + Math.abs(score)), "score " + at);
                assertEquals(info, c.information(0, y, eta, w), 2e-4 * (1 + Math.abs(info)), "information " + at);
                assertTrue(c.stepInformation(0, y, eta, w) > 0, "step information " + at);
            }
        }
    }

    /** R: dnbinom(3, size = 2.5, mu = 4, log = TRUE), dnbinom(3, size = 4 / 0.7, mu = 4, log = TRUE), dbeta(0.3, 0.4 * 8, 0.6 * 8, log = TRUE). */
    @ParameterizedTest
    @ValueSource(strings = {"nbinom2", "nbinom1", "beta"})
    void logDensityIsRs(String name) {
        Family f = family(name);
        double[] expected = switch (name) {
            case "nbinom2" -> new double[]{2.5, 3, 4, -1.9639304319959514};
            case "nbinom1" -> new double[]{0.7, 3, 4, -1.7955498336494054};
            default -> new double[]{8, 0.3, 0.4, 0.75432830152501706};
        };
        ParametricDistribution d = ((ParametricDistribution) f.distribution()).withParameter(expected[0]);
        assertEquals(expected[3], d.logDensity(expected[1], expected[2], 1, Double.NaN), 1e-12);
        ObservationModel.Conditional c = d.observationModel(f.link()).at(new double[]{Math.log(expected[0])});
        assertEquals(expected[3], c.logDensity(0, expected[1], f.eta(expected[2]), 1), 1e-12);
    }

    /** Bad responses: one line naming the row and the value. */
    @ParameterizedTest
    @ValueSource(strings = {"nbinom2:2.5:row 7: nbinom2 response 2.5 is not a whole number; counts must be whole numbers >= 0",
            "nbinom1:-1:row 7: nbinom1 response -1 is negative; counts must be >= 0",
            "beta:1:row 7: beta response 1 is not strictly between 0 and 1; the beta family needs 0 < y < 1",
            "beta:0:row 7: beta response 0 is not strictly between 0 and 1; the beta family needs 0 < y < 1"})
    void badResponsesAreOneLine(String c) {
        String[] p = c.split(":", 3);
        Distribution d = family(p[0]).distribution();
        io.glimmer.error.InputException e = org.junit.jupiter.api.Assertions.assertThrows(io.glimmer.error.InputException.class,
                () -> d.checkResponse(Double.parseDouble(p[1]), 1, 7));
        assertEquals(p[2], e.getMessage());
    }
}
