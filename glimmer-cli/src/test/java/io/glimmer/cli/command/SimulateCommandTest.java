package io.glimmer.cli.command;

import io.glimmer.cli.Cli;
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

    @Test
    void aDrawnSeedIsReportedAndRepeatsTheRun() throws IOException {
        Cli.Result drawn = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "2");
        assertEquals(0, drawn.exit(), drawn.err());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^glimmer: note: seed (\\d+) \\(give --seed \\1 to repeat this run\\)$").matcher(drawn.err().strip());
        assertTrue(m.matches(), drawn.err());
        long seed = Long.parseLong(m.group(1));
        assertTrue(seed < (1L << 53), "exact in any JSON reader: " + seed);
        Cli.Result again = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--nsim", "2", "--seed", m.group(1));
        assertEquals(drawn.out(), again.out());
        assertEquals("", again.err(), "a given seed needs no note");
    }

    @Test
    void jsonCarriesTheSeedAndTheSameNumbersAsTheCsv() throws IOException {
        Cli.Result csv = Cli.run("simulate", "--data", cbpp.toString(), "--factors", "herd,period", "--family", "binomial",
                "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)", "--nsim", "2", "--seed", "5");
        Cli.Result json = Cli.run("simulate", "--data", cbpp.toString(), "--factors", "herd,period", "--family", "binomial",
                "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)", "--nsim", "2", "--seed", "5", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(5, j.get("seed").asLong());
        assertEquals(2, j.get("nsim").asInt());
        assertEquals(56, j.get("n_obs").asInt());
        String[] lines = csv.out().split("\n");
        for (int row = 1; row < lines.length; row++) {
            String[] cells = lines[row].split(",");
            for (int i = 0; i < 2; i++) {
                assertEquals(cells[i], j.get("simulations").get(i).get(row - 1).toString(), "counts stay whole numbers");
            }
        }
        Cli.Result drawn = Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--format", "json");
        assertTrue(drawn.err().contains("seed " + new com.fasterxml.jackson.databind.ObjectMapper().readTree(drawn.out()).get("seed").asLong()
                + " "), drawn.err());
        assertEquals(2, Cli.run("simulate", "--data", sleepstudy.toString(), "--formula", FORMULA, "--format", "xml").exit());
    }
}
