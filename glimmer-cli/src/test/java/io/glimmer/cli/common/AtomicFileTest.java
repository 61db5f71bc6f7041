package io.glimmer.cli.common;

import io.glimmer.cli.Cli;

import io.glimmer.error.InputException;
import io.glimmer.cli.text.ResidualsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files are written whole or not at all, and nothing but the file is left in its directory. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOneWhole() throws IOException {
        Path f = dir.resolve("out.json");
        AtomicFile.write(f, "out.json", "first, longer text\n");
        assertEquals("first, longer text\n", Files.readString(f));
        AtomicFile.write(f, "out.json", "second\n");
        assertEquals("second\n", Files.readString(f)); // not "second\nlonger text\n"
        assertEquals(List.of("out.json"), names());
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("model.json"), "the old model\n");
        InputException e = assertThrows(InputException.class, () -> AtomicFile.write(f, "model.json", out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("model.json: cannot write (IOException: No space left on device)", e.getMessage());
        assertEquals("the old model\n", Files.readString(f));
        assertEquals(List.of("model.json"), names());
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(target.resolve("inside"), "x");
        InputException e = assertThrows(InputException.class, () -> AtomicFile.write(target, "taken", "text"));
        assertTrue(e.getMessage().startsWith("taken: cannot write ("), e.getMessage());
        assertEquals(List.of("taken"), names());
        assertEquals("x", Files.readString(target.resolve("inside")));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        InputException e = assertThrows(InputException.class,
                () -> AtomicFile.write(dir.resolve("no/such/out.csv"), "no/such/out.csv", "text"));
        assertEquals("no/such/out.csv: cannot write (no such directory)", e.getMessage());
    }

    @Test
    void aRewrittenFileKeepsItsPermissionsAndANewOneGetsTheUsualOnes() throws IOException {
        Path f = Files.writeString(dir.resolve("shared.csv"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(f, "shared.csv", "new");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Path usual = Files.writeString(dir.resolve("usual"), "");
        Path made = dir.resolve("made.csv");
        AtomicFile.write(made, "made.csv", "new");
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(made)); // not owner-only
    }

    @Test
    void aSymbolicLinkStaysALinkToTheNewText() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        AtomicFile.write(link, "link.json", "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("link.json", "real.json"), names());
    }

    @Test
    void everyWriterOfTheCliGoesThroughIt() throws IOException {
        // --output, --save and --residuals over old files: each replaced whole, nothing else left behind.
        Path data = Cli.data(dir, "sleepstudy.csv");
        Path out = Files.writeString(dir.resolve("fit.json"), "x".repeat(100_000));
        Path model = Files.writeString(dir.resolve("fit.model"), "x".repeat(100_000));
        Path residuals = Files.writeString(dir.resolve("res.csv"), "x".repeat(100_000));
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--formula", "Reaction ~ Days + (1 | Subject)",
                "--format", "json", "--output", out.toString(), "--save", model.toString(), "--residuals", residuals.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out).startsWith("{") && !Files.readString(out).contains("xxx"));
        assertTrue(Files.readString(model).startsWith("{") && !Files.readString(model).contains("xxx"));
        assertTrue(Files.readString(residuals).startsWith(ResidualsFile.HEADER) && !Files.readString(residuals).contains("xxx"));
        assertEquals(List.of("fit.json", "fit.model", "res.csv", "sleepstudy.csv"), names());
    }
}
