package io.glimmer.report;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.report.plot.Fits;
import io.glimmer.report.plot.PlotSource;
import io.glimmer.summary.Summary;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report: self-contained, every section, the summary's numbers, alt text on every figure. */
class ReportTest {

    static String cbppReport() {
        MixedModelFit fit = Fits.cbpp();
        return Report.html(PlotSource.of(fit), ReportOptions.defaults(1), Summary.render(fit, "cbpp.csv"), "cbpp.csv");
    }

    @Test
    void cbppReportIsSelfContainedWithEverySection() throws Exception {
        String html = cbppReport();
        Path out = Path.of("target", "cbpp-report.html");
        Files.writeString(out, html, StandardCharsets.UTF_8);
        for (String id : new String[]{"summary", "random-effects", "residuals", "scaled-residuals", "histograms", "z"}) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(html.contains(Html(Summary.render(Fits.cbpp(), "cbpp.csv"))), "the text glimmer fit prints");
        assertFalse(html.contains("<script"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing loaded from elsewhere");
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "url() only to ids on the page");
        // every figure is an inline SVG with a title for screen readers and a caption
        Matcher m = Pattern.compile("<figure id=\"fig-([a-z0-9-]+)\"").matcher(html);
        int figures = 0;
        while (m.find()) {
            figures++;
            String id = m.group(1);
            assertTrue(html.contains("<svg id='" + id + "'"), id);
            assertTrue(html.contains("role=\"img\" aria-labelledby=\"" + id + "-title\"><title id=\"" + id + "-title\">"), id);
        }
        assertEquals(11, figures); // caterpillar, QQ, shrinkage; 3 residual plots; 2 scaled-residual plots; histograms; Z twice
        assertTrue(html.contains("<text"), "text as text");
        assertTrue(html.length() < 2_000_000);
    }

    @Test
    void intervalSectionsHaveAFigureAParameter() {
        MixedModelFit fit = Fits.sleepstudy();
        PlotSource source = PlotSource.of(fit);
        for (String method : new String[]{"profile", "bootstrap"}) {
            List<Section> sections = Report.sections(source, ReportOptions.defaults(3).withInterval(method, 20));
            Section s = sections.stream().filter(x -> x.id().equals(method)).findFirst().orElseThrow();
            // sd_(Intercept)|Subject, cor_Days.(Intercept)|Subject, sd_Days|Subject, sigma, (Intercept), Days
            assertEquals(6, s.figures().size(), method);
            assertEquals(method.equals("profile") ? "Profile: sigma" : "Bootstrap: sigma", s.figures().get(3).title());
            assertEquals("z", sections.get(sections.size() - 1).id(), "Z stays last");
        }
        assertTrue(Report.sections(source, ReportOptions.defaults(3)).stream().noneMatch(x -> x.id().equals("profile") || x.id().equals("bootstrap")));
    }

    private static String Html(String s) {
        return io.glimmer.report.chart.Html.escape(s);
    }
}
