package io.glimmer.report.chart;

import io.glimmer.report.plot.Bins2D;
import io.glimmer.report.plot.Caterpillar;
import io.glimmer.report.plot.Density;
import io.glimmer.report.plot.QuantilePlot;
import io.glimmer.report.plot.Scatter;
import io.glimmer.report.plot.Shrinkage;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of the conditional modes: caterpillar, their normal QQ plot, shrinkage. */
public final class ModeCharts {
    /** Quantiles drawn as dots up to this many; beyond, as a line. */
    static final int MAX_DOTS = 500;
    /** Bins a side of a shrinkage plot of more levels than {@link Scatter#MAX_POINTS}. */
    static final int SHRINKAGE_BINS = 40;

    private ModeCharts() {
    }

    public static Figure caterpillar(Caterpillar c, String id) {
        int n = c.levels().size();
        XYIntervalSeries s = new XYIntervalSeries("conditional mode and " + Math.round(100 * c.confidence()) + "% prediction interval");
        double[] modes = c.modes();
        double[] lower = c.lower();
        double[] upper = c.upper();
        for (int i = 0; i < n; i++) {
            double lo = Double.isNaN(lower[i]) ? modes[i] : lower[i];
            double hi = Double.isNaN(upper[i]) ? modes[i] : upper[i];
            s.add(modes[i], lo, hi, i, i, i);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawYError(false);
        r.setErrorPaint(Palette.SKY);
        r.setErrorStroke(Style.LINE);
        r.setSeriesPaint(0, Palette.BLUE);
        r.setSeriesShape(0, Style.dot(5));
        r.setDefaultLinesVisible(false);
        r.setDrawOutlines(false);
        SymbolAxis levels = new SymbolAxis(c.group(), c.levels().toArray(new String[0]));
        levels.setTickLabelFont(n > 60 ? Style.TICK.deriveFont(9f) : Style.TICK);
        levels.setLabelFont(Style.LABEL);
        levels.setGridBandsVisible(false);
        NumberAxis x = Style.axis(c.term() + " | " + c.group() + " (conditional mode)");
        XYPlot plot = Style.plot(new XYPlot(data, null, levels, r));
        plot.setRangeGridlinesVisible(n <= 40); // a line a level helps the eye across a few levels, not across a hundred
        plot.addDomainMarker(zero());
        String title = "Caterpillar plot: " + c.term() + " | " + c.group();
        String alt = "Conditional modes of " + c.term() + " for " + (c.extremesOnly() ? "the " + n / 2 + " lowest and " + n / 2
                + " highest of " + c.total() : "all " + n) + " levels of " + c.group() + ", sorted, each with its "
                + Math.round(100 * c.confidence()) + "% prediction interval from the conditional variance; modes range from "
                + Format.number(modes[0]) + " (" + c.levels().get(0) + ") to " + Format.number(modes[n - 1]) + " (" + c.levels().get(n - 1) + ").";
        int height = 90 + 13 * n;
        if (!c.extremesOnly()) {
            plot.setDomainAxis(x);
            return new Figure(id, title, alt, Style.chart(title, plot, false), 640, Math.max(260, height));
        }
        Density d = c.density();
        XYSeries ds = new XYSeries("density of all " + c.total() + " modes");
        double[] dx = d.x();
        double[] dy = d.y();
        for (int i = 0; i < dx.length; i++) {
            ds.add(dx[i], dy[i]);
        }
        XYLineAndShapeRenderer lr = Style.renderer(true, false);
        lr.setSeriesPaint(0, Palette.BLUE);
        lr.setSeriesStroke(0, Style.LINE);
        XYPlot density = Style.plot(new XYPlot(new XYSeriesCollection(ds), null, Style.axis("density"), lr));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.add(density, 1);
        combined.add(plot, 5);
        combined.setGap(12);
        return new Figure(id, title + " (extremes and density)", alt + " Above: the density of all " + c.total() + " modes.",
                Style.chart(title + " (extremes of " + c.total() + " levels)", combined, false), 640, height + 160);
    }

    /** A QQ plot with R's qqline (through the quartiles) for a normal reference, the diagonal for a uniform one. */
    public static Figure quantiles(QuantilePlot q, String id, String sampleLabel, String alt) {
        XYSeries pts = new XYSeries("sample");
        double[] t = q.theoretical();
        double[] s = q.sample();
        for (int i = 0; i < t.length; i++) {
            pts.add(t[i], s[i]);
        }
        XYSeries line = new XYSeries(q.reference().equals("normal") ? "line through the quartiles" : "uniform: y = x");
        double[] ab = referenceLine(q);
        line.add(t[0], ab[0] + ab[1] * t[0]);
        line.add(t[t.length - 1], ab[0] + ab[1] * t[t.length - 1]);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(pts);
        data.addSeries(line);
        // many quantiles: the order statistics drawn as one line, which reads the same as their dots and weighs far less
        boolean curve = t.length > MAX_DOTS;
        XYLineAndShapeRenderer r = Style.renderer(true, true);
        r.setSeriesLinesVisible(0, curve);
        r.setSeriesShapesVisible(0, !curve);
        r.setSeriesShape(0, Style.dot(t.length > 200 ? 3 : 5));
        r.setSeriesStroke(0, Style.LINE);
        r.setSeriesPaint(0, Palette.BLUE);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Palette.VERMILLION);
        r.setSeriesStroke(1, Style.DASHED);
        String xLabel = q.reference().equals("normal") ? "standard normal quantile" : "uniform quantile";
        XYPlot plot = Style.plot(new XYPlot(data, Style.axis(xLabel), Style.axis(sampleLabel), r));
        String drawn = curve ? " The sample quantiles are drawn as a line through " + t.length + (t.length < q.n() ? " of the " + q.n() : "")
                + " order statistics." : t.length < q.n() ? " Drawn: " + t.length + " of the " + q.n() + " order statistics, evenly spaced." : "";
        return new Figure(id, q.title(), alt + drawn, Style.chart(q.title(), plot, false), 480, 400);
    }

    /** Intercept and slope of the QQ plot's reference line (R's qqline for the normal: through the first and third quartiles). */
    static double[] referenceLine(QuantilePlot q) {
        if (q.reference().equals("uniform")) {
            return new double[]{0, 1};
        }
        double[] sq = io.glimmer.summary.Quantiles.type7(q.sample(), 0.25, 0.75);
        org.hipparchus.distribution.continuous.NormalDistribution z = new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
        double t1 = z.inverseCumulativeProbability(0.25);
        double t3 = z.inverseCumulativeProbability(0.75);
        double slope = (sq[1] - sq[0]) / (t3 - t1);
        return new double[]{sq[0] - slope * t1, slope};
    }

    /** Unpooled estimates (x) against conditional modes (y) of one effect, with y = x: points below the diagonal's slope show shrinkage. */
    public static Figure shrinkage(Shrinkage s, int effect, String id) {
        String term = s.terms().get(effect);
        int n = s.levels().size() - s.notEstimable();
        double[] u = new double[n];
        double[] m = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int l = 0, i = 0; l < s.levels().size(); l++) {
            double own = s.unpooled(l)[effect];
            if (Double.isFinite(own)) {
                u[i] = own;
                m[i] = s.mode(l)[effect];
                lo = Math.min(lo, Math.min(u[i], m[i]));
                hi = Math.max(hi, Math.max(u[i], m[i]));
                i++;
            }
        }
        XYSeries diagonal = new XYSeries("no shrinkage: y = x");
        if (lo <= hi) {
            diagonal.add(lo, lo);
            diagonal.add(hi, hi);
        }
        XYLineAndShapeRenderer line = Style.renderer(true, false);
        line.setSeriesPaint(0, Palette.VERMILLION);
        line.setSeriesStroke(0, Style.DASHED);
        NumberAxis x = Style.axis(term + ": own rows only (no pooling)");
        NumberAxis y = Style.axis(term + ": conditional mode");
        XYPlot plot;
        String binned = "";
        if (n > Scatter.MAX_POINTS) { // as the residual plots: counts in bins
            Blocks blocks = Blocks.of(Bins2D.of(u, m, SHRINKAGE_BINS, SHRINKAGE_BINS));
            plot = blocks.plot(x, y);
            binned = " The levels are counted in a " + SHRINKAGE_BINS + " by " + SHRINKAGE_BINS + " grid; darker cells hold more (up to " + (int) blocks.max() + ").";
        } else {
            XYSeries pts = new XYSeries("levels", false, true);
            for (int i = 0; i < n; i++) {
                pts.add(u[i], m[i]);
            }
            XYLineAndShapeRenderer dots = Style.renderer(false, true);
            dots.setSeriesShape(0, Style.dot(n > 500 ? 3 : 6));
            dots.setSeriesPaint(0, Palette.BLUE);
            plot = Style.plot(new XYPlot(new XYSeriesCollection(pts), x, y, dots));
        }
        plot.setDataset(1, new XYSeriesCollection(diagonal));
        plot.setRenderer(1, line);
        plot.addDomainMarker(zero());
        plot.addRangeMarker(zero());
        String title = "Shrinkage: " + term + " | " + s.group() + (binned.isEmpty() ? "" : " (binned)");
        String alt = "For each of the " + n + " levels of " + s.group() + " with an estimate of its own"
                + (s.notEstimable() > 0 ? " (" + s.notEstimable() + " without one, as all successes or all failures, not drawn)" : "")
                + ", the estimate of " + term + " from its rows alone against its conditional mode; the modes lie closer to zero." + binned;
        return new Figure(id, title, alt, Style.chart(title, plot, false), 480, 420);
    }

    static ValueMarker zero() {
        ValueMarker m = new ValueMarker(0, Palette.INK, Style.THIN);
        m.setAlpha(0.5f);
        return m;
    }

}
