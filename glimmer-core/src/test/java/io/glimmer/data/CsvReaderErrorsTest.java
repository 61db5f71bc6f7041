package io.glimmer.data;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.glimmer.data.CsvTesting.assertContains;
import static io.glimmer.data.CsvTesting.assertOneLineNaming;
import static io.glimmer.data.CsvTesting.csvFails;
import static io.glimmer.data.CsvTesting.resource;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Every bad input gives an InputException whose one-line message names the file and the problem. */
class CsvReaderErrorsTest {

    @TempDir
    Path dir;

    private static InputException fileFails(Path file) {
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(file, CsvOptions.defaults()));
        assertOneLineNaming(e, file.toString());
        return e;
    }

    private static InputException badInput(String name) {
        return fileFails(resource("/bad-input/csv/" + name));
    }

    @Test
    void missingFile() {
        assertContains(fileFails(dir.resolve("nope.csv")).getMessage(), "nope.csv", "file not found");
    }

    @Test
    void aDirectory() {
        assertContains(fileFails(dir).getMessage(), "is a directory");
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path file = dir.resolve("secret.csv");
        Files.writeString(file, "y\n1\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeFalse(true, "no POSIX permissions here");
        }
        assumeFalse(Files.isReadable(file), "running as a user who can read anything (root)");
        assertContains(fileFails(file).getMessage(), "cannot read", "permission denied");
    }

    @Test
    void emptyFile() {
        assertContains(badInput("empty.csv").getMessage(), "empty.csv", "empty", "no header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF", "\n\n", "\r\n", "  \n\n"})
    void inputsWithoutAHeaderAreEmpty(String text) {
        assertContains(csvFails(text).getMessage(), "empty", "no header");
    }

    @Test
    void headerOnly() {
        assertContains(badInput("header_only.csv").getMessage(), "header_only.csv", "no data rows");
    }

    @Test
    void headerFollowedByBlankLinesOnly() {
        assertContains(csvFails("y,g\n\n\n").getMessage(), "no data rows");
    }

    @Test
    void aRowWithTooFewFields() {
        assertContains(badInput("field_count.csv").getMessage(), "field_count.csv: row 7 (line 8) has 3 fields, the header has 4");
    }

    @Test
    void aRowWithTooManyFields() {
        assertContains(csvFails("y,g\n1,a\n2,b,c\n").getMessage(), "row 2 (line 3) has 3 fields, the header has 2");
    }

    @Test
    void aTrailingCommaIsAnExtraField() {
        assertContains(csvFails("y,g\n1,a,\n").getMessage(), "row 1 (line 2) has 3 fields, the header has 2");
    }

    @Test
    void aSingleFieldRowIsCountedInTheSingular() {
        assertContains(csvFails("y,g\n1,a\n2\n").getMessage(), "row 2 (line 3) has 1 field, the header has 2");
    }

    @Test
    void lineNumbersCountBlankLinesAndLineBreaksInsideQuotes() {
        // Line 1 header, line 2 blank, lines 3-4 one row, line 5 blank, line 6 the bad row 2.
        assertContains(csvFails("y,g\n\n1,\"a\nb\"\n\n2\n").getMessage(), "row 2 (line 6) has 1 field");
        assertContains(csvFails("y,g\r\n1,\"a\r\nb\"\r\n2\r\n").getMessage(), "row 2 (line 4) has 1 field");
    }

    @Test
    void unterminatedQuotedField() {
        assertContains(badInput("unterminated_quote.csv").getMessage(), "unterminated quoted field", "line 3");
    }

    @Test
    void unterminatedQuotedFieldInTheHeader() {
        assertContains(csvFails("y,\"g\n1,2\n").getMessage(), "unterminated quoted field", "line 1");
    }

    @Test
    void textAfterAClosingQuote() {
        assertContains(badInput("text_after_quote.csv").getMessage(), "line 2", "closing quote");
    }

    @Test
    void duplicatedColumnNames() {
        assertContains(badInput("duplicate_header.csv").getMessage(), "duplicated column name 'x'", "columns 2 and 4");
    }

    @Test
    void namesDuplicatedAfterTrimmingSpaces() {
        assertContains(csvFails("x, x\n1,2\n").getMessage(), "duplicated column name 'x'");
    }

    @Test
    void anEmptyColumnName() {
        assertContains(badInput("empty_header_name.csv").getMessage(), "column 2 of the header", "empty name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"y,g,\n1,2,3\n", "\"\",g\n1,2\n", "y,  ,g\n1,2,3\n"})
    void emptyNamesAnywhereInTheHeader(String text) {
        assertContains(csvFails(text).getMessage(), "empty name");
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "y,g\n1,a\n2,b\n3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertContains(fileFails(file).getMessage(), "not valid UTF-8", "line 4");
    }

    @Test
    void standardInputErrorsNameStdin() {
        InputException e = assertThrows(InputException.class,
                () -> CsvReader.read(new StringReader("y,g\n1\n"), "<stdin>", CsvOptions.defaults()));
        assertOneLineNaming(e, "<stdin>");
    }

    @Test
    void aFailingReaderBecomesAnInputException() {
        Reader broken = new Reader() {
            private final Reader start = new StringReader("y,g\n1,a\n");

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = start.read(buf, off, len);
                if (n < 0) {
                    throw new IOException("device not ready");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(broken, "pipe", CsvOptions.defaults()));
        assertOneLineNaming(e, "pipe");
        assertContains(e.getMessage(), "device not ready");
    }

    @Test
    void aReaderThrowingARuntimeExceptionBecomesAnInputException() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                throw new IllegalStateException("boom\nsecond line");
            }

            @Override
            public void close() {
            }
        };
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(broken, "pipe", CsvOptions.defaults()));
        assertOneLineNaming(e, "pipe");
    }
}
