package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blocked dense kernels against the plain loops of {@link SmallBlocks}: the same factor to
 * rounding for sizes around and well above the panel width, exactly the same below it, and the
 * parallel update bit for bit equal to the sequential one.
 */
class DenseCholeskyTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 5, 63, 64, 65, 127, 129, 300, 700})
    void factorMatchesPlainCholesky(int n) {
        int stride = n + 3; // a block inside a wider array
        double[] a = spd(new Random(n), n, stride);
        double[] expected = a.clone();
        assertTrue(SmallBlocks.cholesky(expected, 0, n, stride));
        double[] actual = a.clone();
        assertTrue(new DenseCholesky().factor(actual, 0, n, stride));
        if (n <= DenseCholesky.BLOCK) {
            assertArrayEquals(expected, actual, 0.0);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = j <= i ? expected[i * stride + j] : 0;
                assertEquals(e, actual[i * stride + j], 1e-12 * (1 + Math.abs(e)), "L[" + i + "][" + j + "]");
            }
            for (int j = n; j < stride; j++) {
                assertEquals(a[i * stride + j], actual[i * stride + j], 0.0, "outside the block");
            }
        }
    }

    @Test
    void blockDiagonalMatrixAsNestedTermsGiveIt() {
        int n = 300;
        Random rnd = new Random(11);
        double[] a = new double[n * n];
        for (int b = 0; b < n; b += 3) { // 3 × 3 SPD blocks on the diagonal, zeros elsewhere
            double[] block = spd(rnd, 3, 3);
            for (int i = 0; i < 3; i++) {
                System.arraycopy(block, i * 3, a, (b + i) * n + b, 3);
            }
        }
        double[] expected = a.clone();
        assertTrue(SmallBlocks.cholesky(expected, 0, n));
        double[] actual = a.clone();
        assertTrue(new DenseCholesky().factor(actual, 0, n, n));
        assertArrayEquals(expected, actual, 1e-14);
    }

    @Test
    void notPositiveDefiniteIsReported() {
        int n = 200;
        double[] a = spd(new Random(1), n, n);
        a[150 * n + 150] = -1;
        assertFalse(new DenseCholesky().factor(a, 0, n, n));
    }

    @ParameterizedTest(name = "rows = {0}")
    @ValueSource(ints = {1, 3, 64, 70, 200})
    void solveMatchesPlainSolve(int rows) {
        int n = 150;
        Random rnd = new Random(rows);
        double[] l = spd(rnd, n, n);
        assertTrue(SmallBlocks.cholesky(l, 0, n));
        int stride = n + 2;
        double[] b = new double[rows * stride];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] expected = b.clone();
        SmallBlocks.solveRightLowerTranspose(expected, 0, rows, stride, l, 0, n);
        double[] actual = b.clone();
        new DenseCholesky().solveRightLowerTranspose(actual, 0, rows, stride, l, 0, n, n);
        for (int i = 0; i < b.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * (1 + Math.abs(expected[i])));
        }
    }

    @Test
    void lowerProductMatchesPlainProduct() {
        int n = 130;
        int k = 150;
        Random rnd = new Random(7);
        double[] a = new double[n * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        double[] c = spd(rnd, n, n);
        double[] actual = c.clone();
        new DenseCholesky().subtractLowerProduct(actual, n, a, k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i * n + j];
                for (int t = 0; t < k; t++) {
                    s -= a[i * k + t] * a[j * k + t];
                }
                assertEquals(s, actual[i * n + j], 1e-11 * (1 + Math.abs(s)));
            }
        }
    }

    @Test
    void parallelUpdateEqualsSequentialUpdate() {
        int m = 700; // enough work to be split into chunks
        int w = 64;
        Random rnd = new Random(3);
        double[][] p = new double[w][m];
        for (double[] row : p) {
            for (int i = 0; i < m; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        double[] c = spd(rnd, m, m);
        double[] sequential = c.clone();
        LowerUpdate.rows(sequential, 0, m, m, p, w, 0, m);
        double[] split = c.clone();
        LowerUpdate.subtract(split, 0, m, m, p, w);
        assertArrayEquals(sequential, split, 0.0);
    }

    /** A random symmetric positive definite n × n matrix in a row-major array of row stride ≥ n. */
    static double[] spd(Random rnd, int n, int stride) {
        int k = n + 5;
        double[] g = new double[n * k];
        for (int i = 0; i < g.length; i++) {
            g[i] = rnd.nextGaussian();
        }
        double[] a = new double[n * stride];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < stride; j++) {
                if (j >= n) {
                    a[i * stride + j] = 99; // must stay untouched
                    continue;
                }
                double s = i == j ? n : 0;
                for (int t = 0; t < k; t++) {
                    s += g[i * k + t] * g[j * k + t];
                }
                a[i * stride + j] = s;
            }
        }
        return a;
    }
}
