package io.glimmer.report.chart;

import io.glimmer.report.plot.Bins2D;
import io.glimmer.report.plot.Scatter;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Scatter plots of residuals: every point, or above {@link Scatter#MAX_POINTS} the counts in bins. */
public final class ResidualCharts {
    private ResidualCharts() {
    }

    /**
     * @param zeroLine whether to draw y = 0 (residuals) or not (scale–location)
     */
    public static Figure scatter(Scatter s, String id, boolean zeroLine, String alt) {
        XYPlot plot;
        if (!s.binned()) {
            XYSeries pts = new XYSeries("points", false, true);
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    pts.add(x[i], y[i]);
                }
            }
            XYLineAndShapeRenderer r = Style.renderer(false, true);
            r.setSeriesShape(0, Style.dot(x.length > 500 ? 3 : 5));
            r.setSeriesPaint(0, new java.awt.Color(0, 0x72, 0xB2, x.length > 500 ? 110 : 190));
            plot = Style.plot(new XYPlot(new XYSeriesCollection(pts), Style.axis(s.xLabel()), Style.axis(s.yLabel()), r));
        } else {
            Bins2D b = s.bins();
            Blocks blocks = Blocks.of(b);
            plot = blocks.plot(Style.axis(s.xLabel()), Style.axis(s.yLabel()));
            alt = alt + " The " + s.n() + " points are counted in a " + b.nx() + " by " + b.ny() + " grid; darker cells hold more (up to "
                    + (int) blocks.max() + ").";
        }
        if (zeroLine) {
            plot.addRangeMarker(ModeCharts.zero());
        }
        String title = s.title() + (s.binned() ? " (binned)" : "");
        return new Figure(id, title, alt, Style.chart(title, plot, false), 560, 400);
    }
}
