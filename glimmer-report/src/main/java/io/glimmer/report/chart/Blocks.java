package io.glimmer.report.chart;

import io.glimmer.report.plot.Bins2D;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.image.BufferedImage;

/**
 * A grid of counts (binned points, Z's non-zeros) drawn as one small image over the plot's data
 * area, a pixel a cell coloured by {@link Palette#ramp} (empty cells transparent). An image of a
 * 60 × 60 grid is a few kilobytes in the SVG where a rectangle a cell would be hundreds; the SVG
 * asks for it to be scaled without smoothing (see {@link Svg}), so cells stay sharp.
 */
final class Blocks {
    private final double[][] counts; // [x cell][y cell]
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private double max;

    /** An empty grid of nx × ny cells over [x0, x1] × [y0, y1]. */
    Blocks(int nx, int ny, double x0, double x1, double y0, double y1) {
        this.counts = new double[nx][ny];
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    /** The bins of a 2-D histogram. */
    static Blocks of(Bins2D b) {
        double[] xe = b.xEdges();
        double[] ye = b.yEdges();
        Blocks blocks = new Blocks(b.nx(), b.ny(), xe[0], xe[b.nx()], ye[0], ye[b.ny()]);
        for (int i = 0; i < b.nx(); i++) {
            for (int j = 0; j < b.ny(); j++) {
                blocks.set(i, j, b.count(i, j));
            }
        }
        return blocks;
    }

    void set(int i, int j, double count) {
        counts[i][j] = count;
        max = Math.max(max, count);
    }

    double max() {
        return max;
    }

    /**
     * A plot of the grid on these axes, their ranges the grid's. The y axis may be inverted (rows of
     * Z downwards): the image's top row is then the grid's lowest y.
     */
    XYPlot plot(NumberAxis x, NumberAxis y) {
        int nx = counts.length;
        int ny = counts[0].length;
        BufferedImage image = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int row = y.isInverted() ? j : ny - 1 - j;
                image.setRGB(i, row, counts[i][j] > 0 ? 0xFF000000 | Palette.ramp(counts[i][j], max).getRGB() : 0);
            }
        }
        x.setRange(x0, x1);
        y.setRange(y0, y1);
        // two corner points, not drawn, so that the plot has data and its axes their ranges
        XYSeries corners = new XYSeries("grid");
        corners.add(x0, y0);
        corners.add(x1, y1);
        XYPlot plot = Style.plot(new XYPlot(new XYSeriesCollection(corners), x, y, Style.renderer(false, false)));
        plot.addAnnotation(new XYDataImageAnnotation(image, x0, y0, x1 - x0, y1 - y0));
        return plot;
    }
}
