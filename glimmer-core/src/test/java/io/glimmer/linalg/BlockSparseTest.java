package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The products of {@link BlockSparse} that the factorisation and its solve use, M − D S' and b − S'x,
 * against the same products of S written out densely, on seeded random patterns of scalar and of
 * q × q blocks.
 */
class BlockSparseTest {

    @ParameterizedTest(name = "seed {0}: {1} x {2} blocks of {3} x {4}, density {5}, dense rows {6}")
    @CsvSource({
            "1, 1, 1, 1, 1, 1.0, 1",
            "2, 40, 100, 1, 1, 0.2, 3",
            "3, 24, 316, 1, 1, 1.0, 8",
            "4, 50, 30, 2, 1, 0.3, 4",
            "5, 20, 25, 1, 2, 0.3, 2",
            "6, 15, 12, 2, 3, 0.5, 5",
            "7, 300, 900, 1, 1, 0.05, 2",
    })
    void productsMatchDense(long seed, int blockRows, int blockCols, int qr, int qc, double density, int denseRows) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BlockSparse s = randomPattern(rnd, blockRows, blockCols, qr, qc, density);
        int rows = blockRows * qr;
        int cols = blockCols * qc;
        double[][] sd = new double[rows][cols];
        for (int c = 0; c < blockCols; c++) {
            for (int p = s.colStart()[c]; p < s.colStart()[c + 1]; p++) {
                for (int a = 0; a < qr; a++) {
                    for (int t = 0; t < qc; t++) {
                        sd[s.rowIndex()[p] * qr + a][c * qc + t] = s.values()[p * qr * qc + a * qc + t];
                    }
                }
            }
        }

        // M ← M − D S'
        DMatrixRMaj d = new DMatrixRMaj(denseRows, cols);
        DMatrixRMaj m = new DMatrixRMaj(denseRows, rows);
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = rnd.nextDouble() * 2 - 1;
        }
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextDouble() * 2 - 1;
        }
        DMatrixRMaj start = m.copy();
        BlockSparse.subtractDenseProduct(d, s, m);
        for (int r = 0; r < denseRows; r++) {
            for (int i = 0; i < rows; i++) {
                double expected = start.get(r, i);
                double scale = Math.abs(expected);
                for (int c = 0; c < cols; c++) {
                    expected -= d.get(r, c) * sd[i][c];
                    scale += Math.abs(d.get(r, c) * sd[i][c]);
                }
                assertEquals(expected, m.get(r, i), 1e-14 * (1 + scale), "M − D S' at " + r + ", " + i);
            }
        }

        // b ← b − S' x
        double[] x = new double[rows];
        double[] b = new double[cols];
        for (int i = 0; i < rows; i++) {
            x[i] = rnd.nextGaussian();
        }
        for (int c = 0; c < cols; c++) {
            b[c] = rnd.nextGaussian();
        }
        double[] b0 = b.clone();
        BlockSparse.subtractTransposeTimes(s, x, b);
        for (int c = 0; c < cols; c++) {
            double expected = b0[c];
            double scale = Math.abs(expected);
            for (int i = 0; i < rows; i++) {
                expected -= sd[i][c] * x[i];
                scale += Math.abs(sd[i][c] * x[i]);
            }
            assertEquals(expected, b[c], 1e-14 * (1 + scale), "b − S'x at " + c);
        }
    }

    /** Blocks present with the given probability, rows sorted within each block column, values in (−1, 1). */
    static BlockSparse randomPattern(SplittableRandom rnd, int blockRows, int blockCols, int qr, int qc, double density) {
        int[] colStart = new int[blockCols + 1];
        List<Integer> rowIndex = new ArrayList<>();
        for (int c = 0; c < blockCols; c++) {
            for (int r = 0; r < blockRows; r++) {
                if (rnd.nextDouble() < density) {
                    rowIndex.add(r);
                }
            }
            colStart[c + 1] = rowIndex.size();
        }
        double[] values = new double[rowIndex.size() * qr * qc];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextDouble() * 2 - 1;
        }
        return new BlockSparse(blockRows, blockCols, qr, qc, colStart, rowIndex.stream().mapToInt(Integer::intValue).toArray(), values);
    }
}
