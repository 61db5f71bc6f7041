package io.glimmer.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.error.InputException;
import io.glimmer.formula.Formula;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames longer than one block of {@link RowBlocks}: the model matrix, the rows dropped and the first infinite value
 * are the same as a row-by-row reading gives, with and without dropped rows (the no-drop path shares the columns).
 */
class LargeFrameTest {
    private static final int N = 3 * RowBlocks.BLOCK + 17;
    private static final String[] LEVELS = {"a", "b", "c"};

    private record Data(double[] y, double[] x, String[] g) {
        DataFrame frame() {
            return DataFrameBuilder.named("big.csv").numeric("y", y).numeric("x", x).categorical("g", g).build();
        }
    }

    private static Data data(long seed) {
        Random random = new Random(seed);
        double[] y = new double[N];
        double[] x = new double[N];
        String[] g = new String[N];
        for (int r = 0; r < N; r++) {
            y[r] = random.nextGaussian();
            x[r] = random.nextGaussian() * 10;
            g[r] = LEVELS[random.nextInt(LEVELS.length)];
        }
        return new Data(y, x, g);
    }

    /** Checks every cell exactly (products of the same doubles: no rounding to allow for). */
    private static void assertMatrix(Data d, int[] rows, ModelMatrix m) {
        assertEquals(List.of("(Intercept)", "x", "gb", "gc", "x:gb", "x:gc"), m.names());
        assertEquals(rows.length, m.rows());
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            double b = d.g()[r].equals("b") ? 1 : 0;
            double c = d.g()[r].equals("c") ? 1 : 0;
            double[] expected = {1, d.x()[r], b, c, d.x()[r] * b, d.x()[r] * c};
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], m.get(i, j), 0.0, "row " + r + ", column " + m.names().get(j));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noRowDropped(long seed) {
        Data d = data(seed);
        Formula f = Formula.parse("y ~ x * g + (1 | g)");
        ModelFrame frame = ModelFrame.of(d.frame(), f, null);
        assertEquals(N, frame.rows());
        assertEquals(0, frame.dropped());
        int[] all = java.util.stream.IntStream.range(0, N).toArray();
        assertArrayEquals(all, frame.keptRows());
        assertArrayEquals(d.x(), frame.numeric(new io.glimmer.formula.Expr.Variable("x")));
        assertMatrix(d, all, ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms()));
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void missingRowsInSeveralBlocks(long seed) {
        Data d = data(seed);
        Random random = new Random(seed);
        boolean[] drop = new boolean[N];
        for (int k = 0; k < 50; k++) {
            int r = random.nextInt(N);
            drop[r] = true;
            switch (k % 3) {
                case 0 -> d.y()[r] = Double.NaN;
                case 1 -> d.x()[r] = Double.NaN;
                default -> d.g()[r] = null;
            }
        }
        int[] kept = java.util.stream.IntStream.range(0, N).filter(r -> !drop[r]).toArray();
        Formula f = Formula.parse("y ~ x * g + (1 | g)");
        ModelFrame frame = ModelFrame.of(d.frame(), f, null);
        assertEquals(N - kept.length, frame.dropped());
        assertArrayEquals(kept, frame.keptRows());
        assertMatrix(d, kept, ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms()));
    }

    /** Two infinite values in different blocks (later block first in the seed's order too): the first row is named. */
    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9, 10})
    void firstInfiniteValueAcrossBlocks(long seed) {
        Random random = new Random(seed);
        Data d = data(seed);
        int first = RowBlocks.BLOCK + random.nextInt(RowBlocks.BLOCK);
        int later = 2 * RowBlocks.BLOCK + random.nextInt(N - 2 * RowBlocks.BLOCK);
        d.x()[later] = Double.POSITIVE_INFINITY;
        d.x()[first] = Double.NEGATIVE_INFINITY;
        boolean withDrop = seed % 2 == 0; // a dropped row before it: the data row is still the original one
        if (withDrop) {
            d.y()[random.nextInt(first)] = Double.NaN;
        }
        Formula f = Formula.parse("y ~ x + (1 | g)");
        InputException e = assertThrows(InputException.class, () -> ModelFrame.of(d.frame(), f, null));
        assertEquals("big.csv: 'x' is infinite (-Inf) at row " + (first + 1), e.getMessage());
    }
}
