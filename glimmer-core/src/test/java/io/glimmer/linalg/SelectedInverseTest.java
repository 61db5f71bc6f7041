package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The diagonal blocks of (Λ'Z'WZΛ + I)⁻¹ read from the blocked factor, against a dense inverse. */
class SelectedInverseTest {

    @ParameterizedTest(name = "seed {0}: levels {1}, q {2}")
    @CsvSource({
            "1, '12', '2'",
            "2, '15;4', '1;1'",
            "3, '10;6', '2;1'",
            "4, '8;5', '1;3'",
            "5, '20;7;3', '1;2;1'",
            "6, '150;90', '1;1'",
            "7, '120;70;30', '1;1;2'",
            "8, '60;40;35', '2;1;2'",
    })
    void matchesDenseInverse(long seed, String levelSpec, String qSpec) {
        Random rnd = new Random(seed);
        RandomTerms random = new RandomTerms(rnd, levelSpec, qSpec);
        GroupedColumns[] terms = random.terms;
        double[][] lambda = random.lambda;
        int k = terms.length;
        int n = random.n;
        int[] start = new int[k];
        int qTotal = 0;
        for (int t = 0; t < k; t++) {
            start[t] = qTotal;
            qTotal += terms[t].columns();
        }
        double[] f = new double[n];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            f[r] = rnd.nextGaussian();
            w[r] = 0.5 + rnd.nextDouble();
        }
        CrossProducts cp = CrossProducts.structure(terms, 1);
        cp.compute(w, f);
        BlockedCholesky chol = new BlockedCholesky(cp);
        assertTrue(chol.factor(lambda));
        double[][][] blocks = SelectedInverse.diagonalBlocks(chol);

        RealMatrix a = MatrixUtils.createRealIdentityMatrix(qTotal);
        double[] row = new double[qTotal];
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(row, 0);
            for (int t = 0; t < k; t++) {
                int q = terms[t].q();
                int level = terms[t].codes()[r];
                for (int c = 0; c < q; c++) { // (z' λ)_c
                    double s = 0;
                    for (int x = c; x < q; x++) {
                        s += terms[t].z()[r * q + x] * lambda[t][x * q + c];
                    }
                    row[start[t] + level * q + c] = s;
                }
            }
            for (int x = 0; x < qTotal; x++) {
                if (row[x] != 0) {
                    for (int y = 0; y < qTotal; y++) {
                        if (row[y] != 0) {
                            a.addToEntry(x, y, w[r] * row[x] * row[y]);
                        }
                    }
                }
            }
        }
        RealMatrix inverse = new CholeskyDecomposition(a, 1e-12, 1e-14).getSolver().getInverse();
        for (int t = 0; t < k; t++) {
            int q = terms[t].q();
            for (int l = 0; l < terms[t].levels(); l++) {
                for (int x = 0; x < q; x++) {
                    for (int y = 0; y < q; y++) {
                        double expected = inverse.getEntry(start[t] + l * q + x, start[t] + l * q + y);
                        assertEquals(expected, blocks[t][l][x * q + y], 1e-11, "term " + t + " level " + l + " (" + x + "," + y + ")");
                    }
                }
            }
        }
    }
}
