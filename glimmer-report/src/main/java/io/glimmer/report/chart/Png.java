package io.glimmer.report.chart;

import org.jfree.chart.ChartUtils;

import java.io.IOException;
import java.io.OutputStream;

/** A figure as a PNG at twice its CSS size (sharp on high-density screens and in print). */
public final class Png {
    private Png() {
    }

    public static void write(Figure f, OutputStream out) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2 * f.width(), 2 * f.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.scale(2, 2);
        f.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, f.width(), f.height()));
        g.dispose();
        ChartUtils.writeBufferedImageAsPNG(out, image);
    }
}
