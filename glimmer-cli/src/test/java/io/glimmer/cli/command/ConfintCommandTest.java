package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer confint} end to end: Wald against lme4, a small seeded bootstrap, and bad input. */
class ConfintCommandTest {
    static final String FORMULA = "Reaction ~ Days + (Days | Subject)";
    static final ObjectMapper JSON = new ObjectMapper();

    static final Path sleepstudy = Cli.shared("sleepstudy.csv");
    static final Path dyestuff = Cli.shared("dyestuff.csv");

    private static Cli.Result confint(String... extra) {
        List<String> args = new ArrayList<>(List.of("confint", "--data", sleepstudy.toString(), "--formula", FORMULA));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertUsageError(Cli.Result r, String fragment) {
        assertEquals(2, r.exit(), r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    @Test
    void waldJsonMatchesLme4() throws IOException {
        Cli.Result r = confint("--interval", "wald", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("level", "interval", "intervals"), names);
        assertEquals(0.95, j.get("level").asDouble());
        assertEquals("wald", j.get("interval").asText());
        JsonNode first = j.get("intervals").get(0);
        assertEquals("sd_(Intercept)|Subject", first.get("parameter").asText());
        assertTrue(first.get("lower").isNull() && first.get("upper").isNull());
        JsonNode days = j.get("intervals").get(5);
        assertEquals("Days", days.get("parameter").asText());
        assertEquals(7.437594, days.get("lower").asDouble(), 1e-4);
        assertEquals(13.49698, days.get("upper").asDouble(), 1e-4);
    }

    @Test
    void waldTextReadsLikeR() {
        Cli.Result r = confint("--interval", "wald", "--level", "0.9");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches(" +5 % +95 %"), lines[0]);
        assertTrue(lines[1].startsWith("sd_(Intercept)|Subject ") && lines[1].endsWith("NA"), lines[1]);
        assertTrue(lines[6].startsWith("Days "), lines[6]);
    }

    @Test
    void seededBootstrapIsReproducible() throws IOException {
        String[] args = {"--interval", "bootstrap", "--nsim", "12", "--seed", "7", "--format", "json"};
        Cli.Result a = Cli.run(concat(new String[]{"confint", "--data", dyestuff.toString(), "--formula", "Yield ~ 1 + (1 | Batch)"}, args));
        Cli.Result b = Cli.run(concat(new String[]{"confint", "--data", dyestuff.toString(), "--formula", "Yield ~ 1 + (1 | Batch)", "--threads", "1"}, args));
        assertEquals(0, a.exit(), a.err());
        assertEquals("", a.err(), "no progress bar without a console");
        assertEquals(a.out(), b.out());
        JsonNode j = JSON.readTree(a.out());
        assertEquals("bootstrap", j.get("interval").asText());
        assertEquals(12, j.get("nsim").asInt());
        assertEquals(0, j.get("failed").asInt());
        assertEquals(7, j.get("seed").asLong());
        List<String> params = new ArrayList<>();
        j.get("intervals").forEach(i -> params.add(i.get("parameter").asText()));
        assertEquals(List.of("sd_(Intercept)|Batch", "sigma", "(Intercept)"), params);
        j.get("intervals").forEach(i -> assertTrue(i.get("lower").asDouble() < i.get("upper").asDouble(), i.toString()));
    }

    @Test
    void bootstrapTextNamesReplicatesAndSeed() {
        Cli.Result r = Cli.run("confint", "--data", dyestuff.toString(), "--formula", "Yield ~ 1 + (1 | Batch)",
                "--interval", "bootstrap", "--nsim", "5", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Parametric bootstrap, percentile intervals: 5 replicates, seed 3\n"), r.out());
        assertTrue(r.out().contains("2.5 %") && r.out().contains("97.5 %"), r.out());
    }

    @Test
    void profileIsTheDefault() throws IOException {
        Cli.Result r = Cli.run("confint", "--data", dyestuff.toString(), "--formula", "Yield ~ 1 + (1 | Batch)", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("profile", JSON.readTree(r.out()).get("interval").asText());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsageError(confint("--interval", "bootstrap", "--nsim", "0"), "--nsim");
        assertUsageError(confint("--interval", "wald", "--level", "1.5"), "level");
        assertUsageError(confint("--interval", "likelihood"), "unknown --interval");
        assertUsageError(confint("--interval", "wald", "--nsim", "10"), "--nsim applies to --interval bootstrap");
        assertUsageError(confint("--interval", "bootstrap", "--method", "GEE", "--cluster", "Subject"), "bootstrap");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
