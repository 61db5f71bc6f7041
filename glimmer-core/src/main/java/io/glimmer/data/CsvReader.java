package io.glimmer.data;

import io.glimmer.error.GlimmerException;
import io.glimmer.error.InputException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a CSV file (UTF-8, optionally gzip-compressed; fields separated by comma, tab or semicolon,
 * detected from the header unless {@link CsvOptions#separator()} sets one; first row the header) into a {@link DataFrame}, with
 * the conventions of R's read.csv so that results agree with R reading the same file:
 * <ul>
 *   <li>a column is numeric when every non-missing cell is a number (decimal, exponent, sign, Inf);
 *       otherwise, or when named in {@link CsvOptions#factors()}, it is categorical;</li>
 *   <li>"", "NA" and "NaN" (quoted or not) are missing in any column;</li>
 *   <li>levels are sorted numerically when all are numbers, else by code point ({@link Levels}).</li>
 * </ul>
 * Every problem is an {@link InputException} with a one-line message naming the source; no other
 * exception escapes.
 */
public final class CsvReader {
    // Rescanning a file to locate an encoding error holds it in memory; skip that for huge files.
    private static final long MAX_RESCAN_BYTES = 256L << 20;

    private CsvReader() {
    }

    /** Reads a UTF-8 CSV file, gzip-compressed or not; the file's path names it in data and error messages. */
    public static DataFrame read(Path file, CsvOptions options) {
        String source = String.valueOf(file);
        if (Files.isDirectory(file)) {
            throw error(source, "is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw error(source, "file not found");
        }
        boolean[] gzip = new boolean[1];
        try (InputStream in = decompressed(Files.newInputStream(file), gzip)) {
            return decode(in, source, options, gzip[0]);
        } catch (InputException e) {
            if (e.getCause() instanceof CharacterCodingException && !gzip[0]) {
                throw error(source, "the text is not valid UTF-8" + badUtf8Line(file) + " (save the file as UTF-8)", e.getCause());
            }
            throw e;
        } catch (NoSuchFileException e) {
            throw error(source, "file not found", e);
        } catch (AccessDeniedException e) {
            throw error(source, "cannot read the file (permission denied)", e);
        } catch (IOException e) {
            throw error(source, gzip[0] ? gzipProblem(e) : "cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads UTF-8 CSV bytes, gzip-compressed or not (known by the first two bytes, not by a file
     * name), from a stream that the caller opened and closes (e.g. standard input).
     *
     * @param sourceName names the data in messages, e.g. "&lt;stdin&gt;"
     */
    public static DataFrame read(InputStream stream, String sourceName, CsvOptions options) {
        String source = sourceName == null ? "<input>" : sourceName;
        boolean[] gzip = new boolean[1];
        try {
            // Not closed: that would close the caller's stream (a gzip reader's memory goes with the object).
            return decode(decompressed(stream, gzip), source, options, gzip[0]);
        } catch (IOException e) {
            throw error(source, gzip[0] ? gzipProblem(e) : "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the bytes into memory and then in parallel chunks ({@link ChunkedCsv}); when that declines (anything
     * unusual, or an input too large for one array), or reading stopped at an error, the sequential reader reads the
     * same bytes, so the frame and every message are the sequential reader's.
     */
    private static DataFrame decode(InputStream in, String source, CsvOptions options, boolean gzip) {
        InMemoryBytes bytes = InMemoryBytes.read(in);
        if (bytes.complete()) {
            CsvOptions opts = options == null ? CsvOptions.defaults() : options;
            try {
                DataFrame frame = ChunkedCsv.read(bytes.array(), bytes.length(), source, opts);
                if (frame != null) {
                    return frame;
                }
            } catch (GlimmerException e) {
                throw e;
            } catch (RuntimeException e) {
                throw error(source, "cannot read CSV: " + e, e);
            }
        }
        return decodeSequentially(bytes.replay(), source, options, gzip);
    }

    /** The bytes as UTF-8 text (a malformed byte is an error, not a replacement character), read as CSV. */
    private static DataFrame decodeSequentially(InputStream in, String source, CsvOptions options, boolean gzip) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return read(reader, source, options);
        } catch (InputException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw error(source, "the text is not valid UTF-8" + (gzip ? " (inside the gzip file)" : "")
                        + " (save the file as UTF-8)", e.getCause());
            }
            if (gzip && (e.getCause() instanceof ZipException || e.getCause() instanceof EOFException)) {
                throw error(source, gzipProblem((IOException) e.getCause()), e.getCause());
            }
            throw e;
        }
    }

    /** The stream, decompressed when it starts with gzip's magic bytes 0x1f 0x8b (then gzip[0] is set). */
    private static InputStream decompressed(InputStream raw, boolean[] gzip) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        gzip[0] = b0 == 0x1f && b1 == 0x8b;
        return gzip[0] ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String gzipProblem(IOException e) {
        return "the gzip-compressed data is damaged or incomplete (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }

    /**
     * Reads CSV text from a reader that the caller opened and closes.
     *
     * @param sourceName names the data in messages, e.g. "&lt;stdin&gt;"
     */
    public static DataFrame read(Reader reader, String sourceName, CsvOptions options) {
        String source = sourceName == null ? "<input>" : sourceName;
        CsvOptions opts = options == null ? CsvOptions.defaults() : options;
        try {
            CsvTable table = CsvTable.parse(reader, source, opts.separator().orElse(null));
            checkFactors(table, opts, source);
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < table.names().size(); i++) {
                String name = table.names().get(i);
                columns.add(column(name, table.columns().get(i), opts.factors().contains(name)));
            }
            return DataFrame.of(source, columns);
        } catch (GlimmerException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug or a surprise from a library: still one line for the user, with the cause kept.
            throw error(source, "cannot read CSV: " + e, e);
        }
    }

    /** Where the first byte that is not UTF-8 is, found by decoding the file again (only on this error path). */
    private static String badUtf8Line(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_RESCAN_BYTES) { // a pipe cannot be read twice
                return "";
            }
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            try {
                StandardCharsets.UTF_8.newDecoder().decode(bytes);
                return "";
            } catch (CharacterCodingException e) {
                // The decoder stops at the bad byte: count the line breaks before it (\r\n, \n or \r).
                int line = 1;
                for (int i = 0; i < bytes.position(); i++) {
                    byte b = bytes.get(i);
                    if (b == '\n' || (b == '\r' && (i + 1 == bytes.limit() || bytes.get(i + 1) != '\n'))) {
                        line++;
                    }
                }
                return " at line " + line;
            }
        } catch (IOException e) {
            return "";
        }
    }

    private static void checkFactors(CsvTable table, CsvOptions options, String source) {
        for (String factor : options.factors()) {
            if (!table.names().contains(factor)) {
                throw error(source, "factor column '" + factor + "' is not in the file (columns: "
                        + String.join(", ", table.names()) + ")");
            }
        }
    }

    /** Numeric when every non-missing cell is a number and the column is not a named factor. */
    private static Column column(String name, List<String> cells, boolean factor) {
        double[] values = factor ? null : numbers(cells);
        if (values != null) {
            return new NumericColumn(name, values);
        }
        List<String> levels = new ArrayList<>(cells.size());
        for (String c : cells) {
            levels.add(Cells.isMissing(c) ? null : c); // level text kept as written
        }
        return Levels.column(name, levels);
    }

    /** The cells' values (NaN where missing), or null at the first cell that is neither missing nor a number. */
    private static double[] numbers(List<String> cells) {
        double[] values = new double[cells.size()];
        for (int i = 0; i < values.length; i++) {
            String c = cells.get(i);
            double v = Cells.parse(c);
            if (Double.isNaN(v) && !Cells.isMissing(c)) {
                return null;
            }
            values[i] = v; // NaN when missing
        }
        return values;
    }

    static InputException error(String source, String problem) {
        return new InputException(oneLine(source + ": " + problem));
    }

    static InputException error(String source, String problem, Throwable cause) {
        return new InputException(oneLine(source + ": " + problem), cause);
    }

    /** Messages are one line for the user; file names and library messages might hold line breaks. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
