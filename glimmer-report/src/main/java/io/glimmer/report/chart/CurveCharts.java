package io.glimmer.report.chart;

import io.glimmer.report.plot.GroupCurves;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;

/** A nonlinear fit's curves over the observations: all groups on one chart, and one small chart a group on shared axes. */
public final class CurveCharts {
    private static final Color[] CYCLE = {Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.VERMILLION, Palette.SKY, Palette.PURPLE};

    private CurveCharts() {
    }

    /** Every group drawn: its points and curve in one colour (cycling), the population curve in black over them. */
    public static Figure overview(GroupCurves c, String id) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = Style.renderer(true, true);
        int k = 0;
        data.addSeries(series("population", c.grid(), c.population()));
        r.setSeriesPaint(k, Palette.INK);
        r.setSeriesStroke(k, Style.LINE);
        r.setSeriesShapesVisible(k++, false);
        for (GroupCurves.Group g : c.groups()) {
            Color colour = CYCLE[(k - 1) / 2 % CYCLE.length];
            data.addSeries(series(g.level() + " (curve)", c.grid(), g.curve()));
            r.setSeriesPaint(k, colour);
            r.setSeriesStroke(k, Style.THIN);
            r.setSeriesShapesVisible(k++, false);
            data.addSeries(series(g.level(), g.x(), g.y()));
            r.setSeriesPaint(k, colour);
            r.setSeriesLinesVisible(k, false);
            r.setSeriesShape(k++, Style.dot(4));
        }
        XYPlot plot = Style.plot(new XYPlot(data, Style.axis(c.covariate()), Style.axis(c.response()), r));
        String title = "Fitted curves over the observations";
        String alt = c.response() + " against " + c.covariate() + ": the population curve (black, parameters at their fixed effects) and "
                + (c.sampled() ? c.groups().size() + " of the " + c.total() : "the " + c.total()) + " groups of " + c.group()
                + " (each group's points and curve, with its conditional modes, in one colour).";
        return new Figure(id, title, alt, Style.chart(title, plot, false), 640, 460);
    }

    /** One group: its points, its curve (solid) and the population curve (dashed), on axes shared by every group's chart. */
    public static Figure group(GroupCurves c, GroupCurves.Group g, String id) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("population", c.grid(), c.population()));
        data.addSeries(series(g.level(), c.grid(), g.curve()));
        data.addSeries(series(g.level() + " (data)", g.x(), g.y()));
        XYLineAndShapeRenderer r = Style.renderer(true, false);
        r.setSeriesPaint(0, Palette.ORANGE);
        r.setSeriesStroke(0, Style.DASHED);
        r.setSeriesPaint(1, Palette.BLUE);
        r.setSeriesStroke(1, Style.LINE);
        r.setSeriesPaint(2, Palette.INK);
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShapesVisible(2, true);
        r.setSeriesShape(2, Style.dot(5));
        NumberAxis x = Style.axis(c.covariate());
        NumberAxis y = Style.axis(c.response());
        x.setRange(range(c, true)[0], range(c, true)[1]);
        y.setRange(range(c, false)[0], range(c, false)[1]);
        XYPlot plot = Style.plot(new XYPlot(data, x, y, r));
        String title = c.group() + " " + g.level();
        String alt = c.group() + " " + g.level() + ": " + g.x().length + " observations of " + c.response() + " against " + c.covariate()
                + ", the group's fitted curve (solid) and the population curve (dashed).";
        return new Figure(id, title, alt, Style.chart(title, plot, false), 240, 210);
    }

    private static XYSeries series(String key, double[] x, double[] y) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        return s;
    }

    /** The shared range of x (the grid) or of y (every point and curve drawn), padded by 4%. */
    private static double[] range(GroupCurves c, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (x) {
            lo = c.grid()[0];
            hi = c.grid()[c.grid().length - 1];
        } else {
            for (double v : c.population()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (GroupCurves.Group g : c.groups()) {
                for (double[] a : new double[][]{g.y(), g.curve()}) {
                    for (double v : a) {
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
        }
        double pad = (hi > lo ? hi - lo : 1) * 0.04;
        return new double[]{lo - pad, hi + pad};
    }
}
