package io.glimmer.report.chart;

import io.glimmer.report.plot.SparsityPattern;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/** The picture of Z: a dark cell where Z has non-zeros, rows down and columns across. */
public final class SparsityChart {
    private SparsityChart() {
    }

    public static Figure of(SparsityPattern z, String id) {
        int[][] c = z.counts();
        int rowBins = c.length;
        int colBins = c[0].length;
        Blocks blocks = new Blocks(colBins, rowBins, 0, z.columns(), z.firstRow(), z.firstRow() + z.rows());
        for (int i = 0; i < rowBins; i++) {
            for (int j = 0; j < colBins; j++) {
                blocks.set(j, i, c[i][j]);
            }
        }
        NumberAxis rows = Style.axis("row (observation)");
        rows.setInverted(true);
        XYPlot plot = blocks.plot(Style.axis("column of Z (random effect)"), rows);
        String alt = z.title() + ", rows " + (z.firstRow() + 1) + " to " + (z.firstRow() + z.rows()) + ": " + z.nonZeros()
                + " non-zero entries" + (rowBins < z.rows() || colBins < z.columns() ? ", counted in a " + rowBins + " by " + colBins + " grid" : "")
                + "; each row has one non-zero per random effect of each term, in the columns of its level.";
        return new Figure(id, z.title(), alt, Style.chart(z.title(), plot, false), 520, 440);
    }
}
