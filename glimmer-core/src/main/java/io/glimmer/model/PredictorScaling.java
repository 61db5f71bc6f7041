package io.glimmer.model;

import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Internal rescaling of badly scaled fixed-effect columns. A column whose root mean square lies
 * outside [1e-3, 1e3] is divided by it for the fit, and the estimates are mapped back (β_j = β'_j/s_j,
 * cov_jk = cov'_jk/(s_j s_k)); z and t statistics and everything random are unchanged. It keeps X'X
 * factorisable and the optimiser's steps in β on one scale, so a predictor measured in nanometres
 * next to one in kilometres gives the same fit as the same data in sensible units.
 *
 * @param factors s_j for each column of X (1 where the column is left alone)
 */
public record PredictorScaling(double[] factors) {
    private static final double LOW = 1e-3;
    private static final double HIGH = 1e3;

    public static PredictorScaling of(ModelMatrix x) {
        int p = x.columns();
        double[] ss = new double[p];
        double[] v = x.values();
        for (int r = 0, n = x.rows(); r < n; r++) { // in storage order; each column still summed over rows in order
            for (int j = 0; j < p; j++) {
                double e = v[r * p + j];
                ss[j] += e * e;
            }
        }
        return ofSquares(ss, x.rows());
    }

    /** The same rule from each column's sum of squares over n rows (summed elsewhere, e.g. by a distributed pass). */
    public static PredictorScaling ofSquares(double[] sumSquares, long n) {
        double[] s = new double[sumSquares.length];
        for (int j = 0; j < s.length; j++) {
            double rms = Math.sqrt(sumSquares[j] / Math.max(1, n));
            s[j] = rms > 0 && (rms < LOW || rms > HIGH) ? rms : 1;
        }
        return new PredictorScaling(s);
    }

    /** No rescaling of p columns: what estimators that fit as given use. */
    public static PredictorScaling none(int p) {
        double[] s = new double[p];
        java.util.Arrays.fill(s, 1);
        return new PredictorScaling(s);
    }

    public boolean isIdentity() {
        for (double f : factors) {
            if (f != 1) {
                return false;
            }
        }
        return true;
    }

    /** The design with X's columns divided by their factors. */
    public Design apply(Design d) {
        ModelMatrix x = d.x();
        int p = x.columns();
        double[] v = x.values().clone();
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < p; j++) {
                v[r * p + j] /= factors[j];
            }
        }
        return new Design(d.frame(), d.formula(), new ModelMatrix(x.names(), v, x.rows()), d.droppedColumns(), d.offset(), d.randomTerms());
    }

    /** The fit's fixed effects and their covariance on the original scale, with a warning naming the columns. */
    public MixedModelFit unscale(MixedModelFit fit) {
        List<FixedEffect> fixed = new ArrayList<>();
        List<String> scaled = new ArrayList<>();
        for (int j = 0; j < fit.fixedEffects().size(); j++) {
            FixedEffect f = fit.fixedEffects().get(j);
            double s = factors[j];
            fixed.add(new FixedEffect(f.term(), f.estimate() / s, f.stdError() / s, f.statistic(), f.pValue()));
            if (s != 1) {
                scaled.add(String.format(Locale.ROOT, "%s (root mean square %.3g)", f.term(), s));
            }
        }
        double[][] cov = fit.fixedEffectsCovariance();
        if (cov != null) {
            for (int a = 0; a < cov.length; a++) {
                for (int b = 0; b < cov.length; b++) {
                    cov[a][b] /= factors[a] * factors[b];
                }
            }
        }
        MixedModelFit.Builder b = fit.toBuilder();
        if (fit.remlCriterion() != null) {
            // REML's log|R_X|² depends on the units of X: −2 Σ log s_j on the scaled columns.
            double shift = 0;
            for (double f : factors) {
                shift += 2 * Math.log(f);
            }
            b.remlCriterion(fit.remlCriterion() + shift).logLikelihood(fit.logLikelihood() - shift / 2);
        }
        return b.fixedEffects(fixed).fixedEffectsCovariance(cov)
                .warning("some predictors are on very different scales: " + String.join(", ", scaled)
                        + "; they were rescaled internally for the fit and the estimates are reported on the original scale"
                        + " (rescaling them yourself makes the coefficients easier to read)")
                .build();
    }
}
