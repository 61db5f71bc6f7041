package io.glimmer.cli.command;

import io.glimmer.cli.Cli;
import io.glimmer.report.PlotKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer plot KIND}: one of the report's figures as SVG or PNG, chosen among several by --group/--term/--parameter. */
class PlotCommandTest {
    static final Path sleepstudy = Cli.shared("sleepstudy.csv");
    static final Path cbpp = Cli.shared("cbpp.csv");
    static final String SLEEP = "Reaction ~ Days + (Days | Subject)";
    static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    @TempDir
    Path dir;

    private Cli.Result sleep(String kind, Path out, String... more) {
        String[] base = {"plot", kind, "--data", sleepstudy.toString(), "--formula", SLEEP, "--output", out.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void writesTheChosenCaterpillarAsAStandaloneSvg() throws IOException {
        Path svg = dir.resolve("days.svg");
        Cli.Result r = sleep("caterpillar", svg, "--term", "Days", "--group", "Subject");
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml"), text.substring(0, 40));
        assertTrue(text.contains("<svg width=\"640\""));
        assertTrue(text.contains("Caterpillar plot: Days | Subject"), "the title as text");
        assertFalse(text.contains("(Intercept) | Subject"), "only the term chosen");
    }

    @Test
    void aSavedModelDrawsTheFitsFigure() throws IOException {
        Path model = dir.resolve("sleep.model.json");
        assertEquals(0, Cli.run("fit", "--data", sleepstudy.toString(), "--formula", SLEEP, "--save", model.toString()).exit());
        Path fitted = dir.resolve("fitted.svg");
        Path saved = dir.resolve("saved.svg");
        assertEquals(0, sleep("caterpillar", fitted, "--term", "Days").exit());
        Cli.Result r = Cli.run("plot", "caterpillar", "--model", model.toString(), "--data", sleepstudy.toString(), "--term", "Days",
                "--output", saved.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(fitted), Files.readString(saved));
    }

    @Test
    void writesAPngAtTwiceTheSize() throws IOException {
        Path png = dir.resolve("resid.png");
        assertEquals(0, sleep("residuals", png).exit());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * 560, image.getWidth());
        assertEquals(2 * 400, image.getHeight());
    }

    @Test
    void severalFiguresWithoutAChoiceAreListedInOneLine() {
        Path svg = dir.resolve("x.svg");
        Cli.Result r = sleep("caterpillar", svg);
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("(Intercept) | Subject, Days | Subject"), r.err());
        assertTrue(r.err().contains("--group and --term"), r.err());
        assertFalse(Files.exists(svg));
        Cli.Result none = sleep("shrinkage", svg, "--term", "Age");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no random effect Age | any group"), none.err());
    }

    @Test
    void badKindExtensionOrOptionIsOneLineBeforeAnyFit() {
        Path svg = dir.resolve("x.svg");
        Cli.Result kind = sleep("pie", svg);
        assertEquals(2, kind.exit());
        assertTrue(kind.err().contains("unknown plot 'pie' (choose caterpillar, qq-modes"), kind.err());
        Cli.Result ext = sleep("residuals", dir.resolve("x.pdf"));
        assertEquals(2, ext.exit());
        assertTrue(ext.err().contains("must end in .svg or .png"), ext.err());
        Cli.Result seed = sleep("residuals", svg, "--seed", "1");
        assertEquals(2, seed.exit());
        assertTrue(seed.err().contains("--seed applies to scaled-residuals, scaled-fitted and bootstrap, not residuals"), seed.err());
        Cli.Result group = sleep("residuals", svg, "--group", "Subject");
        assertEquals(2, group.exit());
        assertEquals(1, group.errLines().length, group.err());
    }

    @Test
    void profileOfOneParameter() throws IOException {
        Path svg = dir.resolve("p.svg");
        Cli.Result r = Cli.run("plot", "profile", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial",
                "--parameter", "sd_(Intercept)|herd", "--output", svg.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(svg).contains("Profile: sd_(Intercept)|herd"));
    }

    @Test
    void everyKindIsInTheHelp() {
        String help = Cli.run("plot", "--help").out();
        for (PlotKind k : PlotKind.values()) {
            assertTrue(help.matches("(?s).*\\b" + java.util.regex.Pattern.quote(k.label()) + "\\b.*"), k.label());
        }
    }
}
