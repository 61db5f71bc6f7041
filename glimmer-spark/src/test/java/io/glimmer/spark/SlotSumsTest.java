package io.glimmer.spark;

import io.glimmer.linalg.BlockSparse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The PIRLS passes' pair sums by global slot ({@link PairPattern}, {@link SlotSums}) give Z_i'Z_j exactly as
 * {@link PairSums} does (the crossed LMM's hash-keyed sums, checked against plain sums in PairSumsTest): the
 * same pattern and the same values to the bit, for rows split into any partitions merged in any order.
 */
class SlotSumsTest {
    private static final int ROW_LEVELS = 17;
    private static final int COL_LEVELS = 6;
    private static final int QI = 2;
    private static final int QJ = 1;
    private static final int[] LEVELS = {COL_LEVELS, ROW_LEVELS};

    /** A row: its two levels (i of term 1, j of term 0) and z values. */
    private record Row(int i, int j, double[] zi, double[] zj) {
        long key() {
            return (long) j * ROW_LEVELS + i;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void slotSumsAreThePairSumsWhateverThePartitioning(long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 2000; r++) { // not every pair of levels meets
            int i = random.nextInt(ROW_LEVELS);
            int j = (i % 4 == 0) ? 1 : random.nextInt(COL_LEVELS);
            rows.add(new Row(i, j, new double[]{1, Math.pow(10, random.nextInt(8)) * random.nextGaussian()}, new double[]{random.nextGaussian()}));
        }
        PairSums byHash = new PairSums(ROW_LEVELS, QI * QJ);
        for (Row r : rows) {
            byHash.add(r.i(), r.j(), r.zi(), 0, QI, r.zj(), 0, QJ);
        }
        BlockSparse expected = byHash.matrix(COL_LEVELS, QI, QJ);
        double[] reference = null;
        for (int trial = 0; trial < 5; trial++) {
            List<List<Row>> parts = split(rows, 1 + random.nextInt(7), random);
            PairPattern pattern = PairPattern.empty(LEVELS);
            for (List<Row> part : parts) {
                pattern = pattern.with(PairPattern.empty(LEVELS).with(keys(part)));
            }
            BlockSparse structure = pattern.structure(1, 0, QI, QJ);
            assertArrayEquals(expected.colStart(), structure.colStart());
            assertArrayEquals(expected.rowIndex(), structure.rowIndex());
            Collections.shuffle(parts, random);
            SlotSums total = SlotSums.none(QI * QJ);
            for (List<Row> part : parts) {
                total = total.plus(partSums(part, pattern));
            }
            double[] values = total.values(pattern.pairs(1, 0));
            assertArrayEquals(expected.values(), values, 0.0);
            if (reference != null) {
                assertArrayEquals(reference, values, 0.0);
            }
            reference = values;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void aPairOutsideThePatternIsRefused(long seed) {
        Random random = new Random(seed);
        long[] some = {random.nextInt(5), 5 + random.nextInt(5)};
        PairPattern pattern = PairPattern.empty(LEVELS).with(new long[][][]{{}, {some}});
        assertArrayEquals(new int[]{0, 1}, pattern.slotsOf(1, 0, some));
        assertThrows(IllegalStateException.class, () -> pattern.slotsOf(1, 0, new long[]{some[0] + 1 == some[1] ? 20 : some[0] + 1}));
    }

    private static List<List<Row>> split(List<Row> rows, int partitions, Random random) {
        List<List<Row>> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new ArrayList<>());
        }
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        for (Row r : shuffled) {
            parts.get(random.nextInt(partitions)).add(r);
        }
        return parts;
    }

    /** A block's sorted pair keys, as GlmmBlock keeps them ([1][0] for terms 1 and 0). */
    private static long[][][] keys(List<Row> part) {
        return new long[][][]{{}, {part.stream().mapToLong(Row::key).sorted().distinct().toArray()}};
    }

    /** A partition's sums: by its own slots (rows in their order), then placed by the pattern. */
    private static SlotSums partSums(List<Row> part, PairPattern pattern) {
        long[] own = keys(part)[1][0];
        CompensatedSums sums = new CompensatedSums(own.length * QI * QJ);
        for (Row r : part) {
            int at = Arrays.binarySearch(own, r.key()) * QI * QJ;
            for (int a = 0; a < QI; a++) {
                sums.add(at + a, r.zi()[a] * r.zj()[0]);
            }
        }
        return new SlotSums(QI * QJ, pattern.slotsOf(1, 0, own), sums);
    }
}
