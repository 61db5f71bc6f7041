package io.glimmer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.csv;
import static io.glimmer.data.CsvTesting.numeric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The file format: byte-order mark, line endings, quoting, blank lines, header names. */
class CsvReaderFormatTest {

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsIgnored() {
        DataFrame df = csv("\uFEFFy,g\n1,a\n");
        assertEquals(List.of("y", "g"), df.names());
    }

    @Test
    void aByteOrderMarkInAFileIsIgnored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("\"y\",\"g\"\r\n1,\"a\"\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("bom.csv");
        Files.write(file, bytes.toByteArray());
        DataFrame df = CsvReader.read(file, CsvOptions.defaults());
        assertEquals(List.of("y", "g"), df.names());
        assertEquals(List.of("a"), categorical(df, "g").levels());
        assertEquals(file.toString(), df.source());
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        DataFrame df = csv("y,g\r\n1,a\r\n2,b\r\n");
        assertArrayEquals(new double[] {1, 2}, numeric(df, "y").values());
        assertEquals(List.of("a", "b"), categorical(df, "g").levels()); // no stray "\r" in levels
    }

    @Test
    void oldMacLineEndingsAreAccepted() {
        assertArrayEquals(new double[] {1, 2}, numeric(csv("y,g\r1,a\r2,b\r"), "y").values());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        DataFrame df = csv("y,g\n1,\"Smith, J.\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n");
        assertEquals(List.of("Smith, J.", "say \"hi\"", "two\nlines"), categorical(df, "g").levels());
        assertEquals(3, df.rows());
    }

    @Test
    void quotedHeaderNames() {
        assertEquals(List.of("a b", "c,d"), csv("\"a b\",\"c,d\"\n1,2\n").names());
    }

    @Test
    void headerNamesAreTrimmed() {
        assertEquals(List.of("y", "g"), csv(" y , g\n1,a\n").names());
    }

    @Test
    void theLastLineNeedNotEndWithALineBreak() {
        assertArrayEquals(new double[] {1, 2}, numeric(csv("y\n1\n2"), "y").values());
    }

    @Test
    void blankLinesAreSkippedAnywhere() {
        DataFrame df = csv("\ny,g\n\n1,a\n\n\n2,b\n\n\n");
        assertEquals(2, df.rows());
        assertArrayEquals(new double[] {1, 2}, numeric(df, "y").values());
    }

    @Test
    void linesOfSpacesAreBlankInAMultiColumnFile() {
        assertEquals(2, csv("y,g\n1,a\n   \n2,b\n \t\n").rows());
    }

    @Test
    void inASingleColumnFileALineOfSpacesIsAMissingValue() {
        NumericColumn y = numeric(csv("y\n1\n  \n2\n"), "y");
        assertEquals(3, y.size());
        assertEquals(true, y.isMissing(1));
    }

    @Test
    void standardInputIsReadThroughAReaderAndLeftOpen() throws IOException {
        StringReader in = new StringReader("y\n1\n");
        DataFrame df = CsvReader.read(in, "<stdin>", CsvOptions.defaults());
        assertEquals("<stdin>", df.source());
        assertDoesNotThrow(in::ready); // ready() throws once a StringReader is closed: the caller owns it
    }

    @Test
    void aPathReadsUtf8Text() throws IOException {
        Path file = dir.resolve("utf8.csv");
        Files.writeString(file, "y,g\n1,caf\u00e9\n2,\u00c5se\n", StandardCharsets.UTF_8);
        assertEquals(List.of("caf\u00e9", "\u00c5se"), categorical(CsvReader.read(file, CsvOptions.defaults()), "g").levels());
    }
}
