package io.glimmer.model;

import io.glimmer.family.CumulativeLink;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.Residuals;
import io.glimmer.predict.Predictor;

import java.util.Arrays;

/**
 * The residuals of the fits whose response is not one family's (the CSV's kinds that are not
 * defined are NaN):
 * <ul>
 * <li>zero inflation, as glmmTMB's {@code residuals(type = "response" | "pearson")}: y − (1 − p₀)μ, and
 * that divided by the response's standard deviation √((1 − p₀)(V(μ) + p₀μ²)) (the fit's scaled
 * residuals); no deviance or working residuals (glmmTMB has none for the mixture either);</li>
 * <li>an ordered response, at the conditional modes: the fitted value is the probability of the observed
 * category (clmm's fitted); the response residual is Li and Shepherd's probability-scale residual
 * P(Y &lt; y) − P(Y &gt; y) in [−1, 1] (mean zero under the model, no scores needed for the categories);
 * the Pearson residual takes the categories' numbers 1 … K as scores, (y − E[Y]) / √Var(Y) (what a
 * residual plot can show); the deviance residual carries the probability-scale residual's sign,
 * √(−2w log P(Y = y)) (their squares sum to −2 log p(y | b̂)); no working residuals (there is no link mean).</li>
 * </ul>
 */
final class ObservationResiduals {
    private ObservationResiduals() {
    }

    static Residuals zeroInflated(MixedModelFit fit, double[] y, int[] rows) {
        double[] fitted = fit.fitted();
        double[] response = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            response[r] = y[r] - fitted[r];
        }
        return new Residuals(rows, y.clone(), fitted, response, fit.scaledResiduals(), nan(y.length), nan(y.length));
    }

    static Residuals ordinal(PreparedModel model, MixedModelFit fit) {
        CumulativeLink link = CumulativeLink.of(model.family().link(), model.response().categories());
        double[] alpha = fit.thresholds().stream().mapToDouble(FixedEffect::estimate).toArray();
        // η at the modes by the saved model's own predictions on the rows used (tested against clmm's)
        double[] eta = new Predictor(model.saved(fit)).predict(model.estimationData().subset(model.design().frame().keptRows()),
                PredictionScale.LINK, RandomEffectsMode.CONDITIONAL).values();
        double[] y = model.response().y();
        double[] w = model.response().weights();
        int n = y.length;
        double[] fitted = new double[n];
        double[] probabilityScale = new double[n];
        double[] deviance = new double[n];
        double[] pearson = new double[n];
        for (int r = 0; r < n; r++) {
            double[] p = link.probabilities(eta[r], alpha);
            int j = (int) y[r] - 1;
            double below = 0;
            for (int i = 0; i < j; i++) {
                below += p[i];
            }
            double above = 0;
            for (int i = j + 1; i < p.length; i++) {
                above += p[i];
            }
            double mean = 0;
            double square = 0;
            for (int i = 0; i < p.length; i++) {
                mean += (i + 1) * p[i];
                square += (i + 1) * (i + 1) * p[i];
            }
            pearson[r] = (y[r] - mean) / Math.sqrt(square - mean * mean);
            fitted[r] = p[j];
            probabilityScale[r] = below - above;
            double weight = w == null ? 1 : w[r];
            deviance[r] = Math.copySign(Math.sqrt(-2 * weight * Math.log(p[j])), probabilityScale[r]);
        }
        return new Residuals(model.originalRows(), y.clone(), fitted, probabilityScale, pearson, deviance, nan(n));
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
