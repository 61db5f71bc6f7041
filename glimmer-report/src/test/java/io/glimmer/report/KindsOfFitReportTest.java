package io.glimmer.report;

import io.glimmer.error.InputException;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.report.plot.Fits;
import io.glimmer.report.plot.PlotSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report of a nonlinear, an ordinal and a zero-inflated fit: the sections that apply, one note for each left out. */
class KindsOfFitReportTest {

    private static List<String> ids(PlotSource s) {
        return Report.sections(s, ReportOptions.defaults(1)).stream().map(Section::id).toList();
    }

    private static String page(MixedModelFit fit) {
        return Report.html(PlotSource.of(fit), ReportOptions.defaults(1), fit.toString(), "data.csv");
    }

    @Test
    void nonlinearFitShowsItsCurvesAndResiduals() {
        PlotSource s = PlotSource.of(Fits.orange());
        assertEquals(List.of("random-effects", "curves", "residuals"), ids(s));
        Section curves = Report.sections(s, ReportOptions.defaults(1)).get(1);
        assertEquals(1 + 5, curves.figures().size(), "the overview and one chart a tree");
        List<String> notes = Report.notes(s, ReportOptions.defaults(1));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("Shrinkage plots: not drawn"));
        assertTrue(notes.get(1).startsWith("The picture of Z: not drawn"));
        assertTrue(page(Fits.orange()).contains("id=\"not-drawn\""));
        InputException e = assertThrows(InputException.class, () -> PlotKind.SHRINKAGE.candidates(s, ReportOptions.defaults(1)));
        assertTrue(e.getMessage().startsWith("shrinkage is not drawn for this fit"), e.getMessage());
        assertEquals("Tree", PlotKind.GROUP_CURVES.draw(s, ReportOptions.defaults(1), new Selection(null, "3", null)).title().split(" ")[0]);
    }

    @Test
    void ordinalFitShowsItsThresholdsAndModesAndSaysWhatItLeavesOut() {
        PlotSource s = PlotSource.of(Fits.wine());
        // the core gives ordinal fits residuals (score Pearson) and simulation, so both residual sections are drawn
        assertEquals(List.of("random-effects", "residuals", "scaled-residuals", "z"), ids(s));
        List<String> notes = Report.notes(s, ReportOptions.defaults(1));
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Shrinkage plots: not drawn")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Percentile histograms of the predictions: not drawn")), notes.toString());
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("Residual plots: not drawn")), notes.toString());
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("Simulation-based scaled residuals: not drawn")), notes.toString());
        String html = page(Fits.wine());
        assertTrue(html.contains("<caption>Thresholds"));
        for (var t : Fits.wine().thresholds()) {
            assertTrue(html.contains(">" + t.term() + "</th>"), t.term());
        }
    }

    @Test
    void zeroInflatedFitShowsItsZeroInflationTableAndScaledResiduals() {
        PlotSource s = PlotSource.of(Fits.owls());
        // the core gives zero-inflated fits glmmTMB's response and Pearson residuals, so residual plots are drawn
        assertEquals(List.of("random-effects", "residuals", "scaled-residuals", "z"), ids(s));
        List<String> notes = Report.notes(s, ReportOptions.defaults(1));
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("Residual plots: not drawn")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Percentile histograms of the predictions: not drawn")), notes.toString());
        String html = page(Fits.owls());
        assertTrue(html.contains("<caption>Zero-inflation model"));
        assertFalse(html.contains("id=\"histograms\""));
    }

    @Test
    void ordinaryFitsHaveNoNotes() {
        assertEquals(List.of(), Report.notes(PlotSource.of(Fits.cbpp()), ReportOptions.defaults(1)));
        assertEquals(List.of(), Report.notes(PlotSource.of(Fits.sleepstudy()), ReportOptions.defaults(1)));
        assertFalse(page(Fits.cbpp()).contains("not-drawn"));
    }
}
