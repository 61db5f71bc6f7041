package io.glimmer.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of a range of CSV bytes, one at a time, for {@link ChunkedCsv}: fields separated by one ASCII byte,
 * records ended by \n, \r\n or \r, empty lines skipped, a field in double quotes when its first byte is one ("" inside
 * for a quote). It declines ({@link #DECLINE}) whatever it is not sure to read as the sequential reader (Commons CSV)
 * does, so that reader sees the file again and gives its answer and its message: a quote inside an unquoted field,
 * anything but a separator or line end after a closing quote, a quote left open, more fields than allowed.
 */
final class ByteRecords {
    static final int END = -1;
    static final int DECLINE = -2;

    private final byte[] b;
    private final int end;
    private final byte separator;
    private final int maxFields;
    private int pos;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16]; // quoted with "" inside: the bytes need unescaping
    private byte[] scratch = new byte[64];       // an unescaped field

    /** Records of bytes [from, to), which start at a record's start; at most maxFields fields a record. */
    ByteRecords(byte[] b, int from, int to, byte separator, int maxFields) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.separator = separator;
        this.maxFields = maxFields;
    }

    /** Where the next record starts. */
    int position() {
        return pos;
    }

    /** Reads the next record: its number of fields, {@link #END} after the last, or {@link #DECLINE}. */
    int next() {
        int p = pos;
        while (p < end && (b[p] == '\n' || b[p] == '\r')) {
            p++; // empty lines are skipped (ignoreEmptyLines)
        }
        if (p >= end) {
            pos = p;
            return END;
        }
        int n = 0;
        while (true) {
            if (n == maxFields) {
                return DECLINE;
            }
            if (n == starts.length) {
                grow();
            }
            if (p < end && b[p] == '"') {
                int q = p + 1;
                boolean esc = false;
                while (true) {
                    if (q >= end) {
                        return DECLINE; // a quote never closed
                    }
                    if (b[q] == '"') {
                        if (q + 1 < end && b[q + 1] == '"') {
                            esc = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    q++;
                }
                set(n++, p + 1, q, esc);
                p = q + 1;
                if (p < end && b[p] != separator && b[p] != '\n' && b[p] != '\r') {
                    return DECLINE; // text after the closing quote
                }
            } else {
                int q = p;
                while (q < end) {
                    byte c = b[q];
                    if (c == separator || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == '"') {
                        return DECLINE; // a quote inside an unquoted field
                    }
                    q++;
                }
                set(n++, p, q, false);
                p = q;
            }
            if (p >= end) {
                pos = p;
                return n;
            }
            if (b[p] == separator) {
                p++;
                continue;
            }
            p += b[p] == '\r' && p + 1 < end && b[p + 1] == '\n' ? 2 : 1;
            pos = p;
            return n;
        }
    }

    private void set(int field, int start, int stop, boolean esc) {
        starts[field] = start;
        ends[field] = stop;
        escaped[field] = esc;
    }

    private void grow() {
        starts = Arrays.copyOf(starts, starts.length * 2);
        ends = Arrays.copyOf(ends, ends.length * 2);
        escaped = Arrays.copyOf(escaped, escaped.length * 2);
    }

    /** The bytes holding field i of the last record: the input itself, or (until the next call) a copy with "" made one quote. */
    byte[] bytes(int field) {
        return escaped[field] ? unescape(field) : b;
    }

    /** Where field i starts in {@link #bytes}. */
    int start(int field) {
        return escaped[field] ? 0 : starts[field];
    }

    /** Where field i ends in {@link #bytes}. */
    int end(int field) {
        return escaped[field] ? unescapedLength(field) : ends[field];
    }

    /** Field i as text. */
    String text(int field) {
        return new String(bytes(field), start(field), end(field) - start(field), StandardCharsets.UTF_8);
    }

    /** The last record is one blank field: a line of spaces, which the reader skips like an empty line. */
    boolean blankLine(int fields) {
        return fields == 1 && text(0).isBlank();
    }

    private byte[] unescape(int field) {
        if (scratch.length < ends[field] - starts[field]) {
            scratch = new byte[ends[field] - starts[field]];
        }
        int k = 0;
        for (int i = starts[field]; i < ends[field]; i++, k++) {
            scratch[k] = b[i];
            if (b[i] == '"') {
                i++; // the second quote of a pair
            }
        }
        return scratch;
    }

    private int unescapedLength(int field) {
        int quotes = 0;
        for (int i = starts[field]; i < ends[field]; i++) {
            if (b[i] == '"') {
                quotes++;
            }
        }
        return ends[field] - starts[field] - quotes / 2;
    }
}
