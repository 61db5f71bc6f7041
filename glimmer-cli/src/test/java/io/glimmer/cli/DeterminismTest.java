package io.glimmer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same input gives the same output, byte for byte (the JSON's fit_seconds aside). */
class DeterminismTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sleepstudy.csv | Reaction ~ Days + (Days | Subject) | gaussian | REML | Subject",
            "cbpp.csv | cbind(incidence, size - incidence) ~ period + (1 | herd) | binomial | Laplace | period",
            "grouseticks.csv | TICKS ~ YEAR + HEIGHT + (1 | BROOD) + (1 | LOCATION) | poisson | Laplace | YEAR",
    })
    void repeatedFitsPrintTheSameBytes(String file, String formula, String family, String method, String factors) {
        String data = Cli.data(dir, file).toString();
        String[] json = {"fit", "--data", data, "--formula", formula, "--family", family, "--method", method,
                "--factors", factors, "--format", "json"};
        String first = withoutTiming(Cli.run(json).out());
        String second = withoutTiming(Cli.run(json).out());
        assertEquals(first, second);
        String[] text = {"fit", "--data", data, "--formula", formula, "--family", family, "--method", method, "--factors", factors};
        assertEquals(Cli.run(text).out(), Cli.run(text).out());
    }

    private static String withoutTiming(String json) {
        return json.replaceAll("\"fit_seconds\"\\s*:\\s*[0-9.eE+-]+", "\"fit_seconds\":0");
    }
}
