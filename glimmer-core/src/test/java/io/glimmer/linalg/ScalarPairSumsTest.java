package io.glimmer.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Slot-by-slot sums of Z_i'WZ_j for scalar terms against the chunked row-by-row pass they replace
 * (each chunk's sums from 0 in row order into its own array, arrays added in chunk order): equal bit
 * for bit, on seeded random data with unit or random z, weights with zeros or none, 1..8 chunks,
 * slots numbered at random.
 */
class ScalarPairSumsTest {

    @ParameterizedTest(name = "seed {0}: {1} rows, levels {2} x {3}, chunks {4}, unit z {5}, weights {6}")
    @CsvSource({
            "1, 500, 30, 12, 1, true, true",
            "2, 5000, 100, 40, 3, true, true",
            "3, 5000, 100, 40, 3, false, true",
            "4, 20000, 300, 80, 6, true, false",
            "5, 20000, 300, 80, 8, false, false",
            "6, 50000, 1000, 400, 6, true, true",
            "7, 7, 3, 2, 4, false, true",
    })
    void equalsChunkedRowByRowSums(long seed, int n, int mi, int mj, int chunks, boolean unit, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ci = new int[n];
        int[] cj = new int[n];
        double[] zi = new double[n];
        double[] zj = new double[n];
        double[] w = weighted ? new double[n] : null;
        for (int r = 0; r < n; r++) {
            ci[r] = rnd.nextInt(mi);
            cj[r] = rnd.nextInt(mj);
            zi[r] = unit ? 1 : rnd.nextGaussian();
            zj[r] = unit ? 1 : rnd.nextGaussian();
            if (weighted) {
                w[r] = rnd.nextInt(10) == 0 ? 0 : 0.1 + rnd.nextDouble();
            }
        }
        GroupedColumns ti = new GroupedColumns(mi, 1, ci, zi);
        GroupedColumns tj = new GroupedColumns(mj, 1, cj, zj);
        int[] slot = new int[n];
        int[] slotOfPair = new int[mi * mj];
        Arrays.fill(slotOfPair, -1);
        int slots = 0;
        for (int r = 0; r < n; r++) {
            int pair = ci[r] * mj + cj[r];
            if (slotOfPair[pair] < 0) {
                slotOfPair[pair] = slots++;
            }
            slot[r] = slotOfPair[pair];
        }
        int[] relabel = new int[slots]; // shuffled slot numbers: the sums must not depend on them
        for (int s = 0; s < slots; s++) {
            relabel[s] = s;
        }
        for (int s = slots - 1; s > 0; s--) {
            int t = rnd.nextInt(s + 1);
            int h = relabel[s];
            relabel[s] = relabel[t];
            relabel[t] = h;
        }
        for (int r = 0; r < n; r++) {
            slot[r] = relabel[slot[r]];
        }
        int[] bounds = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            bounds[c] = (int) ((long) n * c / chunks);
        }

        double[] expected = new double[slots];
        for (int c = 0; c < chunks; c++) {
            double[] partial = new double[slots];
            for (int r = bounds[c]; r < bounds[c + 1]; r++) {
                double wr = w == null ? 1.0 : w[r];
                if (wr != 0) {
                    double za = wr * zi[r];
                    partial[slot[r]] += za * zj[r];
                }
            }
            for (int s = 0; s < slots; s++) {
                expected[s] += partial[s];
            }
        }

        double[] actual = new double[slots];
        Arrays.fill(actual, Double.NaN); // every slot must be written
        new ScalarPairSums(ti, tj, slot, slots).sum(w, bounds, actual);
        for (int s = 0; s < slots; s++) {
            assertEquals(Double.doubleToRawLongBits(expected[s]), Double.doubleToRawLongBits(actual[s]),
                    "slot " + s + ": " + expected[s] + " vs " + actual[s]);
        }
    }
}
