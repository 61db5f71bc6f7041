package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked factorisation against a plain dense Cholesky of the same penalised system, on random
 * designs with one to three crossed or nested terms of q = 1..3 effects per level, including dense
 * blocks large enough for the blocked kernels. Cases marked "negative" give one row a negative weight
 * and a large response, as a GLMM's observed information can: the (b, β) blocks stay positive definite
 * while the penalised residual r² is negative, and the factor must still serve them.
 */
class BlockedCholeskyTest {

    @ParameterizedTest(name = "seed {0}: levels {1}, q {2}, negative weight {3}")
    @CsvSource({
            "1, '12', '1', false",
            "2, '9', '2', false",
            "3, '15;4', '1;1', false",
            "4, '10;6', '2;1', false",
            "5, '8;5', '1;3', false",
            "6, '20;7;3', '1;2;1', false",
            "7, '6;6;6', '2;2;2', false",
            "8, '30;10', '1;1', false",
            "9, '150;90', '1;1', false",
            "10, '120;70;66', '1;1;1', false",
            "11, '100;40', '1;2', false",
            "12, '80;70', '2;2', false",
            "13, '15;4', '1;1', true",
            "14, '30;10', '1;1', true",
            "15, '10;6', '2;1', true",
    })
    void matchesDenseFactorisation(long seed, String levelSpec, String qSpec, boolean negative) {
        Random rnd = new Random(seed);
        RandomTerms random = new RandomTerms(rnd, levelSpec, qSpec);
        GroupedColumns[] terms = random.terms;
        double[][] lambda = random.lambda;
        int k = terms.length;
        int n = random.n; // dense blocks above DenseCholesky.BLOCK take the blocked kernels
        int width = 3; // two fixed columns and the response
        double[] f = new double[n * width];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            f[r * width] = 1;
            f[r * width + 1] = rnd.nextGaussian();
            f[r * width + 2] = rnd.nextGaussian() * 3 + 1;
            w[r] = 0.5 + rnd.nextDouble();
        }
        if (negative) {
            w[0] = -0.3;
            f[2] = 1000;
        }
        CrossProducts cp = CrossProducts.structure(terms, width);
        cp.compute(w, f);
        BlockedCholesky chol = new BlockedCholesky(cp);
        assertTrue(chol.factor(lambda));

        // Dense reference: M = [ZΛ F]' W [ZΛ F] + diag(I, 0)
        int qTotal = 0;
        int[] start = new int[k];
        for (int t = 0; t < k; t++) {
            start[t] = qTotal;
            qTotal += terms[t].columns();
        }
        int dim = qTotal + width;
        double[][] rows = new double[n][dim];
        for (int r = 0; r < n; r++) {
            for (int t = 0; t < k; t++) {
                int q = terms[t].q();
                int level = terms[t].codes()[r];
                for (int c = 0; c < q; c++) { // (z' λ)_c = Σ_a z_a λ_ac
                    double s = 0;
                    for (int a = c; a < q; a++) {
                        s += terms[t].z()[r * q + a] * lambda[t][a * q + c];
                    }
                    rows[r][start[t] + level * q + c] = s;
                }
            }
            for (int c = 0; c < width; c++) {
                rows[r][qTotal + c] = f[r * width + c];
            }
        }
        double[][] m = new double[dim][dim];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    m[a][b] += w[r] * rows[r][a] * rows[r][b];
                }
            }
        }
        for (int a = 0; a < qTotal; a++) {
            m[a][a] += 1;
        }
        double[][] lead = new double[dim - 1][dim - 1];
        for (int a = 0; a < dim - 1; a++) {
            System.arraycopy(m[a], 0, lead[a], 0, dim - 1);
        }
        double[][] l = denseCholesky(lead);
        double logDetZ = 0;
        for (int a = 0; a < qTotal; a++) {
            logDetZ += 2 * Math.log(l[a][a]);
        }
        assertEquals(logDetZ, chol.logDetRandom(), 1e-9 * Math.abs(logDetZ) + 1e-9);
        assertEquals(2 * (Math.log(l[qTotal][qTotal]) + Math.log(l[qTotal + 1][qTotal + 1])), chol.logDetDense(2), 1e-9);

        // Solution of the normal equations for (b, β) from the dense system.
        double[] rhs = new double[dim - 1];
        for (int a = 0; a < dim - 1; a++) {
            rhs[a] = m[a][dim - 1];
        }
        double[] x = solveSpd(m, dim - 1, rhs);
        double r2 = m[dim - 1][dim - 1];
        for (int a = 0; a < dim - 1; a++) {
            r2 -= rhs[a] * x[a];
        }
        double pivot = chol.denseFactor().get(width - 1, width - 1);
        if (negative) {
            assertTrue(r2 < 0, "the case should make r² negative: " + r2);
            assertTrue(Double.isNaN(pivot), "pivot " + pivot);
        } else {
            assertEquals(r2, pivot * pivot, 1e-9 * r2);
        }
        double[] beta = new double[width - 1];
        double[][] spherical = new double[k][];
        for (int t = 0; t < k; t++) {
            spherical[t] = new double[terms[t].columns()];
        }
        chol.solve(beta, spherical);
        for (int j = 0; j < width - 1; j++) {
            assertEquals(x[qTotal + j], beta[j], 1e-8 * (1 + Math.abs(x[qTotal + j])), "beta " + j);
        }
        for (int t = 0; t < k; t++) {
            for (int c = 0; c < terms[t].columns(); c++) {
                assertEquals(x[start[t] + c], spherical[t][c], 1e-8 * (1 + Math.abs(x[start[t] + c])), "b term " + t + " col " + c);
            }
        }
    }

    private static double[][] denseCholesky(double[][] m) {
        double[][] l = SmallBlocks.cholesky(m);
        assertNotNull(l, "not positive definite");
        return l;
    }

    /** Solves the leading size × size block of m against rhs by dense Cholesky. */
    private static double[] solveSpd(double[][] m, int size, double[] rhs) {
        double[][] sub = new double[size][size];
        for (int a = 0; a < size; a++) {
            System.arraycopy(m[a], 0, sub[a], 0, size);
        }
        double[][] l = denseCholesky(sub);
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            double s = rhs[i];
            for (int t = 0; t < i; t++) {
                s -= l[i][t] * y[t];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[size];
        for (int i = size - 1; i >= 0; i--) {
            double s = y[i];
            for (int t = i + 1; t < size; t++) {
                s -= l[t][i] * x[t];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
