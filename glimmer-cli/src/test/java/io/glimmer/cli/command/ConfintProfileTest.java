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

/** {@code glimmer confint --interval profile} end to end, against lme4's confint(fit, oldNames = FALSE). */
class ConfintProfileTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final Path sleepstudy = Cli.shared("sleepstudy.csv");
    static final Path dyestuff = Cli.shared("dyestuff.csv");

    private static Cli.Result confint(String... extra) {
        List<String> args = new ArrayList<>(List.of("confint", "--data", sleepstudy.toString(),
                "--formula", "Reaction ~ Days + (Days | Subject)", "--interval", "profile"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void jsonMatchesLme4() throws IOException {
        Cli.Result r = confint("--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(0.95, j.get("level").asDouble());
        assertEquals("profile", j.get("interval").asText());
        List<String> names = new ArrayList<>();
        j.get("intervals").forEach(i -> names.add(i.get("parameter").asText()));
        assertEquals(List.of("sd_(Intercept)|Subject", "cor_Days.(Intercept)|Subject", "sd_Days|Subject", "sigma", "(Intercept)", "Days"),
                names);
        JsonNode sd = j.get("intervals").get(0);
        assertEquals(14.3814181607732, sd.get("lower").asDouble(), 0.02);
        assertEquals(37.7159953182866, sd.get("upper").asDouble(), 0.02);
        JsonNode days = j.get("intervals").get(5);
        assertEquals(7.35865327511699, days.get("lower").asDouble(), 0.005);
        assertEquals(13.5759187517082, days.get("upper").asDouble(), 0.005);
    }

    @Test
    void textReadsLikeR() {
        Cli.Result r = Cli.run("confint", "--data", dyestuff.toString(), "--formula", "Yield ~ 1 + (1 | Batch)", "--level", "0.9");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].matches(" +5 % +95 %"), lines[0]);
        // lme4: 16.7714480163 72.8732842767; 39.7320075218 64.0691427704
        assertTrue(lines[1].matches("sd_\\(Intercept\\)\\|Batch +16\\.77\\d* +72\\.87\\d*"), lines[1]);
        assertTrue(lines[2].matches("sigma +39\\.73\\d* +64\\.06\\d*"), lines[2]);
        assertTrue(lines[3].startsWith("(Intercept) "), lines[3]);
    }

    @Test
    void glmmWithDispersionIsAUsageError() {
        Cli.Result r = confint("--family", "Gamma", "--link", "log");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--interval wald"), r.err());
    }
}
