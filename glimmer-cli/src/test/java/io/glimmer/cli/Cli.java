package io.glimmer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Runs the command line in-process and captures what it writes; copies test data to files. */
public final class Cli {
    private Cli() {
    }

    public record Result(int exit, String out, String err) {
        public String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
    }

    public static Result run(String... args) {
        return runWithInput("", args);
    }

    public static Result runWithInput(String stdin, String... args) {
        return runWithBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with these bytes on standard input (e.g. gzip-compressed data). */
    public static Result runWithBytes(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int exit = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path sharedDir;

    /**
     * A data set of glimmer-core's test resources, copied once per test JVM into a directory that
     * tests only read (a test that writes beside its data uses {@link #data(Path, String)}).
     */
    public static synchronized Path shared(String name) {
        try {
            if (sharedDir == null) {
                sharedDir = Files.createTempDirectory("glimmer-test-data");
                sharedDir.toFile().deleteOnExit();
            }
            Path file = sharedDir.resolve(name);
            if (!Files.exists(file)) {
                data(sharedDir, name).toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data set of glimmer-core's test resources (/data/NAME) copied into {@code dir}. */
    public static Path data(Path dir, String name) {
        try (InputStream in = Cli.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /data/" + name + " (glimmer-core's test-jar)");
            }
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a data set of glimmer-core's test resources. */
    public static String dataText(String name) {
        try (InputStream in = Cli.class.getResourceAsStream("/data/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
