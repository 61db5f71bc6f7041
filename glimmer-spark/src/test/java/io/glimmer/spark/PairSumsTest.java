package io.glimmer.spark;

import io.glimmer.linalg.BlockSparse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Z_i'Z_j of two crossed terms summed by PairSums is the plain sum by pair of levels, with the
 * pattern sorted as BlockSparse keeps it, and the same to the bit for rows in any order split into
 * any partitions merged in any order.
 */
class PairSumsTest {
    private static final int ROW_LEVELS = 13;
    private static final int COL_LEVELS = 5;
    private static final int QI = 2;
    private static final int QJ = 1;

    /** A row: its two levels and z values. */
    private record Row(int i, int j, double[] zi, double[] zj) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theSumsDoNotDependOnOrderOrPartitioning(long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 3000; r++) { // not every pair of levels meets
            int i = random.nextInt(ROW_LEVELS);
            int j = (i % 3 == 0) ? 0 : random.nextInt(COL_LEVELS);
            rows.add(new Row(i, j, new double[]{1, Math.pow(10, random.nextInt(8)) * random.nextGaussian()}, new double[]{random.nextGaussian()}));
        }
        BlockSparse reference = sum(rows, 1, random);
        double[][] plain = new double[ROW_LEVELS * COL_LEVELS][];
        for (Row r : rows) {
            double[] b = plain[r.j() * ROW_LEVELS + r.i()] == null ? (plain[r.j() * ROW_LEVELS + r.i()] = new double[QI * QJ])
                    : plain[r.j() * ROW_LEVELS + r.i()];
            for (int a = 0; a < QI; a++) {
                b[a] += r.zi()[a] * r.zj()[0];
            }
        }
        int stored = 0;
        for (int c = 0; c < COL_LEVELS; c++) {
            for (int k = reference.colStart()[c]; k < reference.colStart()[c + 1]; k++) {
                int row = reference.rowIndex()[k];
                if (k > reference.colStart()[c]) {
                    assertEquals(true, row > reference.rowIndex()[k - 1], "rows sorted within a column");
                }
                double[] b = plain[c * ROW_LEVELS + row];
                for (int a = 0; a < QI; a++) {
                    assertEquals(b[a], reference.values()[k * QI + a], 1e-9 * Math.max(1, Math.abs(b[a])));
                }
                stored++;
            }
        }
        long met = java.util.Arrays.stream(plain).filter(b -> b != null).count();
        assertEquals(met, stored);
        for (int trial = 0; trial < 4; trial++) {
            Collections.shuffle(rows, random);
            BlockSparse other = sum(rows, 1 + random.nextInt(7), random);
            assertArrayEquals(reference.colStart(), other.colStart());
            assertArrayEquals(reference.rowIndex(), other.rowIndex());
            assertArrayEquals(reference.values(), other.values(), 0.0);
        }
    }

    private static BlockSparse sum(List<Row> rows, int partitions, Random random) {
        List<PairSums> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new PairSums(ROW_LEVELS, QI * QJ));
        }
        for (Row r : rows) {
            parts.get(random.nextInt(partitions)).add(r.i(), r.j(), r.zi(), 0, QI, r.zj(), 0, QJ);
        }
        Collections.shuffle(parts, random);
        PairSums total = new PairSums(ROW_LEVELS, QI * QJ);
        for (PairSums p : parts) {
            total.merge(p);
        }
        return total.matrix(COL_LEVELS, QI, QJ);
    }
}
