package io.glimmer.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rows of one range of CSV bytes (whole records) as {@link ChunkedCsv} reads them in parallel: per column either
 * numbers (while every cell is a number or missing) or {@link ByteLevels}. A column turns to text at its first cell
 * that is neither, and a column that is text in another chunk is turned to text here too ({@link #toText}); both read
 * the range again for that one column, so the typing rules stay those of {@link CsvReader}.
 */
final class CsvChunk {
    private final byte[] b;
    private final int from;
    private final int to;
    private final byte separator;
    private final int columns;
    private final double[][] numbers;
    private final ByteLevels[] texts;
    private int rows;

    CsvChunk(byte[] b, int from, int to, byte separator, int columns) {
        this.b = b;
        this.from = from;
        this.to = to;
        this.separator = separator;
        this.columns = columns;
        this.numbers = new double[columns][];
        this.texts = new ByteLevels[columns];
    }

    /**
     * Reads the rows, factor columns as text from the start; false when the sequential reader must judge these bytes
     * (text that is not UTF-8, a row with another number of fields, anything {@link ByteRecords} declines).
     */
    boolean read(boolean[] factor) {
        if (!validUtf8(b, from, to)) {
            return false;
        }
        int capacity = (to - from) / 32 + 16;
        for (int j = 0; j < columns; j++) {
            if (factor[j]) {
                texts[j] = new ByteLevels(capacity);
            } else {
                numbers[j] = new double[capacity];
            }
        }
        ByteRecords records = records();
        int n;
        while ((n = nextRow(records)) >= 0) {
            if (n != columns) {
                return false;
            }
            for (int j = 0; j < columns; j++) {
                store(records, j);
            }
            rows++;
        }
        return n == ByteRecords.END;
    }

    int rows() {
        return rows;
    }

    /** Column j's values (NaN where missing; the array may be longer than {@link #rows}), or null when it is text here. */
    double[] numbers(int j) {
        return numbers[j];
    }

    /** Column j as text, read again from the bytes when it was numbers so far. */
    ByteLevels toText(int j) {
        if (texts[j] == null) {
            ByteLevels t = new ByteLevels(rows);
            ByteRecords records = records();
            for (int row = 0; row < rows; row++) {
                nextRow(records); // the same rows as before, each with every field
                addText(t, records, j);
            }
            texts[j] = t;
            numbers[j] = null;
        }
        return texts[j];
    }

    private void store(ByteRecords records, int j) {
        double[] v = numbers[j];
        if (v != null) {
            byte[] bytes = records.bytes(j);
            int start = records.start(j);
            int end = records.end(j);
            double x = Cells.parse(bytes, start, end);
            if (!Double.isNaN(x) || Cells.isMissing(bytes, start, end)) {
                if (rows == v.length) {
                    v = numbers[j] = Arrays.copyOf(v, rows * 2);
                }
                v[rows] = x; // NaN when missing
                return;
            }
            toText(j); // the rows before this one, as text
        }
        addText(texts[j], records, j);
    }

    private static void addText(ByteLevels t, ByteRecords records, int j) {
        byte[] bytes = records.bytes(j);
        int start = records.start(j);
        int end = records.end(j);
        if (Cells.isMissing(bytes, start, end)) {
            t.addMissing();
        } else {
            t.add(bytes, start, end); // level text kept as written
        }
    }

    private ByteRecords records() {
        return new ByteRecords(b, from, to, separator, columns + 1);
    }

    /** The next record that is a row: a blank line is skipped unless the file has one column (then it is a missing value). */
    private int nextRow(ByteRecords records) {
        int n;
        do {
            n = records.next();
        } while (n > 0 && columns > 1 && records.blankLine(n));
        return n;
    }

    /** Whether bytes [from, to), which start and end at character boundaries, are UTF-8 as the sequential reader's decoder judges. */
    static boolean validUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] >= 0) {
            i++;
        }
        if (i == to) {
            return true; // ASCII
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }
}
