package io.glimmer.report.chart;

import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

import java.util.ArrayList;
import java.util.List;

/** The non-empty cells of a grid of counts as an XYZ dataset and the block renderer that paints them. */
final class Blocks {
    private final List<double[]> cells = new ArrayList<>();
    private double max;

    void add(double xCentre, double yCentre, double count) {
        if (count > 0) {
            cells.add(new double[]{xCentre, yCentre, count});
            max = Math.max(max, count);
        }
    }

    DefaultXYZDataset dataset(String name) {
        double[][] d = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < 3; k++) {
                d[k][i] = cells.get(i)[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(name, d);
        return data;
    }

    XYBlockRenderer renderer(double width, double height) {
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(width);
        r.setBlockHeight(height);
        r.setPaintScale(new CountScale(max));
        return r;
    }

    double max() {
        return max;
    }
}
