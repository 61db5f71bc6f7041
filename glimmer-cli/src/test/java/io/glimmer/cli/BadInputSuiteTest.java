package io.glimmer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite in test resources (bad-input/NN-name/): each case has {@code args} (one
 * argument per line; DATA is the case's data.csv, MODEL its model.json, NOFILE a missing file, DIR a directory) and
 * {@code expect} (the exit status, then a text the one-line message must contain).
 */
class BadInputSuiteTest {
    @TempDir
    static Path tmp;

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(BadInputSuiteTest.class.getResource("/bad-input").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("args"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithItsStatusAndOneLineNamingTheProblem(Path dir) throws IOException {
        List<String> args = Files.readAllLines(dir.resolve("args"));
        List<String> expect = Files.readAllLines(dir.resolve("expect"));
        String[] a = args.stream().map(s -> switch (s) {
            case "DATA" -> dir.resolve("data.csv").toString();
            case "MODEL" -> dir.resolve("model.json").toString();
            case "NOFILE" -> tmp.resolve("no-such-file.csv").toString();
            case "DIR" -> tmp.toString();
            default -> s;
        }).toArray(String[]::new);
        Cli.Result r = Cli.run(a);
        String name = dir.getFileName().toString();
        assertEquals(Integer.parseInt(expect.get(0).trim()), r.exit(), name + ": " + r.err());
        String[] lines = r.errLines();
        assertEquals(1, lines.length, name + ": one line expected, got:\n" + r.err());
        assertTrue(lines[0].contains(expect.get(1)), name + ": '" + lines[0] + "' should mention '" + expect.get(1) + "'");
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), name + ": no stack trace: " + r.err());
    }
}
