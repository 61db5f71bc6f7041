package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.cli.Cli;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.predict.SavedModel;
import io.glimmer.predict.SavedRandomTerm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved-model file: every value survives a round trip exactly; wrong files are refused with a clear message. */
class ModelFileTest {
    @TempDir
    static Path dir;

    private static SavedModel saved(String file, String formula, FitOptions options) {
        DataFrame data = CsvReader.read(Cli.data(dir, file), CsvOptions.builder().factors(options.factors()).build());
        MixedModelFit fit = Glimmer.fit(data, formula, options);
        return SavedModel.of(fit, Design.of(data, Formula.parse(formula), options.weights()));
    }

    private static void assertSame(SavedModel a, SavedModel b) {
        assertEquals(a.formula(), b.formula());
        assertEquals(a.family(), b.family());
        assertEquals(a.link(), b.link());
        assertEquals(a.method(), b.method());
        assertEquals(a.nObs(), b.nObs());
        assertEquals(a.coefficientNames(), b.coefficientNames());
        assertArrayEquals(a.beta(), b.beta(), 0);
        assertArrayEquals(a.betaCovariance(), b.betaCovariance());
        assertArrayEquals(a.theta(), b.theta(), 0);
        assertEquals(a.sigma(), b.sigma());
        assertEquals(a.coding(), b.coding());
        assertEquals(a.randomTerms().size(), b.randomTerms().size());
        for (int k = 0; k < a.randomTerms().size(); k++) {
            SavedRandomTerm x = a.randomTerms().get(k);
            SavedRandomTerm y = b.randomTerms().get(k);
            assertEquals(x.group(), y.group());
            assertEquals(x.terms(), y.terms());
            assertEquals(x.levels(), y.levels());
            assertArrayEquals(x.covariance(), y.covariance());
            assertArrayEquals(x.modes(), y.modes());
        }
    }

    @Test
    void roundTripIsExact() {
        for (SavedModel m : new SavedModel[]{
                saved("sleepstudy.csv", "Reaction ~ scale(Days) + (Days || Subject)", FitOptions.defaults()),
                saved("cbpp.csv", "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                        FitOptions.builder().family("binomial").factors(Set.of("period", "herd")).build()),
                saved("pastes.csv", "strength ~ 1 + (1 | batch/cask)", FitOptions.defaults())}) {
            JsonNode json = ModelFile.toJson(m);
            assertSame(m, ModelFile.fromJson(json, "m.json"));
        }
        SavedModel scaled = saved("sleepstudy.csv", "Reaction ~ scale(Days) + (Days || Subject)", FitOptions.defaults());
        assertEquals(2, scaled.randomTerms().size());
        assertEquals(1, scaled.coding().scaling().size());
        assertTrue(ModelFile.toJson(scaled).get("scaling").has("scale(Days)"));
    }

    @Test
    void refusesOtherFiles() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        InputException notModel = assertThrows(InputException.class, () -> ModelFile.fromJson(mapper.readTree("{\"formula\": \"y ~ x\"}"), "x.json"));
        assertTrue(notModel.getMessage().startsWith("x.json: not a glimmer model file"), notModel.getMessage());
        InputException version = assertThrows(InputException.class,
                () -> ModelFile.fromJson(mapper.readTree("{\"format\": \"glimmer-model\", \"format_version\": 2}"), "x.json"));
        assertTrue(version.getMessage().contains("format version 2 is not supported (this glimmer reads version 1)"), version.getMessage());
        InputException noVersion = assertThrows(InputException.class,
                () -> ModelFile.fromJson(mapper.readTree("{\"format\": \"glimmer-model\"}"), "x.json"));
        assertTrue(noVersion.getMessage().contains("format_version"), noVersion.getMessage());
    }
}
