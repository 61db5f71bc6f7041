package io.glimmer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.glimmer.data.CsvTesting.categorical;
import static io.glimmer.data.CsvTesting.numeric;
import static io.glimmer.data.CsvTesting.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real data sets the reference fits use, read as R's read.csv would read them. */
class CsvReaderDataSetsTest {

    private static DataFrame read(String name, String... factors) {
        return CsvReader.read(resource("/data/" + name), CsvOptions.builder().factor(factors).build());
    }

    @Test
    void sleepstudy() {
        DataFrame df = read("sleepstudy.csv", "Subject");
        assertEquals(List.of("Reaction", "Days", "Subject"), df.names());
        assertEquals(180, df.rows());
        NumericColumn reaction = numeric(df, "Reaction");
        assertEquals(249.56, reaction.get(0));
        assertEquals(0, numeric(df, "Days").get(0));
        CategoricalColumn subject = categorical(df, "Subject");
        assertEquals(18, subject.levelCount());
        assertEquals("308", subject.levels().get(0));
        assertEquals("372", subject.levels().get(17));
        assertNumericOrder(subject.levels());
        assertEquals("308", subject.level(0));
        assertEquals("372", subject.level(179));
    }

    @Test
    void sleepstudySubjectIsNumericUnlessNamedAsAFactor() {
        // R's read.csv also reads the quoted ids as integers; the reference fits pass factors explicitly.
        assertEquals(308, numeric(read("sleepstudy.csv"), "Subject").get(0));
    }

    @Test
    void cbpp() {
        DataFrame df = read("cbpp.csv", "herd", "period");
        assertEquals(56, df.rows());
        CategoricalColumn herd = categorical(df, "herd");
        assertEquals(15, herd.levelCount());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"), herd.levels());
        assertEquals(List.of("1", "2", "3", "4"), categorical(df, "period").levels());
        numeric(df, "incidence");
        numeric(df, "size");
    }

    @Test
    void pastes() {
        DataFrame df = read("pastes.csv");
        assertEquals(60, df.rows());
        assertEquals(62.8, numeric(df, "strength").get(0));
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"), categorical(df, "batch").levels());
        assertEquals(List.of("a", "b", "c"), categorical(df, "cask").levels());
        CategoricalColumn sample = categorical(df, "sample");
        assertEquals(30, sample.levelCount());
        assertEquals("A:a", sample.levels().get(0));
        assertEquals("J:c", sample.levels().get(29));
    }

    @Test
    void penicillinAndDyestuff() {
        DataFrame pen = read("penicillin.csv");
        assertEquals(144, pen.rows());
        assertEquals(24, categorical(pen, "plate").levelCount());
        assertEquals(6, categorical(pen, "sample").levelCount());
        assertEquals(List.of("A", "B", "C", "D", "E", "F"), categorical(read("dyestuff.csv"), "Batch").levels());
    }

    @Test
    void grouseticksWithFourFactors() {
        DataFrame df = read("grouseticks.csv", "YEAR", "BROOD", "INDEX", "LOCATION");
        assertEquals(403, df.rows());
        assertEquals(List.of("95", "96", "97"), categorical(df, "YEAR").levels());
        assertNumericOrder(categorical(df, "BROOD").levels());
        numeric(df, "HEIGHT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bacteria.csv", "cbpp.csv", "dyestuff.csv", "dyestuff2.csv", "epil.csv", "grouseticks.csv",
        "infert.csv", "milk.csv", "ohio.csv", "orange.csv", "pastes.csv", "penicillin.csv", "sleepstudy.csv"})
    void everyDataSetReadsWithOneRowPerLine(String name) throws IOException {
        Path file = resource("/data/" + name);
        DataFrame df = CsvReader.read(file, CsvOptions.defaults());
        assertEquals(Files.readAllLines(file).size() - 1, df.rows());
        for (String column : df.names()) {
            Column c = df.column(column);
            if (c instanceof CategoricalColumn cat) {
                assertFalse(cat.levels().isEmpty(), column);
            }
        }
    }

    private static void assertNumericOrder(List<String> levels) {
        for (int i = 1; i < levels.size(); i++) {
            assertTrue(Double.parseDouble(levels.get(i - 1)) < Double.parseDouble(levels.get(i)), levels.toString());
        }
    }
}
