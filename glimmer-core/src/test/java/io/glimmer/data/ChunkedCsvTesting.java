package io.glimmer.data;

import io.glimmer.error.InputException;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checks that the parallel reader ({@link ChunkedCsv}) agrees with the sequential one, cut into any number of chunks. */
final class ChunkedCsvTesting {
    /** Chunk counts to try: one, a few, and more than most test texts have lines (so cuts fall everywhere). */
    static final int[] CHUNKS = {1, 2, 3, 5, 8, 40};

    private ChunkedCsvTesting() {
    }

    /**
     * Every chunk count gives the expected frame (the sequential reader's) or declines, and reading the bytes as a
     * stream gives it; whether the parallel reader read it itself.
     */
    static boolean assertChunkedReadsAs(DataFrame expected, byte[] bytes, CsvOptions options) {
        boolean read = false;
        for (int chunks : CHUNKS) {
            DataFrame chunked = ChunkedCsv.read(bytes, bytes.length, expected.source(), options, chunks);
            if (chunked != null) { // declined is allowed: the sequential reader then reads it
                assertSameFrame(expected, chunked, chunks + " chunks");
                read = true;
            }
        }
        assertSameFrame(expected, CsvReader.read(new ByteArrayInputStream(bytes), expected.source(), options), "stream");
        return read;
    }

    /** No chunk count gives a frame for bytes the sequential reader rejects, and the stream fails with its message. */
    static void assertChunkedDeclines(InputException sequential, byte[] bytes, CsvOptions options) {
        for (int chunks : CHUNKS) {
            assertNull(ChunkedCsv.read(bytes, bytes.length, CsvTesting.SOURCE, options, chunks), chunks + " chunks");
        }
        InputException e = assertThrows(InputException.class,
                () -> CsvReader.read(new ByteArrayInputStream(bytes), CsvTesting.SOURCE, options));
        assertEquals(sequential.getMessage(), e.getMessage());
    }

    /** Same names, types, values (bit for bit, NaN where missing), levels and codes. */
    static void assertSameFrame(DataFrame expected, DataFrame actual, String what) {
        assertEquals(expected.names(), actual.names(), what);
        assertEquals(expected.rows(), actual.rows(), what);
        assertEquals(expected.source(), actual.source(), what);
        for (String name : expected.names()) {
            Column e = expected.column(name);
            Column a = actual.column(name);
            if (e instanceof NumericColumn n) {
                NumericColumn m = assertInstanceOf(NumericColumn.class, a, what + ": " + name);
                for (int r = 0; r < n.size(); r++) {
                    assertEquals(Double.doubleToLongBits(n.get(r)), Double.doubleToLongBits(m.get(r)), what + ": " + name + " row " + r);
                }
            } else {
                CategoricalColumn c = (CategoricalColumn) e;
                CategoricalColumn d = assertInstanceOf(CategoricalColumn.class, a, what + ": " + name);
                assertEquals(c.levels(), d.levels(), what + ": " + name);
                assertArrayEquals(c.codes(), d.codes(), what + ": " + name);
            }
        }
    }
}
