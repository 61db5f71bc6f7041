package io.glimmer.cli.text;

import io.glimmer.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code glimmer fit --residuals FILE}: the CSV and lme4's residual sums for cbpp. */
class ResidualsFileTest {
    @TempDir
    static Path dir;

    @Test
    void cbppResidualsSumToLme4sStatistics() throws IOException {
        Path data = Cli.data(dir, "cbpp.csv");
        Path file = dir.resolve("residuals.csv");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                "--family", "binomial", "--factors", "period,herd", "--residuals", file.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(ResidualsFile.HEADER, lines.get(0));
        assertEquals(57, lines.size());
        double pearson = 0;
        double deviance = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(7, c.length, line);
            double observed = Double.parseDouble(c[1]);
            double fitted = Double.parseDouble(c[2]);
            assertEquals(observed - fitted, Double.parseDouble(c[3]), 1e-12);
            pearson += Math.pow(Double.parseDouble(c[4]), 2);
            deviance += Math.pow(Double.parseDouble(c[5]), 2);
        }
        assertEquals("1", lines.get(1).split(",")[0]);
        // lme4 1.1-31: sum(residuals(fit, "pearson")^2), deviance(fit) = sum(residuals(fit, "deviance")^2)
        assertEquals(63.06738029, pearson, 63.07 * 1e-3);
        assertEquals(73.47439565, deviance, 73.47 * 1e-3);
    }

    @Test
    void rowsAreThoseOfTheDataFileWhenSomeAreDropped() throws IOException {
        String csv = Cli.dataText("sleepstudy.csv").replaceFirst("\n249.56,", "\nNA,");
        Path data = dir.resolve("sleepstudy-na.csv");
        Files.writeString(data, csv);
        Path file = dir.resolve("sleep-residuals.csv");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--formula", "Reaction ~ Days + (Days | Subject)", "--residuals", file.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(180, lines.size());
        assertEquals("2", lines.get(1).split(",")[0]);
    }
}
