package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The banded fill-in against a dense D − S S' computed from S written out densely, on seeded random
 * patterns (empty rows and columns included, and sizes large enough to run in parallel chunks), and
 * bit for bit against the column-wise {@link BlockSparse#subtractLowerProduct}.
 */
class ScalarFillInTest {

    @ParameterizedTest(name = "seed {0}: {1} x {2}, density {3}")
    @CsvSource({
            "1, 1, 1, 1.0",
            "2, 5, 3, 0.5",
            "3, 24, 316, 1.0",
            "4, 40, 100, 0.05",
            "5, 120, 300, 0.2",
            "6, 300, 800, 0.3",
            "7, 400, 1000, 0.22",
            "8, 50, 2000, 0.01",
    })
    void matchesDenseProduct(long seed, int rows, int cols, double density) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BlockSparse s = randomPattern(rnd, rows, cols, density);
        double[][] dense = new double[rows][cols];
        for (int c = 0; c < cols; c++) {
            for (int x = s.colStart()[c]; x < s.colStart()[c + 1]; x++) {
                dense[s.rowIndex()[x]][c] = s.values()[x];
            }
        }
        DMatrixRMaj d = new DMatrixRMaj(rows, rows);
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = rnd.nextDouble() * 4 - 2;
        }
        DMatrixRMaj columnWise = d.copy();
        DMatrixRMaj start = d.copy();

        new ScalarFillIn(s).subtract(s, d);
        BlockSparse.subtractLowerProduct(s, columnWise);

        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                if (j > i) {
                    assertEquals(start.get(i, j), d.get(i, j), 0.0, "upper triangle untouched");
                    continue;
                }
                double expected = start.get(i, j);
                double scale = Math.abs(expected);
                for (int c = 0; c < cols; c++) {
                    expected -= dense[i][c] * dense[j][c];
                    scale += Math.abs(dense[i][c] * dense[j][c]);
                }
                assertEquals(expected, d.get(i, j), 1e-14 * (1 + scale), "entry " + i + ", " + j);
                assertEquals(columnWise.get(i, j), d.get(i, j), 0.0, "same sums as column-wise, entry " + i + ", " + j);
            }
        }
    }

    /** Entries present with the given probability, rows sorted within each column, values in (−1, 1). */
    static BlockSparse randomPattern(SplittableRandom rnd, int rows, int cols, double density) {
        int[] colStart = new int[cols + 1];
        List<Integer> rowIndex = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                if (rnd.nextDouble() < density) {
                    rowIndex.add(r);
                }
            }
            colStart[c + 1] = rowIndex.size();
        }
        double[] values = new double[rowIndex.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextDouble() * 2 - 1;
        }
        return new BlockSparse(rows, cols, 1, 1, colStart, rowIndex.stream().mapToInt(Integer::intValue).toArray(), values);
    }
}
