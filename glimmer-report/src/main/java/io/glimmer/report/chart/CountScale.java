package io.glimmer.report.chart;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Paint;

/** Counts in binned pictures coloured by {@link Palette#ramp}. */
record CountScale(double max) implements PaintScale {
    @Override
    public double getLowerBound() {
        return 0;
    }

    @Override
    public double getUpperBound() {
        return Math.max(1, max);
    }

    @Override
    public Paint getPaint(double value) {
        return Palette.ramp(value, max);
    }
}
