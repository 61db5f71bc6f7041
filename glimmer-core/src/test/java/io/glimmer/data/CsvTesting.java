package io.glimmer.data;

import io.glimmer.error.InputException;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers for the CSV tests: read inline text, find test resources, check error messages. */
final class CsvTesting {
    static final String SOURCE = "inline.csv";

    private CsvTesting() {
    }

    /**
     * Reads CSV text, naming the listed columns as factors: sequentially (from characters), after checking that
     * the parallel reader of its bytes gives the same frame in any number of chunks.
     */
    static DataFrame csv(String text, String... factors) {
        CsvOptions options = CsvOptions.builder().factor(factors).build();
        DataFrame frame = CsvReader.read(new StringReader(text), SOURCE, options);
        ChunkedCsvTesting.assertChunkedReadsAs(frame, text.getBytes(StandardCharsets.UTF_8), options);
        return frame;
    }

    /**
     * The InputException reading the text throws, after checking its message is one line naming the source, that
     * the parallel reader declines it in any number of chunks, and that reading its bytes fails with the same message.
     */
    static InputException csvFails(String text, String... factors) {
        CsvOptions options = CsvOptions.builder().factor(factors).build();
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(new StringReader(text), SOURCE, options));
        assertOneLineNaming(e, SOURCE);
        ChunkedCsvTesting.assertChunkedDeclines(e, text.getBytes(StandardCharsets.UTF_8), options);
        return e;
    }

    static void assertOneLineNaming(InputException e, String source) {
        String m = e.getMessage();
        assertNotNull(m);
        assertTrue(m.startsWith(source + ": "), () -> "message should start with the source: " + m);
        assertFalse(m.contains("\n") || m.contains("\r"), () -> "message should be one line: " + m);
        assertEquals(2, e.exitStatus());
    }

    static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    /** A test resource as a file path, e.g. "/data/sleepstudy.csv". */
    static Path resource(String name) {
        URL url = CsvTesting.class.getResource(name);
        assertNotNull(url, "missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static NumericColumn numeric(DataFrame df, String name) {
        return assertInstanceOf(NumericColumn.class, df.column(name));
    }

    static CategoricalColumn categorical(DataFrame df, String name) {
        return assertInstanceOf(CategoricalColumn.class, df.column(name));
    }
}
