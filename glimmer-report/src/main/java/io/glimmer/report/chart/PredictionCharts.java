package io.glimmer.report.chart;

import io.glimmer.report.plot.EffectCurve;
import io.glimmer.report.plot.PercentileHistograms;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/** Charts of predictions: the percentile histograms and the marginal against the conditional curve. */
public final class PredictionCharts {
    private PredictionCharts() {
    }

    /** One panel a histogram, stacked, sharing the x axis and the y range so they compare. */
    public static Figure histograms(PercentileHistograms h, String id) {
        double[] e = h.edges();
        NumberAxis x = Style.axis("predicted " + h.scale());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(28);
        int top = 0;
        for (PercentileHistograms.Panel p : h.panels()) {
            for (int c : p.counts()) {
                top = Math.max(top, c);
            }
        }
        List<PercentileHistograms.Panel> panels = h.panels();
        for (int k = 0; k < panels.size(); k++) {
            PercentileHistograms.Panel p = panels.get(k);
            XYIntervalSeries s = new XYIntervalSeries(p.label());
            int[] counts = p.counts();
            for (int b = 0; b < counts.length; b++) {
                s.add((e[b] + e[b + 1]) / 2, e[b], e[b + 1], counts[b], 0, counts[b]);
            }
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            data.addSeries(s);
            XYBarRenderer r = new XYBarRenderer();
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(true);
            r.setSeriesOutlinePaint(0, java.awt.Color.WHITE);
            r.setSeriesPaint(0, p.group() == null ? Palette.ORANGE : Palette.BLUE);
            r.setUseYInterval(true);
            NumberAxis y = Style.axis("rows");
            y.setRange(0, top * 1.05);
            XYPlot plot = Style.plot(new XYPlot(data, null, y, r));
            plot.addAnnotation(panelTitle(p, e[0], top));
            combined.add(plot, 1);
        }
        String title = "Predicted " + h.scale() + " of every row";
        StringBuilder alt = new StringBuilder("Histograms, on shared axes, of the predicted " + h.scale() + " of every row used: ");
        for (PercentileHistograms.Panel p : panels) {
            alt.append(p.group() == null ? "with " + p.label() : p.label() + " (" + Format.number(p.value()) + ")").append("; ");
        }
        alt.setLength(alt.length() - 2);
        alt.append('.');
        org.jfree.chart.JFreeChart chart = Style.chart(title, combined, false);
        chart.addSubtitle(new TextTitle("each random effect held at the 20th, 40th, 60th and 80th percentiles of N(0, \u03c3\u00b2), then all effects varying", Style.LABEL));
        return new Figure(id, title, alt.toString(), chart, 640, 110 + 150 * panels.size());
    }

    private static org.jfree.chart.annotations.XYTextAnnotation panelTitle(PercentileHistograms.Panel p, double x0, int top) {
        String text = p.group() == null ? p.label() : p.label() + " = " + Format.number(p.value());
        org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(text, x0, top * 1.02);
        a.setFont(Style.LABEL);
        a.setTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        a.setPaint(Palette.INK);
        return a;
    }

    public static Figure effectCurve(EffectCurve c, String id, String responseLabel) {
        XYSeries cond = new XYSeries("conditional (random effects at 0)");
        XYSeries marg = new XYSeries("marginal (averaged over the random effects)");
        double[] x = c.x();
        for (int i = 0; i < x.length; i++) {
            cond.add(x[i], c.conditional()[i]);
            marg.add(x[i], c.marginal()[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(cond);
        data.addSeries(marg);
        XYLineAndShapeRenderer r = Style.renderer(true, false);
        r.setSeriesPaint(0, Palette.BLUE);
        r.setSeriesStroke(0, Style.LINE);
        r.setSeriesPaint(1, Palette.ORANGE);
        r.setSeriesStroke(1, Style.DASHED);
        XYPlot plot = Style.plot(new XYPlot(data, Style.axis(c.effect()), Style.axis("predicted " + responseLabel), r));
        String title = "Marginal and conditional curves of " + c.effect();
        int n = x.length - 1;
        String alt = "Predicted " + responseLabel + " against " + c.effect() + " from " + Format.number(x[0]) + " to " + Format.number(x[n])
                + (c.heldAt().isEmpty() ? "" : " (" + c.heldAt() + ")") + ": conditional from " + Format.number(c.conditional()[0]) + " to "
                + Format.number(c.conditional()[n]) + ", marginal from " + Format.number(c.marginal()[0]) + " to " + Format.number(c.marginal()[n]) + ".";
        org.jfree.chart.JFreeChart chart = Style.chart(title, plot, true);
        if (!c.heldAt().isEmpty()) {
            chart.addSubtitle(new TextTitle("other predictors at " + c.heldAt(), Style.TICK));
        }
        return new Figure(id, title, alt, chart, 560, 420);
    }
}
