package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-level products and solves with a small lower-triangular Λ, against the sums written out. */
class SmallBlocksTest {

    @ParameterizedTest(name = "q = {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void multiplyThenSolveRecoversEachRow(int q) {
        SplittableRandom rnd = new SplittableRandom(q);
        int rows = 7;
        double[] l = new double[q * q];
        for (int a = 0; a < q; a++) {
            for (int t = 0; t <= a; t++) {
                l[a * q + t] = a == t ? 0.5 + rnd.nextDouble() : rnd.nextGaussian();
            }
        }
        double[] b = new double[rows * q];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] u = new double[b.length];
        SmallBlocks.multiplyRightLowerTranspose(b, rows, l, q, u);
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < q; a++) {
                double expected = 0;
                for (int t = 0; t < q; t++) {
                    expected += l[a * q + t] * b[r * q + t]; // the upper triangle of l is zero
                }
                assertEquals(expected, u[r * q + a], 1e-14, "row " + r + ", column " + a);
            }
        }
        SmallBlocks.solveRightLowerTranspose(u, 0, rows, q, l, 0, q);
        for (int i = 0; i < b.length; i++) {
            assertEquals(b[i], u[i], 1e-12 * (1 + Math.abs(b[i])), "entry " + i);
        }
        double[] x = new double[q];
        System.arraycopy(b, 0, x, 0, q);
        double[] lx = new double[q];
        SmallBlocks.multiplyRightLowerTranspose(x, 1, l, q, lx);
        SmallBlocks.solveLower(l, 0, q, lx, 0);
        for (int a = 0; a < q; a++) {
            assertEquals(x[a], lx[a], 1e-12 * (1 + Math.abs(x[a])), "solveLower " + a);
        }
    }
}
