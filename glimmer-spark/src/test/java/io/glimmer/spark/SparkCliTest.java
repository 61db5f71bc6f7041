package io.glimmer.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer fit --engine spark}: CSV and Parquet give the local engine's JSON and summary; bad combinations are one line, exit 2. */
class SparkCliTest {
    private static final String SLEEP = "Reaction ~ Days + (Days | Subject)";

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parquetAndCsvGiveTheLocalEnginesJson(@TempDir Path dir) throws Exception {
        String csv = SparkSessions.resource("sleepstudy.csv").toString();
        String parquet = dir.resolve("sleepstudy.parquet").toString();
        SparkSessions.csv("sleepstudy.csv").repartition(3).write().parquet(parquet);
        Run local = run("fit", "--data", csv, "--formula", SLEEP, "--format", "json");
        assertEquals(0, local.exit(), local.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(local.out());
        for (String data : new String[]{csv, parquet}) {
            Run spark = run("fit", "--engine", "spark", "--master", "local[2]", "--data", data, "--formula", SLEEP, "--format", "json");
            assertEquals(0, spark.exit(), spark.err());
            assertEquals("", spark.err());
            assertSame(expected, json.readTree(spark.out()), "$");
        }
    }

    /** Same keys and texts; numbers within 1e-6 relative (absolute below 1; fit seconds and the optimizer aside). */
    private static void assertSame(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber()) {
            double e = expected.asDouble();
            assertTrue(actual.isNumber() && Math.abs(e - actual.asDouble()) <= 1e-6 * Math.max(1, Math.abs(e)),
                    path + ": expected " + e + ", got " + actual);
        } else if (expected.isObject()) {
            assertEquals(iterable(expected.fieldNames()), iterable(actual.fieldNames()), path);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("fit_seconds") && !e.getKey().equals("optimizer")) {
                    assertSame(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
                }
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path);
            for (int i = 0; i < expected.size(); i++) {
                assertSame(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static java.util.List<String> iterable(Iterator<String> it) {
        java.util.List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void theTextSummaryIsTheLocalOne() {
        String csv = SparkSessions.resource("sleepstudy.csv").toString();
        Run local = run("fit", "--data", csv, "--formula", SLEEP);
        Run spark = run("fit", "--engine", "spark", "--data", csv, "--formula", SLEEP);
        assertEquals(0, spark.exit(), spark.err());
        assertEquals(local.out(), spark.out());
    }

    @Test
    void whatNeedsTheRowsHereIsRefusedInOneLine() {
        String csv = SparkSessions.resource("sleepstudy.csv").toString();
        Run save = run("fit", "--engine", "spark", "--data", csv, "--formula", SLEEP, "--save", "m.json");
        assertEquals(2, save.exit());
        assertEquals("glimmer: error: --save needs the rows in this process; it does not go with --engine spark\n", save.err());
        Run engine = run("fit", "--engine", "hadoop", "--data", csv, "--formula", SLEEP);
        assertEquals(2, engine.exit());
        assertEquals("glimmer: error: --engine: 'hadoop' is not an engine (choose from: local, spark)\n", engine.err());
        Run crossedAgq = run("fit", "--engine", "spark", "--data", SparkSessions.resource("cbpp.csv").toString(), "--family", "binomial",
                "--method", "AGQ", "--formula", "cbind(incidence, size - incidence) ~ 1 + (1 | herd) + (1 | period)");
        assertEquals(2, crossedAgq.exit());
        assertEquals("glimmer: error: the Spark engine fits adaptive quadrature (--method AGQ) for one random-effects term on one grouping factor,"
                + " such as (1 | g); for crossed or nested terms use --method Laplace\n", crossedAgq.err());
        Run missing = run("fit", "--engine", "spark", "--data", "nowhere.parquet", "--formula", SLEEP);
        assertEquals(2, missing.exit());
        assertEquals("glimmer: error: nowhere.parquet: no such file or directory\n", missing.err());
    }
}
