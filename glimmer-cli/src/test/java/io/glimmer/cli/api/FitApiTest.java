package io.glimmer.cli.api;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.cli.Cli;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.Residuals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The Java API's fit does what the command line does with the same model: it prints as the CLI's
 * summary, predicts as {@code glimmer predict} from a saved model, gives the residuals of
 * {@code --residuals} and simulates as {@code glimmer simulate} with the same seed.
 */
class FitApiTest {
    private static final String FORMULA = "Reaction ~ Days + (Days | Subject)";
    @TempDir
    static Path dir;
    static Path sleepstudy;
    static MixedModelFit fit;

    @BeforeAll
    static void fit() {
        sleepstudy = Cli.data(dir, "sleepstudy.csv");
        fit = Glimmer.fit(sleepstudy, FORMULA);
    }

    @Test
    void printsAsTheCommandLineSummary() {
        Cli.Result r = Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA);
        assertEquals(0, r.exit(), r.err());
        assertEquals(r.out().strip(), fit.toString().strip());
    }

    @Test
    void predictsAsTheSavedModelDoes() throws Exception {
        Path model = dir.resolve("m.json");
        assertEquals(0, Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--save", model.toString()).exit());
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", sleepstudy.toString(), "--random", "population");
        assertEquals(0, r.exit(), r.err());
        DataFrame data = CsvReader.read(sleepstudy, CsvOptions.builder().build());
        Predictions p = fit.predict(data, PredictionScale.RESPONSE, RandomEffectsMode.POPULATION);
        List<String> lines = r.out().lines().skip(1).toList();
        assertEquals(lines.size(), p.rows());
        for (int i = 0; i < p.rows(); i++) {
            assertEquals(Double.parseDouble(lines.get(i).split(",")[1]), p.values()[i], 1e-12);
        }
    }

    @Test
    void residualsAreTheResidualsFile() throws Exception {
        Path file = dir.resolve("r.csv");
        assertEquals(0, Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--residuals", file.toString()).exit());
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        int col = List.of(header).indexOf("response");
        Residuals res = fit.residuals();
        assertEquals(lines.size() - 1, res.response().length);
        for (int i = 0; i < res.response().length; i++) {
            assertEquals(Double.parseDouble(lines.get(i + 1).split(",")[col]), res.response()[i], 1e-9);
        }
    }

    @Test
    void simulatesAsTheCommandLineWithTheSameSeed() {
        MixedModelFit cbpp = Glimmer.fit(Cli.data(dir, "cbpp.csv"), "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                FitOptions.builder().family("binomial").method(Method.LAPLACE).factors(Set.of("period", "herd")).build());
        double[][] y = cbpp.simulate(3, 42);
        Cli.Result r = Cli.run("simulate", "--data", dir.resolve("cbpp.csv").toString(), "--formula",
                "cbind(incidence, size - incidence) ~ period + (1 | herd)", "--family", "binomial", "--factors", "period,herd",
                "--nsim", "3", "--seed", "42");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().skip(1).toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            for (int s = 0; s < 3; s++) {
                assertEquals(Double.parseDouble(cells[cells.length - 3 + s]), y[s][i], 0, "row " + i + " sim " + s);
            }
        }
        assertNotEquals(0, y[0].length);
        assertArrayEquals(y[1], cbpp.simulate(3, 42)[1], "the same seed, the same draws");
    }
}
