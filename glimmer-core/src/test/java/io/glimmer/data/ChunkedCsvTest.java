package io.glimmer.data;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parallel reader against the sequential one: the same frame, bit for bit, in any number of chunks, on the
 * edge cases it reads itself (quoted line breaks, CRLF and CR, a byte-order mark, missing values, empty fields and
 * lines, non-ASCII text), and on seeded random files, which may hold what it declines (then the messages agree).
 */
class ChunkedCsvTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "y,g\n1,\"a\nb\"\n2,\"c\r\nd\"\n3,\"a\nb\"\n",          // line breaks inside quotes
        "y,g\r\n1,a\r\n2,b\r\n\r\n3,a\r\n",                     // CRLF, an empty line
        "y,g\r1,a\r2,b\r3,a",                                    // CR alone, no final line end
        "\uFEFFy,g\n1,a\n2,b\n",                                 // byte-order mark
        "y,x,g\n1,NA,a\nNaN,2,NA\n,3,\"\"\n\"NA\",4,b\n",        // missing values, quoted or not
        "y,g\n1,\"say \"\"hi\"\"\"\n2,\"a,b\"\n3,\"\"\"\"\n",    // doubled quotes, separators inside quotes
        "y,g\n1,a\n   \n2,b\n\n\n3,\n",                          // a line of spaces, empty lines, an empty last field
        "y,g\n1,é\n2,日本\n3,é\n4,\uD83D\uDE00\n",                 // non-ASCII levels
        "y,g\n 1 , 2\n-1e3,10\nInf,2\n1.5e-300,1\n",              // spaces around numbers, numeric levels
        "y,g\n1,a\n2,b\n3,\n",                                   // trailing empty field
        "y;g\n1,5;a\n2;b\n",                                     // semicolons (detected)
        "y\n1\n \n2\n",                                          // one column: a blank line is a missing value
        "\n\n y , g \n1,a\n",                                    // blank lines before the header, spaces in names
    })
    void readsEdgeCasesItselfAsTheSequentialReaderDoes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DataFrame sequential = CsvReader.read(new StringReader(text), "t.csv", CsvOptions.defaults());
        for (int chunks : ChunkedCsvTesting.CHUNKS) {
            DataFrame chunked = ChunkedCsv.read(bytes, bytes.length, "t.csv", CsvOptions.defaults(), chunks);
            assertNotNull(chunked, chunks + " chunks: declined");
            ChunkedCsvTesting.assertSameFrame(sequential, chunked, chunks + " chunks");
        }
    }

    @Test
    void factorsAreTextInEveryChunkAndNumericLevelsSortAsNumbers() {
        StringBuilder text = new StringBuilder("y,g\n");
        for (int i = 0; i < 500; i++) {
            text.append(i % 7).append(',').append((i * 37) % 101).append('\n');
        }
        CsvOptions options = CsvOptions.builder().factor("g").build();
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        DataFrame sequential = CsvReader.read(new StringReader(text.toString()), "t.csv", options);
        for (int chunks : ChunkedCsvTesting.CHUNKS) {
            DataFrame chunked = ChunkedCsv.read(bytes, bytes.length, "t.csv", options, chunks);
            assertNotNull(chunked);
            ChunkedCsvTesting.assertSameFrame(sequential, chunked, chunks + " chunks");
        }
    }

    /** A column that is numbers in early chunks and text in a later one is text throughout, its cells as written. */
    @Test
    void aColumnTurnedTextLateKeepsTheTextOfEarlierChunks() {
        StringBuilder text = new StringBuilder("y,x\n");
        for (int i = 0; i < 300; i++) {
            text.append(i).append(',').append(i % 3 == 0 ? "1.0" : i % 3 == 1 ? "1" : "01").append('\n');
        }
        text.append("1,high\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        DataFrame sequential = CsvReader.read(new StringReader(text.toString()), "t.csv", CsvOptions.defaults());
        assertEquals(4, ((CategoricalColumn) sequential.column("x")).levelCount());
        for (int chunks : ChunkedCsvTesting.CHUNKS) {
            DataFrame chunked = ChunkedCsv.read(bytes, bytes.length, "t.csv", CsvOptions.defaults(), chunks);
            assertNotNull(chunked);
            ChunkedCsvTesting.assertSameFrame(sequential, chunked, chunks + " chunks");
        }
    }

    /** Random files of the cells that matter; whatever the sequential reader does, the parallel one agrees or declines. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomFilesReadTheSameOrFailTheSame(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int failed = 0;
        int readInChunks = 0;
        for (int file = 0; file < 40; file++) {
            String text = randomFile(random);
            CsvOptions options = random.nextInt(3) == 0 ? CsvOptions.builder().factor("c0").build() : CsvOptions.defaults();
            DataFrame sequential;
            try {
                sequential = CsvReader.read(new StringReader(text), CsvTesting.SOURCE, options);
            } catch (InputException e) {
                ChunkedCsvTesting.assertChunkedDeclines(e, text.getBytes(StandardCharsets.UTF_8), options);
                failed++;
                continue;
            }
            readInChunks += ChunkedCsvTesting.assertChunkedReadsAs(sequential, text.getBytes(StandardCharsets.UTF_8), options) ? 1 : 0;
        }
        // Both kinds occur: files read in chunks, and files rejected (so compared by their messages).
        assertTrue(readInChunks > 0 && failed > 0, readInChunks + " read in chunks, " + failed + " rejected");
    }

    private static String randomFile(SplittableRandom random) {
        int columns = 1 + random.nextInt(4);
        String[] ends = {"\n", "\r\n", "\r"};
        String end = ends[random.nextInt(3)];
        StringBuilder s = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
        for (int j = 0; j < columns; j++) {
            s.append(j == 0 ? "" : ",").append('c').append(j);
        }
        int rows = random.nextInt(60);
        boolean[] text = new boolean[columns];
        for (int j = 0; j < columns; j++) {
            text[j] = random.nextInt(3) == 0;
        }
        for (int r = 0; r < rows; r++) {
            s.append(random.nextInt(30) == 0 ? ends[random.nextInt(3)] : end);
            if (random.nextInt(25) == 0) {
                s.append(random.nextBoolean() ? "" : "  ").append(end); // an empty or blank line
            }
            int fields = random.nextInt(80) == 0 ? columns + 1 : columns; // now and then a row too long
            for (int j = 0; j < fields; j++) {
                s.append(j == 0 ? "" : ",").append(cell(random, j < columns && text[j]));
            }
        }
        if (random.nextBoolean()) {
            s.append(end);
        }
        return s.toString();
    }

    private static String cell(SplittableRandom random, boolean text) {
        switch (random.nextInt(text ? 14 : 20)) {
            case 0: return "";
            case 1: return "NA";
            case 2: return "\"NA\"";
            case 3: return " ";
            case 4: return "\"a,b\"";
            case 5: return "\"line\nbreak\"";
            case 6: return "\"q\"\"uote\"";
            case 7: return "é";
            case 8: return random.nextInt(40) == 0 ? "x\"y" : "lvl" + random.nextInt(4); // a stray quote, now and then
            case 9: return "\"1.5\"";
            case 10: return "Inf";
            case 11: return " 7 ";
            case 12: return "\"\"";
            case 13: return random.nextInt(40) == 0 ? "\"open" : "b";                     // a quote never closed, now and then
            default: return String.valueOf(random.nextInt(1000) / (random.nextBoolean() ? 10.0 : 1));
        }
    }
}
