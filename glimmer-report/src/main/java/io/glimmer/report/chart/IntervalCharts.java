package io.glimmer.report.chart;

import io.glimmer.report.plot.BootstrapDensities;
import io.glimmer.report.plot.Density;
import io.glimmer.report.plot.ProfileZeta;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of the intervals of --interval: profile zeta plots and bootstrap densities, one small chart per parameter. */
public final class IntervalCharts {
    private static final double Z95 = 1.959963984540054;

    private IntervalCharts() {
    }

    /** ζ against the parameter, with ζ = ±1.96 and the 95% interval where the curve crosses them. */
    public static Figure profile(ProfileZeta p, String id) {
        XYSeries curve = new XYSeries("zeta");
        double[] v = p.values();
        double[] z = p.zeta();
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(z[i])) {
                curve.add(v[i], z[i]);
            }
        }
        XYLineAndShapeRenderer r = Style.renderer(true, true);
        r.setSeriesPaint(0, Palette.BLUE);
        r.setSeriesStroke(0, Style.LINE);
        r.setSeriesShape(0, Style.dot(4));
        XYPlot plot = Style.plot(new XYPlot(new XYSeriesCollection(curve), Style.axis(p.parameter()), Style.axis("\u03b6"), r));
        plot.addRangeMarker(dashed(Z95));
        plot.addRangeMarker(dashed(-Z95));
        plot.addRangeMarker(ModeCharts.zero());
        interval(plot, p.lower95(), p.upper95());
        String title = "Profile: " + p.parameter();
        String alt = "Profile zeta plot of " + p.parameter() + ": \u03b6 at " + v.length + " values from " + Format.number(v[0]) + " to "
                + Format.number(v[v.length - 1]) + ", zero at the estimate " + Format.number(p.estimate()) + "; the 95% profile interval, where \u03b6 = \u00b11.96, is "
                + Format.number(p.lower95()) + " to " + Format.number(p.upper95()) + ". A straight line would mean a symmetric (Wald-like) interval.";
        return new Figure(id, title, alt, Style.chart(title, plot, false), 360, 300);
    }

    /** A parameter's bootstrap density, with the estimate and the 95% percentile interval. */
    public static Figure bootstrap(BootstrapDensities.Parameter p, int nsim, String id) {
        Density d = p.density();
        XYSeries curve = new XYSeries("density");
        if (d != null) {
            double[] x = d.x();
            double[] y = d.y();
            for (int i = 0; i < x.length; i++) {
                curve.add(x[i], y[i]);
            }
        }
        XYLineAndShapeRenderer r = Style.renderer(true, false);
        r.setSeriesPaint(0, Palette.BLUE);
        r.setSeriesStroke(0, Style.LINE);
        XYPlot plot = Style.plot(new XYPlot(new XYSeriesCollection(curve), Style.axis(p.name()), Style.axis("density"), r));
        ValueMarker estimate = new ValueMarker(p.estimate(), Palette.VERMILLION, Style.LINE);
        plot.addDomainMarker(estimate);
        interval(plot, p.lower95(), p.upper95());
        String title = "Bootstrap: " + p.name();
        String alt = d == null
                ? "No density of " + p.name() + ": " + p.finite() + " of " + nsim + " replicates have a value, and not two different ones."
                : "Kernel density of " + p.name() + " over " + p.finite() + " of " + nsim + " bootstrap replicates (bandwidth "
                + Format.number(d.bandwidth()) + "), with the estimate " + Format.number(p.estimate()) + " (solid line) and the 95% percentile interval "
                + Format.number(p.lower95()) + " to " + Format.number(p.upper95()) + " (dashed lines).";
        return new Figure(id, title, alt, Style.chart(title, plot, false), 360, 300);
    }

    private static void interval(XYPlot plot, double lower, double upper) {
        for (double b : new double[]{lower, upper}) {
            if (Double.isFinite(b)) {
                ValueMarker m = new ValueMarker(b, Palette.ORANGE, Style.DASHED);
                plot.addDomainMarker(m);
            }
        }
    }

    private static ValueMarker dashed(double y) {
        return new ValueMarker(y, Palette.VERMILLION, Style.DASHED);
    }
}
