package io.glimmer.cli.options;

import io.glimmer.error.InputException;
import io.glimmer.cli.common.AtomicFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** {@code --format} and {@code --output}: what to write and where (standard output by default). */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", order = 30,
            description = "text (an lme4-like summary) or json (default: text)")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", order = 31,
            description = "write there instead of standard output")
    String output;

    /** The options as picocli fills them. */
    public OutputOptions() {
    }

    /** Options a command declares itself, with its own help text (simulate, predict). */
    public static OutputOptions of(String format, String output) {
        OutputOptions o = new OutputOptions();
        o.format = format;
        o.output = output;
        return o;
    }

    /** The format, lower case, when it is one of {@code allowed}; otherwise an InputException. */
    public String format(String... allowed) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(f)) {
            throw new InputException("unknown --format '" + format + "' (choose " + String.join(" or ", allowed) + ")");
        }
        return f;
    }

    /** Fails early, before a long fit, when --output names a place that cannot be written. */
    public void checkWritable() {
        if (path() != null) {
            AtomicFile.checkWritable(output, "--output");
        }
    }

    /** Writes the text to the --output file, or to standard output. */
    public void write(String text, PrintWriter stdout) {
        Path p = path();
        if (p == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        AtomicFile.write(p, output, text);
    }

    /** Text written piece by piece, such as a large fit's JSON, rather than made whole first. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes the text to the --output file (UTF-8, whole or not at all), or to standard output. */
    public void write(Text text, PrintWriter stdout) {
        Path p = path();
        if (p == null) {
            try {
                text.writeTo(stdout);
            } catch (IOException e) { // a PrintWriter does not throw; a failure here is a bug
                throw new UncheckedIOException(e);
            }
            stdout.flush();
            return;
        }
        AtomicFile.write(p, output, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.writeTo(w);
            w.flush();
        });
    }

    /** The --output file, or null for standard output (none, or '-'). */
    private Path path() {
        return output == null || output.equals("-") ? null : AtomicFile.path(output, "--output");
    }
}
