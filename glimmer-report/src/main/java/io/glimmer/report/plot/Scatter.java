package io.glimmer.report.plot;

import io.glimmer.fit.Residuals;

/**
 * A scatter plot's data: every point when there are at most {@link #MAX_POINTS}, else their counts
 * in {@link Bins2D} (then {@link #x()} and {@link #y()} are empty).
 *
 * @param n all points, finite or not
 */
public record Scatter(String title, String xLabel, String yLabel, double[] x, double[] y, Bins2D bins, int n) {
    public static final int MAX_POINTS = 2_000;
    static final int BINS = 60;

    public Scatter {
        x = x.clone();
        y = y.clone();
    }

    public static Scatter of(String title, String xLabel, String yLabel, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values, " + y.length + " y values");
        }
        if (x.length <= MAX_POINTS) {
            return new Scatter(title, xLabel, yLabel, x, y, null, x.length);
        }
        return new Scatter(title, xLabel, yLabel, new double[0], new double[0], Bins2D.of(x, y, BINS, BINS), x.length);
    }

    /** Pearson residuals against fitted values (R's plot.merMod). */
    public static Scatter residualsVsFitted(Residuals r) {
        return of("Residuals vs fitted", "Fitted value (response scale)", "Pearson residual", r.fitted(), r.pearson());
    }

    /**
     * Scale–location: √|Pearson residual / σ| against fitted values, σ the residual standard
     * deviation (a linear model) or √scale (a GLMM with a dispersion); binomial and Poisson use 1.
     */
    public static Scatter scaleLocation(Residuals r, double sigma) {
        double[] p = r.pearson();
        double[] y = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            y[i] = Math.sqrt(Math.abs(p[i] / sigma));
        }
        return of("Scale-location", "Fitted value (response scale)", "\u221a|standardised Pearson residual|", r.fitted(), y);
    }

    public boolean binned() {
        return bins != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
