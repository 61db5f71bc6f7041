package io.glimmer.report.browser;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.report.Report;
import io.glimmer.report.ReportOptions;
import io.glimmer.report.Section;
import io.glimmer.report.chart.Figure;
import io.glimmer.report.plot.Fits;
import io.glimmer.report.plot.PlotSource;
import io.glimmer.summary.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports opened in headless Chromium at a desktop (1280 px) and a phone (390 px) width: the page
 * loads with no console message (the page's Content-Security-Policy turns any attempt to load
 * something into one) and starts no network request (read from Chromium's network log), every
 * section and figure is in the DOM, and the screenshot is a picture, not a blank page. A control
 * page that does load from the network shows that both checks see what they must.
 */
class BrowserTest {
    /** A page of tables and charts has hundreds of colours (antialiased text and lines); a blank one has one. */
    private static final int MIN_COLOURS = 50;

    @TempDir
    static Path dir;

    private static final List<Page> pages = new ArrayList<>();

    /** A written report and the ids it must show. */
    record Page(String name, Path file, List<String> ids) {
    }

    @BeforeAll
    static void writeReports() throws IOException {
        Chromium.executable(); // skipped (or failed under CI) before any fitting when there is no browser
        // a GLMM with every GLMM section and the profile plots; a linear model with the effect curve and the bootstrap
        pages.add(write("cbpp", Fits.cbpp(), ReportOptions.defaults(1).withInterval("profile", 1)));
        pages.add(write("sleepstudy", Fits.sleepstudy(), ReportOptions.defaults(2).withEffect("Days").withInterval("bootstrap", 20)));
        // a nonlinear fit (its curves, the notes on what it leaves out) and an ordinal one (thresholds, modes, notes)
        pages.add(write("orange", Fits.orange(), ReportOptions.defaults(3)));
        pages.add(write("wine", Fits.wine(), ReportOptions.defaults(4)));
    }

    private static Page write(String name, MixedModelFit fit, ReportOptions options) throws IOException {
        PlotSource source = PlotSource.of(fit);
        String html = Report.html(source, options, Summary.render(fit, name + ".csv"), name + ".csv");
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>(List.of("summary"));
        if (!Report.notes(source, options).isEmpty()) {
            ids.add("not-drawn");
        }
        for (Section s : Report.sections(source, options)) {
            ids.add(s.id());
            for (Figure f : s.figures()) {
                ids.add("fig-" + f.id());
            }
        }
        return new Page(name, file, ids);
    }

    @ParameterizedTest(name = "{0} at {1} x {2}")
    @CsvSource({"cbpp, 1280, 900", "cbpp, 390, 844", "sleepstudy, 1280, 900", "sleepstudy, 390, 844", "orange, 1280, 900", "orange, 390, 844",
            "wine, 1280, 900", "wine, 390, 844"})
    void reportLoadsOfflineWithEverySectionAndAPicture(String name, int width, int height) throws Exception {
        Page page = pages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        Chromium.Visit v = Chromium.open(page.file(), width, height, dir.resolve(name + "-" + width));
        assertEquals(List.of(), v.consoleMessages(), "console messages");
        assertEquals(List.of(), v.pageRequests(), "network requests by the page");
        assertTrue(v.dom().contains("Content-Security-Policy"), "the policy that blocks loading is in the page");
        for (String id : page.ids()) {
            assertTrue(v.dom().contains("id=\"" + id + "\""), "no element with id " + id + " in the DOM");
        }
        assertTrue(page.ids().size() > 6, page.ids().toString()); // the summary, sections and figures (the ordinal page has the fewest)
        BufferedImage shot = ImageIO.read(v.screenshot().toFile());
        assertEquals(width, shot.getWidth());
        assertEquals(height, shot.getHeight());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                ink += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertTrue(colours.size() >= MIN_COLOURS, colours.size() + " colours in the screenshot");
        assertTrue(ink > 0.02 * width * height, ink + " pixels that are not white");
    }

    @Test
    void theChecksSeeAPageThatLoadsFromTheNetwork() throws Exception {
        String img = "<img src=\"http://glimmer-test.invalid/x.png\" alt=\"\">";
        Path open = dir.resolve("control-open.html");
        Files.writeString(open, "<!DOCTYPE html><html><head><title>t</title></head><body><p>control</p>" + img + "</body></html>");
        Chromium.Visit requested = Chromium.open(open, 400, 300, dir.resolve("control-open"));
        assertFalse(requested.pageRequests().isEmpty(), "the network log shows the page's request");
        assertTrue(requested.pageRequests().get(0).startsWith("http://glimmer-test.invalid/x.png"), requested.pageRequests().toString());
        // the report's policy: the attempt is blocked and said on the console
        Path blocked = dir.resolve("control-blocked.html");
        Files.writeString(blocked, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                + "<title>t</title></head><body><p>control</p>" + img + "</body></html>");
        Chromium.Visit refused = Chromium.open(blocked, 400, 300, dir.resolve("control-blocked"));
        assertEquals(List.of(), refused.pageRequests());
        assertEquals(1, refused.consoleMessages().size(), refused.consoleMessages().toString());
        assertTrue(refused.consoleMessages().get(0).contains("Content Security Policy"), refused.consoleMessages().get(0));
    }
}
