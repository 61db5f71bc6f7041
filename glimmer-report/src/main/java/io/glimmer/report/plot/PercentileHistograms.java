package io.glimmer.report.plot;

import io.glimmer.error.InputException;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.linalg.GroupedColumns;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts' histograms for a binomial or Poisson GLMM: the predicted mean of every row used with one
 * random effect held at the 20th, 40th, 60th and 80th percentiles of its distribution N(0, σ²) (the
 * other random effects at zero), and with fixed and random effects varying together (the fitted
 * values, random effects at their conditional modes). All panels share one set of bins so they compare.
 *
 * @param edges  bin edges shared by every panel
 * @param panels one per (random effect, percentile), then the fitted values
 * @param scale  "probability" (binomial) or "expected count" (Poisson)
 */
public record PercentileHistograms(double[] edges, List<Panel> panels, String scale) {
    public static final double[] PERCENTILES = {0.2, 0.4, 0.6, 0.8};
    static final int BINS = 30;

    /**
     * One histogram.
     *
     * @param group       the grouping factor of the effect held fixed, or null for the fitted values
     * @param percentile  e.g. 0.2, or NaN for the fitted values
     * @param value       the effect's value there, the quantile of N(0, σ²), or NaN
     * @param predictions the predicted means counted
     */
    public record Panel(String label, String group, String term, double percentile, double value, double[] predictions, int[] counts) {
        public Panel {
            predictions = predictions.clone();
            counts = counts.clone();
        }

        @Override
        public double[] predictions() {
            return predictions.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }
    }

    public PercentileHistograms {
        edges = edges.clone();
        panels = List.copyOf(panels);
    }

    /** Whether the fit is one these histograms are drawn for. */
    public static boolean applies(PlotSource source) {
        String family = source.model().family().name();
        return source.hasModes() && (family.equals("binomial") || family.equals("poisson"));
    }

    public static PercentileHistograms of(PlotSource source) {
        if (!applies(source)) {
            throw new InputException("histograms: drawn for binomial and poisson mixed models; this is a "
                    + source.model().family().name() + " " + source.fit().method() + " fit");
        }
        Family family = source.model().family();
        double[] eta0 = source.populationLinearPredictor();
        List<RandomEffectsTerm> terms = source.design().randomTerms();
        double[][] variances = source.variances();
        List<double[]> predictions = new ArrayList<>();
        List<String[]> labels = new ArrayList<>();
        List<double[]> where = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            GroupedColumns z = terms.get(k).columns();
            for (int a = 0; a < z.q(); a++) {
                NormalDistribution effect = new NormalDistribution(0, Math.sqrt(variances[k][a]) > 0 ? Math.sqrt(variances[k][a]) : Double.MIN_NORMAL);
                for (double p : PERCENTILES) {
                    double b = variances[k][a] > 0 ? effect.inverseCumulativeProbability(p) : 0;
                    double[] mu = new double[eta0.length];
                    for (int r = 0; r < mu.length; r++) {
                        mu[r] = family.mu(eta0[r] + z.z()[r * z.q() + a] * b);
                    }
                    String term = terms.get(k).termNames().get(a);
                    predictions.add(mu);
                    labels.add(new String[]{term + " | " + terms.get(k).group() + " at its " + Math.round(100 * p) + "th percentile",
                            terms.get(k).group(), term});
                    where.add(new double[]{p, b});
                }
            }
        }
        predictions.add(source.fit().fitted());
        labels.add(new String[]{"fixed and random effects varying (fitted values)", null, null});
        where.add(new double[]{Double.NaN, Double.NaN});
        double[] edges = sharedEdges(predictions);
        List<Panel> panels = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            double[] mu = predictions.get(i);
            int[] counts = new int[BINS];
            for (double m : mu) {
                counts[Bins2D.bin(edges, m)]++;
            }
            String[] l = labels.get(i);
            panels.add(new Panel(l[0], l[1], l[2], where.get(i)[0], where.get(i)[1], mu, counts));
        }
        return new PercentileHistograms(edges, panels, family.name().equals("binomial") ? "probability" : "expected count");
    }

    private static double[] sharedEdges(List<double[]> predictions) {
        int n = 0;
        for (double[] p : predictions) {
            n += p.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] p : predictions) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Bins2D.edges(all, BINS);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }
}
