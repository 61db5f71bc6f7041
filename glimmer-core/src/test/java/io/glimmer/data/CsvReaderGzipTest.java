package io.glimmer.data;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.glimmer.data.CsvTesting.assertContains;
import static io.glimmer.data.CsvTesting.assertOneLineNaming;
import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.numeric;
import static io.glimmer.data.CsvTesting.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** gzip-compressed input is recognised by its first two bytes (0x1f 0x8b), whatever the file is called. */
class CsvReaderGzipTest {
    private static final String TEXT = "y,x,g\n1.5,0,a\n2.5,1,b\n3.5,2,a\n";

    @TempDir
    Path dir;

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static void assertSameData(DataFrame expected, DataFrame actual) {
        assertEquals(expected.names(), actual.names());
        assertArrayEquals(numeric(expected, "y").values(), numeric(actual, "y").values());
        assertArrayEquals(numeric(expected, "x").values(), numeric(actual, "x").values());
        assertEquals(categorical(expected, "g").levels(), categorical(actual, "g").levels());
    }

    @Test
    void aGzippedFileReadsAsItsText() throws IOException {
        DataFrame plain = CsvReader.read(Files.writeString(dir.resolve("plain.csv"), TEXT), CsvOptions.defaults());
        for (String name : List.of("data.csv.gz", "data.csv", "data")) { // the name does not matter
            Path file = Files.write(dir.resolve(name), gzip(TEXT.getBytes(StandardCharsets.UTF_8)));
            DataFrame df = CsvReader.read(file, CsvOptions.defaults());
            assertSameData(plain, df);
            assertEquals(file.toString(), df.source());
        }
    }

    @Test
    void aLargeGzippedFileMatchesThePlainOne() throws IOException {
        Path plain = resource("/data/sleepstudy.csv");
        byte[] bytes = Files.readAllBytes(plain);
        Path gz = Files.write(dir.resolve("sleepstudy.csv.gz"), gzip(bytes));
        DataFrame a = CsvReader.read(plain, CsvOptions.defaults());
        DataFrame b = CsvReader.read(gz, CsvOptions.defaults());
        assertEquals(a.names(), b.names());
        assertEquals(a.rows(), b.rows());
        assertArrayEquals(numeric(a, "Reaction").values(), numeric(b, "Reaction").values());
    }

    @Test
    void aGzippedTsvWithAByteOrderMarkIsDetectedToo() throws IOException {
        byte[] text = ("\uFEFF" + TEXT.replace(',', '\t')).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("data.tsv.gz"), gzip(text));
        assertSameData(CsvReader.read(Files.writeString(dir.resolve("p.csv"), TEXT), CsvOptions.defaults()),
                CsvReader.read(file, CsvOptions.defaults()));
    }

    @Test
    void aStreamIsDecompressedToo() throws IOException {
        DataFrame plain = CsvReader.read(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), "<stdin>", null);
        DataFrame gz = CsvReader.read(new ByteArrayInputStream(gzip(TEXT.getBytes(StandardCharsets.UTF_8))), "<stdin>", null);
        assertSameData(plain, gz);
        assertEquals("<stdin>", gz.source());
    }

    @Test
    void aTruncatedGzipFileIsOneLineNamingIt() throws IOException {
        byte[] whole = gzip(TEXT.repeat(50).getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(file, CsvOptions.defaults()));
        assertOneLineNaming(e, file.toString());
        assertContains(e.getMessage(), "gzip-compressed data is damaged or incomplete");
    }

    @Test
    void textThatIsNotUtf8InsideGzipSaysSo() throws IOException {
        byte[] latin1 = "y,g\n1,caf\u00e9\n2,b\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.csv.gz"), gzip(latin1));
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(file, CsvOptions.defaults()));
        assertOneLineNaming(e, file.toString());
        assertContains(e.getMessage(), "not valid UTF-8 (inside the gzip file)");
    }

    @Test
    void aFileOfOneByteIsNotTakenForGzip() throws IOException {
        Path file = Files.write(dir.resolve("one.csv"), new byte[] {0x1f});
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(file, CsvOptions.defaults()));
        assertOneLineNaming(e, file.toString());
    }
}
