package io.glimmer.cli.command;

import io.glimmer.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer report} end to end: one self-contained page with the fit's summary and its figures. */
class ReportCommandTest {
    static final Path cbpp = Cli.shared("cbpp.csv");
    static final String FORMULA = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPageWithTheFitsSummary() throws IOException {
        Path html = dir.resolve("cbpp.html");
        Cli.Result r = Cli.run("report", "--data", cbpp.toString(), "--formula", FORMULA, "--family", "binomial",
                "--output", html.toString(), "--seed", "1");
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("<script"), "no script");
        Matcher src = Pattern.compile("(?:src|href)=\"(https?:)?//").matcher(page);
        assertFalse(src.find(), "nothing loaded from the network");
        // the summary printed by glimmer fit, escaped into the page
        Cli.Result fit = Cli.run("fit", "--data", cbpp.toString(), "--formula", FORMULA, "--family", "binomial");
        String firstLine = fit.out().lines().findFirst().orElseThrow();
        assertTrue(page.contains(firstLine.replace("'", "&#39;")) || page.contains(firstLine), firstLine);
        long figures = Pattern.compile("<svg").matcher(page).results().count();
        assertTrue(figures >= 8, figures + " figures");
        assertTrue(Files.size(html) < 2_000_000);
    }

    @Test
    void aSavedModelDrawsTheSamePageAsItsFitWithoutRefitting() throws IOException {
        Path model = dir.resolve("cbpp.model.json");
        assertEquals(0, Cli.run("fit", "--data", cbpp.toString(), "--formula", FORMULA, "--family", "binomial", "--save", model.toString()).exit());
        Path fitted = dir.resolve("fitted.html");
        Path saved = dir.resolve("saved.html");
        assertEquals(0, Cli.run("report", "--data", cbpp.toString(), "--formula", FORMULA, "--family", "binomial",
                "--output", fitted.toString(), "--seed", "3").exit());
        Cli.Result r = Cli.run("report", "--model", model.toString(), "--data", cbpp.toString(), "--output", saved.toString(), "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        // the figures and tables are the fit's; only the summary text differs (no optimiser ran)
        assertEquals(withoutSummaryText(Files.readString(fitted)), withoutSummaryText(Files.readString(saved)));
    }

    private static String withoutSummaryText(String page) {
        return page.replaceAll("(?s)<pre class=\"summary\">.*?</pre>", "");
    }

    @Test
    void theSameSeedGivesTheSamePage() throws IOException {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        for (Path p : new Path[]{a, b}) {
            assertEquals(0, Cli.run("report", "--data", cbpp.toString(), "--formula", FORMULA, "--family", "binomial",
                    "--output", p.toString(), "--seed", "7").exit());
        }
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    void anUnknownEffectIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("report", "--data", cbpp.toString(), "--formula", FORMULA, "--family", "binomial",
                "--output", dir.resolve("x.html").toString(), "--effect", "nosuch");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--effect nosuch"), r.err());
        assertFalse(Files.exists(dir.resolve("x.html")));
    }
}
