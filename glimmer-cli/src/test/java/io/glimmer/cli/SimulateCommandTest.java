package io.glimmer.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer simulate}: the CSV's shape, reproducibility, binomial counts and bad input. */
class SimulateCommandTest {
    static final String FORMULA = "Reaction ~ Days + (Days | Subject)";

    @TempDir
    static Path dir;
    static Path sleepstudy;
    static Path cbpp;

    @BeforeAll
    static void copyData() {
        sleepstudy = Cli.data(dir, "sleepstudy.csv");
        cbpp = Cli.data(dir, "cbpp.csv");
    }

    @Test
    void oneColumnPerSimulationOneRowPerObservation() {
        Cli.Result r = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "3", "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        String[] lines = r.out().split("\n");
        assertEquals("sim_1,sim_2,sim_3", lines[0]);
        assertEquals(181, lines.length);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            assertEquals(3, cells.length);
            for (String c : cells) {
                double v = Double.parseDouble(c);
                assertTrue(v > 0 && v < 800, lines[i]); // reaction times around 300 ms
            }
        }
    }

    @Test
    void sameSeedSameResponsesAndFileOutput() throws IOException {
        Path out = dir.resolve("sim.csv");
        Cli.Result a = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "2", "--seed", "9");
        Cli.Result b = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "2", "--seed", "9", "--output", out.toString());
        Cli.Result c = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "2", "--seed", "10");
        assertEquals(0, b.exit(), b.err());
        assertEquals("", b.out());
        assertEquals(a.out(), Files.readString(out));
        assertNotEquals(a.out(), c.out());
    }

    @Test
    void binomialCbindGivesSuccessCounts() {
        Cli.Result r = Cli.run("simulate", "--data", cbpp.toString(), "--family", "binomial", "--factors", "period,herd",
                "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)", "--seed", "4");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("sim_1", lines[0]);
        assertEquals(57, lines.length);
        String[] data = Cli.dataText("cbpp.csv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            int count = Integer.parseInt(lines[i]);
            int size = Integer.parseInt(data[i].split(",")[2]);
            assertTrue(count >= 0 && count <= size, lines[i] + " of " + size);
        }
    }

    @Test
    void badInput() {
        Cli.Result zero = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--nsim"), zero.err());
        Cli.Result gee = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", "Reaction ~ Days", "--method", "GEE", "--cluster", "Subject");
        assertEquals(2, gee.exit());
        assertEquals(1, gee.errLines().length, gee.err());
    }
}
