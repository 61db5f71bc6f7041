package io.glimmer.spark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same terms in any order, split into any partitions merged in any order, give the same sum to the bit. */
class CompensatedSumsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theSumDoesNotDependOnOrderOrPartitioning(long seed) {
        Random random = new Random(seed);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // wide magnitudes and cancellation: what y'y and X'y of uncentred data look like
            terms.add((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(12)) * random.nextDouble());
        }
        double reference = sum(terms, 1, random);
        for (int trial = 0; trial < 5; trial++) {
            Collections.shuffle(terms, random);
            assertEquals(reference, sum(terms, 1 + random.nextInt(9), random), 0.0);
        }
    }

    private static double sum(List<Double> terms, int partitions, Random random) {
        List<CompensatedSums> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new CompensatedSums(1));
        }
        for (double t : terms) {
            parts.get(random.nextInt(partitions)).add(0, t);
        }
        Collections.shuffle(parts, random);
        CompensatedSums total = new CompensatedSums(1);
        for (CompensatedSums p : parts) {
            total.merge(p);
        }
        return total.get(0);
    }
}
