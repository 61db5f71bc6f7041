package io.glimmer.data;

import io.glimmer.linalg.Parallel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV bytes held in memory in chunks of whole records, in parallel ({@link Parallel}), straight into primitive
 * columns. It gives the same frame as the sequential reader ({@link CsvTable} and {@link CsvReader}) or none: on
 * anything unusual (a quote out of place, a field count that differs, text that is not UTF-8, a problem with the
 * header or the factors) it returns null, and the caller reads the bytes again sequentially, which gives the answer
 * or the message it always gave.
 * <p>
 * Chunks are cut at line ends outside quotes. Whether a point is inside quotes comes from the parity of the quotes
 * before it (counted in parallel); that is only right when every quote is well placed, which each chunk's reader
 * checks, so from the first chunk on, each one starts at the start of a record.
 */
final class ChunkedCsv {
    /** About this many bytes per chunk: enough work per chunk for two threads to share evenly. */
    static final int CHUNK_BYTES = 1 << 21;
    private static final int MAX_CHUNKS = 512;

    private ChunkedCsv() {
    }

    static DataFrame read(byte[] b, int length, String source, CsvOptions options) {
        return read(b, length, source, options, Math.min(MAX_CHUNKS, length / CHUNK_BYTES + 1));
    }

    /** The frame of bytes [0, length), read in the given number of chunks, or null for the sequential reader to read. */
    static DataFrame read(byte[] b, int length, String source, CsvOptions options, int chunks) {
        int start = length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        char separator = options.separator().orElseGet(() -> detectSeparator(b, start, length));
        if (separator >= 0x80) {
            return null;
        }
        ByteRecords header = new ByteRecords(b, start, length, (byte) separator, Integer.MAX_VALUE);
        int n;
        do {
            n = header.next();
        } while (n > 0 && header.blankLine(n));
        List<String> names = n > 0 && CsvChunk.validUtf8(b, start, header.position()) ? names(header, n) : null;
        if (names == null || !names.containsAll(options.factors())) {
            return null;
        }
        boolean[] factor = new boolean[names.size()];
        for (int j = 0; j < factor.length; j++) {
            factor[j] = options.factors().contains(names.get(j));
        }
        int from = header.position();
        int count = Math.max(1, chunks);
        // First with cuts that assume no quoted line break, then (if a chunk declined) with cuts from the quotes' parity.
        CsvChunk[] parts = chunks(b, bounds(b, from, length, count, false), (byte) separator, factor);
        if (parts == null) {
            parts = chunks(b, bounds(b, from, length, count, true), (byte) separator, factor);
        }
        if (parts == null) {
            return null;
        }
        int rows = 0;
        for (CsvChunk part : parts) {
            rows += part.rows();
        }
        if (rows == 0) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            columns.add(column(names.get(j), parts, j, rows));
        }
        return DataFrame.of(source, columns);
    }

    /** The chunks read, or null when one declined. */
    private static CsvChunk[] chunks(byte[] b, int[] bounds, byte separator, boolean[] factor) {
        CsvChunk[] parts = new CsvChunk[bounds.length - 1];
        boolean[] ok = new boolean[parts.length];
        Parallel.forEach(parts.length, i -> {
            parts[i] = new CsvChunk(b, bounds[i], bounds[i + 1], separator, factor.length);
            ok[i] = parts[i].read(factor);
        });
        for (boolean read : ok) {
            if (!read) {
                return null;
            }
        }
        return parts;
    }

    /** The header's names, trimmed, or null when one is empty or repeated (the sequential reader's messages say which). */
    private static List<String> names(ByteRecords header, int fields) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields; i++) {
            String name = header.text(i).trim();
            if (name.isEmpty() || !seen.add(name)) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    /** {@link SeparatorDetection} on the text at the start, as the sequential reader judges it. */
    private static char detectSeparator(byte[] b, int start, int length) {
        int prefix = Math.min(length - start, 4 * (SeparatorDetection.HEADER_LIMIT + 1)); // ≥ HEADER_LIMIT + 1 characters
        try {
            String text = new String(b, start, prefix, StandardCharsets.UTF_8);
            return SeparatorDetection.detect(new BufferedReader(new StringReader(text), SeparatorDetection.HEADER_LIMIT + 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * Chunk boundaries in [from, length]: each just after a line end (or at the end), non-decreasing, the first from
     * and the last length. With parity, the line ends are outside quotes if every quote is well placed; without, they
     * are outside quotes if no line break is quoted near a cut. Either way a cut inside quotes makes the chunk before
     * it decline (its last quote is never closed), so a read that no chunk declines was cut at records' starts.
     */
    private static int[] bounds(byte[] b, int from, int length, int chunks, boolean parity) {
        int[] nominal = new int[chunks + 1];
        for (int i = 0; i <= chunks; i++) {
            nominal[i] = (int) (from + (long) (length - from) * i / chunks);
        }
        int[] quotes = new int[chunks];
        Parallel.forEach(parity ? chunks : 0, i -> {
            int q = 0;
            for (int p = nominal[i]; p < nominal[i + 1]; p++) {
                q += b[p] == '"' ? 1 : 0;
            }
            quotes[i] = q;
        });
        int[] bounds = new int[chunks + 1];
        bounds[0] = from;
        bounds[chunks] = length;
        boolean quoted = false;
        for (int i = 1; i < chunks; i++) {
            quoted ^= (quotes[i - 1] & 1) == 1;
            bounds[i] = Math.max(bounds[i - 1], lineStartAfter(b, nominal[i], length, quoted));
        }
        return bounds;
    }

    /** Just after the first line end at or after p that is outside quotes (quoted: whether p is inside quotes). */
    private static int lineStartAfter(byte[] b, int p, int length, boolean quoted) {
        for (; p < length; p++) {
            byte c = b[p];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                return c == '\r' && p + 1 < length && b[p + 1] == '\n' ? p + 2 : p + 1;
            }
        }
        return length;
    }

    /** Column j of every chunk: numeric when it is numbers in every chunk, else categorical with the sorted levels. */
    private static Column column(String name, CsvChunk[] parts, int j, int rows) {
        boolean numeric = true;
        for (CsvChunk part : parts) {
            numeric &= part.numbers(j) != null;
        }
        if (numeric) {
            double[] values = new double[rows];
            int at = 0;
            for (CsvChunk part : parts) {
                System.arraycopy(part.numbers(j), 0, values, at, part.rows());
                at += part.rows();
            }
            return NumericColumn.owning(name, values);
        }
        ByteLevels[] texts = new ByteLevels[parts.length];
        Parallel.forEach(parts.length, i -> texts[i] = parts[i].toText(j));
        String[][] local = new String[parts.length][];
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            local[i] = texts[i].levels();
            distinct.addAll(List.of(local[i]));
        }
        List<String> levels = Levels.sorted(distinct);
        Map<String, Integer> codeOf = new HashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            codeOf.put(levels.get(k), k);
        }
        int[] codes = new int[rows];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            int[] global = new int[local[i].length];
            for (int k = 0; k < global.length; k++) {
                global[k] = codeOf.get(local[i][k]);
            }
            for (int r = 0; r < texts[i].rows(); r++) {
                int c = texts[i].code(r);
                codes[at++] = c < 0 ? -1 : global[c];
            }
        }
        return CategoricalColumn.owning(name, codes, levels);
    }
}
