package io.glimmer.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;

/** The look every chart shares: fonts, white background, light grid, no chart border. */
final class Style {
    static final String FONT = "SansSerif";
    static final Font TITLE = new Font(FONT, Font.BOLD, 15);
    static final Font LABEL = new Font(FONT, Font.PLAIN, 13);
    static final Font TICK = new Font(FONT, Font.PLAIN, 11);
    static final BasicStroke THIN = new BasicStroke(1f);
    static final BasicStroke LINE = new BasicStroke(2f);
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f);

    private Style() {
    }

    static Shape dot(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    /**
     * A renderer of lines and/or filled dots that keeps SVG small: each series' line one path (not
     * a line element a segment) and dots filled without an outline drawn over them.
     */
    static org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer(boolean lines, boolean shapes) {
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(lines, shapes);
        r.setDrawSeriesLineAsPath(true);
        r.setDrawOutlines(false);
        return r;
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    static XYPlot plot(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Palette.GRID);
        p.setRangeGridlinePaint(Palette.GRID);
        p.setOutlinePaint(Palette.GRID);
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return p;
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        c.setBorderVisible(false);
        c.setTitle(new TextTitle(title, TITLE));
        if (legend) {
            c.getLegend().setItemFont(LABEL);
            c.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        c.setAntiAlias(true);
        c.setTextAntiAlias(true);
        return c;
    }
}
