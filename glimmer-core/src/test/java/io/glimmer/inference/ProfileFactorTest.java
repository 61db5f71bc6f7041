package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.formula.Formula;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** θ with one standard deviation or correlation held: round trips, and the held value is the one obtained. */
class ProfileFactorTest {
    /** Three correlated effects per subject: every kind of held entry, first, middle and last. */
    private static final Design DESIGN = Design.of(Models.data("sleepstudy.csv", Set.of()),
            Formula.parse("Reaction ~ Days + (Days + I(Days^2) | Subject)"), null);
    private static final double[] THETA = {1.1, -0.3, 0.05, 0.6, -0.02, 0.04};
    private static final double SIGMA = 20;

    @Test
    void freeCoordinatesGiveBackTheta() {
        ProfileScale scale = new ProfileScale(DESIGN.randomTerms());
        double[] sdcor = scale.fromTheta(THETA, SIGMA);
        for (int held = -1; held < THETA.length; held++) {
            ProfileFactor f = new ProfileFactor(DESIGN.randomTerms(), held);
            double[] u = f.free(THETA);
            assertEquals(held < 0 ? 6 : 5, u.length);
            double[] theta = new double[THETA.length];
            assertTrue(f.theta(u, held < 0 ? 0 : sdcor[held], SIGMA, theta));
            assertArrayEquals(THETA, theta, 1e-12, "held " + held);
        }
    }

    @Test
    void heldValueIsTheOneObtained() {
        ProfileScale scale = new ProfileScale(DESIGN.randomTerms());
        double[] sdcor = scale.fromTheta(THETA, SIGMA);
        for (int held = 0; held < THETA.length; held++) {
            ProfileFactor f = new ProfileFactor(DESIGN.randomTerms(), held);
            double[] u = f.free(THETA);
            for (int i = 0; i < u.length; i++) {
                u[i] += 0.1 * (i + 1); // anywhere in the free coordinates
            }
            double value = scale.isStdDev(held) ? 0.5 * sdcor[held] : -0.9;
            double[] theta = new double[THETA.length];
            assertTrue(f.theta(u, value, SIGMA, theta));
            assertEquals(value, scale.fromTheta(theta, SIGMA)[held], 1e-12, "held " + held);
        }
    }

    @Test
    void correlationOfOneIsASingularCovariance() {
        ProfileFactor f = new ProfileFactor(DESIGN.randomTerms(), 1);
        double[] theta = new double[THETA.length];
        assertTrue(f.theta(f.free(THETA), 1.0, SIGMA, theta));
        assertEquals(1.0, new ProfileScale(DESIGN.randomTerms()).fromTheta(theta, SIGMA)[1], 1e-9);
        assertEquals(0.0, theta[3], 1e-6); // the second effect is a multiple of the first
    }
}
