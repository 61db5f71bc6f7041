package io.glimmer.cli;

import io.glimmer.InputException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** {@code --format} and {@code --output}: what to write and where (standard output by default). */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", order = 30,
            description = "text (an lme4-like summary) or json (default: text)")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", order = 31,
            description = "write there instead of standard output")
    String output;

    /** The format, lower case, when it is one of {@code allowed}; otherwise an InputException. */
    String format(String... allowed) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(f)) {
            throw new InputException("unknown --format '" + format + "' (choose " + String.join(" or ", allowed) + ")");
        }
        return f;
    }

    /** Fails early, before a long fit, when --output names a place that cannot be written. */
    void checkWritable() {
        Path p = path();
        if (p == null) {
            return;
        }
        if (Files.isDirectory(p)) {
            throw new InputException(output + ": is a directory (--output needs a file name)");
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException(output + ": cannot write, directory " + parent + " does not exist");
        }
    }

    /** Writes the text to the --output file, or to standard output. */
    void write(String text, PrintWriter stdout) {
        Path p = path();
        if (p == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        AtomicFile.write(p, output, text);
    }

    private Path path() {
        if (output == null || output.equals("-")) {
            return null;
        }
        if (output.isBlank()) {
            throw new InputException("--output needs a file name");
        }
        try {
            return Path.of(output);
        } catch (InvalidPathException e) {
            throw new InputException(output + ": not a valid file name (" + e.getReason() + ")", e);
        }
    }
}
