package io.glimmer.family;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cumulative link's density and its derivatives in η against finite differences, seeded; the normal tail against erfc. */
class CumulativeLinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"logit", "probit", "cloglog"})
    void scoreAndInformationAreTheDerivativesOfTheLogDensity(String linkName) {
        CumulativeLink model = CumulativeLink.of(Link.of(linkName), List.of("a", "b", "c", "d"));
        Random random = new Random(20261207);
        for (int trial = 0; trial < 200; trial++) {
            double[] psi = {random.nextGaussian(), Math.log(0.2 + random.nextDouble()), Math.log(0.2 + random.nextDouble())};
            ObservationModel.Conditional f = model.at(psi);
            double y = 1 + random.nextInt(4);
            double eta = 3 * random.nextGaussian();
            double w = 0.5 + random.nextDouble();
            double h = 1e-5;
            double numericScore = (f.logDensity(0, y, eta + h, w) - f.logDensity(0, y, eta - h, w)) / (2 * h);
            double numericInfo = -(f.score(0, y, eta + h, w) - f.score(0, y, eta - h, w)) / (2 * h);
            assertEquals(numericScore, f.score(0, y, eta, w), 1e-6 * (1 + Math.abs(numericScore)), linkName + " score");
            assertEquals(numericInfo, f.information(0, y, eta, w), 1e-5 * (1 + Math.abs(numericInfo)), linkName + " information");
            double total = 0;
            for (double p : model.probabilities(eta, model.natural(psi))) {
                total += p;
            }
            assertEquals(1, total, 1e-14);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-30, -12.3, -5, -2.5, -0.7, 0, 0.3, 1, 3.49, 8, 19})
    void normalTailAgreesWithErfc(double x) {
        double relative = Math.abs(x) <= 20 ? 1e-13 : 1e-11; // NormalTail's stated accuracy
        assertEquals(FamilyMath.pnorm(x), NormalTail.cdf(x), relative * FamilyMath.pnorm(x));
        assertEquals(FamilyMath.pnorm(-x), NormalTail.upper(x), relative * FamilyMath.pnorm(-x));
    }
}
