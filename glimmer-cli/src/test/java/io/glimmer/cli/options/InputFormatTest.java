package io.glimmer.cli.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data as users have it: semicolon or tab separated (--sep or detected), gzip-compressed, on standard input. */
class InputFormatTest {
    static final String FORMULA = "Reaction ~ Days + (Days | Subject)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String csv;
    static String reference; // the fixed effects of the comma-separated file

    @BeforeAll
    static void files() throws IOException {
        csv = Cli.dataText("sleepstudy.csv");
        Files.writeString(dir.resolve("sleep.csv"), csv);
        Files.writeString(dir.resolve("sleep.tsv"), csv.replace(',', '\t'));
        Files.writeString(dir.resolve("sleep-eu.csv"), csv.replace(',', ';'));
        Files.writeString(dir.resolve("sleep-unquoted.csv"), csv.replace("\"", "").replace(',', ';'));
        Files.write(dir.resolve("sleep.csv.gz"), gzip(csv));
        Files.write(dir.resolve("sleep-gz.csv"), gzip(csv.replace(',', ';')));
        reference = fixedEffects(fit("sleep.csv"));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static Cli.Result fit(String file, String... more) {
        String[] args = {"fit", "--data", dir.resolve(file).toString(), "--formula", FORMULA, "--format", "json"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    private static String fixedEffects(Cli.Result r) {
        assertEquals(0, r.exit(), r.err());
        try {
            JsonNode j = JSON.readTree(r.out());
            assertEquals(180, j.get("n_obs").asInt());
            return j.get("fixed_effects").toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "sleep.tsv|none", "sleep.tsv|tab", "sleep.tsv|\\t", "sleep.tsv|TAB",
            "sleep-eu.csv|none", "sleep-eu.csv|;", "sleep-eu.csv|semicolon",
            "sleep.csv|,", "sleep.csv|comma", "sleep.csv.gz|none", "sleep-gz.csv|none", "sleep-gz.csv|;"})
    void everyFormFitsAsTheCommaFileDoes(String file, String sep) {
        Cli.Result r = sep == null ? fit(file) : fit(file, "--sep", sep);
        assertEquals(reference, fixedEffects(r));
    }

    @Test
    void aRealTabCharacterIsAcceptedToo() {
        assertEquals(reference, fixedEffects(fit("sleep.tsv", "--sep", "\t")));
    }

    @Test
    void anExplicitSeparatorOverridesDetection() {
        // Read as comma separated, the semicolon file is one column named by its whole header.
        Cli.Result r = fit("sleep-unquoted.csv", "--sep", ",");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no column 'Reaction' (columns: Reaction;Days;Subject)"), r.err());
        Cli.Result quoted = fit("sleep-eu.csv", "--sep", "tab");
        assertTrue(quoted.err().contains("line 1: text after the closing quote of a quoted field"
                + " (write a \" inside quotes as \"\"; fields are read as separated by tab)"), quoted.err());
    }

    @Test
    void gzipOnStandardInputIsRecognised() throws IOException {
        Cli.Result r = Cli.runWithBytes(gzip(csv.replace(',', '\t')), "fit", "--data", "-", "--formula", FORMULA, "--format", "json");
        assertEquals(reference, fixedEffects(r));
    }

    @Test
    void predictTakesSep() {
        Path model = dir.resolve("m.json");
        assertEquals(0, Cli.run("fit", "--data", dir.resolve("sleep.csv").toString(), "--formula", FORMULA, "--save", model.toString()).exit());
        Cli.Result a = Cli.run("predict", "--model", model.toString(), "--data", dir.resolve("sleep.csv").toString());
        Cli.Result b = Cli.run("predict", "--model", model.toString(), "--data", dir.resolve("sleep-eu.csv").toString(), "--sep", ";");
        Cli.Result c = Cli.run("predict", "--model", model.toString(), "--data", dir.resolve("sleep.tsv").toString());
        assertEquals(0, b.exit(), b.err());
        assertEquals(a.out(), b.out());
        assertEquals(a.out(), c.out());
    }

    @ParameterizedTest(name = "--sep {0}")
    @ValueSource(strings = {"ab", "", "\"", "x", "7"})
    void aBadSeparatorIsOneLine(String sep) {
        Cli.Result r = fit("sleep.csv", "--sep", sep);
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("glimmer: error: --sep"), r.err());
    }
}
