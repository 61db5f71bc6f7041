package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MirroredStartsTest {
    private static final double[] CENTER = {0.8, 0.3, -1.0};
    private static final double[][] MODES = {{1.0, -0.5, 2.0, 0.25}};
    private static final double[][] LAMBDA = {{0.5, 0, 0.2, 0.4}}; // one term, q = 2, two levels

    /** u = Λb per level for the q = 2 term. */
    private static double[] u(double[] b, double[] lambda) {
        double[] u = new double[b.length];
        for (int base = 0; base < b.length; base += 2) {
            u[base] = lambda[0] * b[base];
            u[base + 1] = lambda[2] * b[base] + lambda[3] * b[base + 1];
        }
        return u;
    }

    @Test
    void theMirrorImageStartsFromTwiceTheCentreMinusThePreviousRandomEffects() {
        MirroredStarts starts = new MirroredStarts(CENTER, MODES, LAMBDA);
        double h = 1e-4;
        double[] plus = {CENTER[0] + h, CENTER[1], CENTER[2] + h};
        double[] minus = {CENTER[0] - h, CENTER[1], CENTER[2] - h};
        MirroredStarts.Start first = starts.startFor(plus);
        assertEquals(MODES.length, first.b().length);
        assertArrayEquals(MODES[0], first.b()[0], 0);
        double[][] found = {{1.1, -0.4, 2.2, 0.2}};
        double[][] lambdaFound = {{0.6, 0, 0.1, 0.5}};
        starts.found(plus, found, lambdaFound);
        MirroredStarts.Start mirrored = starts.startFor(minus);
        double[] expected = u(MODES[0], LAMBDA[0]);
        double[] previous = u(found[0], lambdaFound[0]);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 2 * expected[i] - previous[i];
        }
        assertArrayEquals(expected, u(mirrored.b()[0], mirrored.lambda()[0]), 1e-15);
    }

    @Test
    void otherPointsStartFromTheCentre() {
        MirroredStarts starts = new MirroredStarts(CENTER, MODES, LAMBDA);
        double[] plus = {CENTER[0] + 1e-4, CENTER[1], CENTER[2]};
        starts.found(plus, new double[][]{{9, 9, 9, 9}}, LAMBDA);
        double[] elsewhere = {CENTER[0], CENTER[1] + 1e-4, CENTER[2]};
        assertArrayEquals(MODES[0], starts.startFor(elsewhere).b()[0], 0);
        assertArrayEquals(LAMBDA[0], starts.startFor(elsewhere).lambda()[0], 0);
        assertArrayEquals(MODES[0], starts.startFor(CENTER).b()[0], 0); // the centre is no mirror image
        starts.found(plus, null, LAMBDA); // PIRLS failed there: nothing to mirror
        assertArrayEquals(MODES[0], starts.startFor(new double[]{CENTER[0] - 1e-4, CENTER[1], CENTER[2]}).b()[0], 0);
    }
}
