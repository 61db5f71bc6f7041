package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cross-products of [Z₁ … Z_K F] against sums written out row by row, term by term, with the
 * expressions of their definition ((w a) b, rows in order), on seeded random designs with q = 1..3,
 * weights with zeros or none, after a first fill with other weights. Below one row chunk the sums must agree bit for bit; over several
 * chunks (merged in chunk order) to rounding.
 */
class CrossProductsTest {

    @ParameterizedTest(name = "seed {0}: {1} rows, levels {2}, q {3}, width {4}, weights {5}")
    @CsvSource({
            "1, 500, '30', '1', 3, true",
            "2, 800, '40;12', '1;1', 3, true",
            "3, 800, '40;12', '1;1', 3, false",
            "4, 600, '25;9;4', '1;2;1', 5, true",
            "5, 700, '20;6', '3;1', 2, true",
            "6, 400, '15;7', '2;2', 1, true",
            "7, 900, '50;20', '1;1', 9, true",
            "8, 40000, '300;80', '1;1', 3, true",
            "9, 40000, '200;50', '2;1', 4, false",
            "10, 3000, '60', '1', 30, true",
    })
    void matchesRowByRowSums(long seed, int n, String levelSpec, String qSpec, int width, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] levels = RandomTerms.parse(levelSpec);
        int[] qs = RandomTerms.parse(qSpec);
        int k = levels.length;
        GroupedColumns[] terms = new GroupedColumns[k];
        for (int t = 0; t < k; t++) {
            terms[t] = RandomTerms.term(n, levels[t], qs[t], rnd::nextInt,
                    a -> a == 0 && rnd.nextBoolean() ? 1 : rnd.nextGaussian());
        }
        double[] x = new double[n * (width - 1)];
        double[] last = new double[n];
        double[] w = weighted ? new double[n] : null;
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < width - 1; a++) {
                x[r * (width - 1) + a] = a == 0 ? 1 : rnd.nextGaussian() * 2;
            }
            last[r] = rnd.nextGaussian() * 3 + 1;
            if (weighted) {
                w[r] = rnd.nextInt(10) == 0 ? 0 : 0.1 + rnd.nextDouble();
            }
        }
        CrossProducts cp = CrossProducts.structure(terms, width);
        double[] earlier = new double[n]; // a refill must not keep anything of the previous one
        for (int r = 0; r < n; r++) {
            earlier[r] = rnd.nextDouble();
        }
        cp.compute(earlier, x, last);
        cp.compute(w, x, last);

        double tol = n <= 16_384 ? 0.0 : 1e-12; // one chunk: the same sums in the same order
        double[][] f = new double[n][width];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < width - 1; a++) {
                f[r][a] = x[r * (width - 1) + a];
            }
            f[r][width - 1] = last[r];
        }
        // F'WF (symmetric)
        DMatrixRMaj fd = cp.denseDiagonal();
        for (int a = 0; a < width; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                double scale = 0;
                for (int r = 0; r < n; r++) {
                    double wr = w == null ? 1 : w[r];
                    if (wr != 0) {
                        s += wr * f[r][a] * f[r][b];
                        scale += Math.abs(wr * f[r][a] * f[r][b]);
                    }
                }
                assertEquals(s, fd.get(a, b), tol * scale, "F'WF " + a + ", " + b);
                assertEquals(s, fd.get(b, a), tol * scale, "F'WF " + b + ", " + a);
            }
        }
        for (int t = 0; t < k; t++) {
            GroupedColumns g = terms[t];
            int q = g.q();
            double[] dv = new double[g.levels() * q * q];
            double[] dScale = new double[dv.length];
            double[][] fz = new double[width][g.columns()];
            double[][] fzScale = new double[width][g.columns()];
            for (int r = 0; r < n; r++) {
                double wr = w == null ? 1 : w[r];
                if (wr == 0) {
                    continue;
                }
                int level = g.codes()[r];
                for (int a = 0; a < q; a++) {
                    double za = g.z()[r * q + a];
                    for (int b = 0; b < q; b++) {
                        double v = wr * za * g.z()[r * q + b];
                        dv[level * q * q + a * q + b] += v;
                        dScale[level * q * q + a * q + b] += Math.abs(v);
                    }
                    for (int c = 0; c < width; c++) {
                        double v = wr * f[r][c] * za;
                        fz[c][level * q + a] += v;
                        fzScale[c][level * q + a] += Math.abs(v);
                    }
                }
            }
            double[] got = cp.diagonal(t).values();
            for (int i = 0; i < dv.length; i++) {
                assertEquals(dv[i], got[i], tol * dScale[i], "Z'WZ of term " + t + " at " + i);
            }
            DMatrixRMaj gotFz = cp.denseByTerm(t);
            for (int c = 0; c < width; c++) {
                for (int col = 0; col < g.columns(); col++) {
                    assertEquals(fz[c][col], gotFz.get(c, col), tol * fzScale[c][col], "F'WZ of term " + t);
                }
            }
        }
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                checkOffDiagonal(cp.offDiagonal(i, j), terms[i], terms[j], w, n, tol);
            }
        }
    }

    private static void checkOffDiagonal(BlockSparse s, GroupedColumns ti, GroupedColumns tj, double[] w, int n, double tol) {
        int qi = ti.q();
        int qj = tj.q();
        double[][] sum = new double[ti.levels() * qi][tj.levels() * qj];
        double[][] scale = new double[ti.levels() * qi][tj.levels() * qj];
        for (int r = 0; r < n; r++) {
            double wr = w == null ? 1 : w[r];
            if (wr == 0) {
                continue;
            }
            for (int a = 0; a < qi; a++) {
                for (int b = 0; b < qj; b++) {
                    double v = wr * ti.z()[r * qi + a] * tj.z()[r * qj + b];
                    sum[ti.codes()[r] * qi + a][tj.codes()[r] * qj + b] += v;
                    scale[ti.codes()[r] * qi + a][tj.codes()[r] * qj + b] += Math.abs(v);
                }
            }
        }
        for (int c = 0; c < s.blockCols(); c++) {
            for (int p = s.colStart()[c]; p < s.colStart()[c + 1]; p++) {
                int row = s.rowIndex()[p];
                for (int a = 0; a < qi; a++) {
                    for (int b = 0; b < qj; b++) {
                        double expected = sum[row * qi + a][c * qj + b];
                        assertEquals(expected, s.values()[p * qi * qj + a * qj + b], tol * scale[row * qi + a][c * qj + b],
                                "Z_i'WZ_j block " + row + ", " + c);
                    }
                }
            }
        }
    }
}
