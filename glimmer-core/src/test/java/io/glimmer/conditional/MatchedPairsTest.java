package io.glimmer.conditional;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 1:1 matched pairs, where the conditional likelihood is Π σ((x_case − x_control)'β): logistic
 * regression on the differences, every response 1, no intercept.
 */
class MatchedPairsTest {
    private static final FitOptions OPTIONS = FitOptions.builder().method(Method.CONDITIONAL).strata("pair").build();

    /** pair, case and covariate columns from (case, control) covariate pairs; the case row comes second in odd pairs. */
    private static DataFrame pairs(double[][] caseX, double[][] controlX) {
        int pairs = caseX.length;
        int p = caseX[0].length;
        double[] pair = new double[2 * pairs];
        double[] y = new double[2 * pairs];
        double[][] x = new double[p][2 * pairs];
        for (int i = 0; i < pairs; i++) {
            int c = 2 * i + (i % 2);
            int k = 2 * i + 1 - (i % 2);
            pair[c] = pair[k] = i + 1;
            y[c] = 1;
            for (int t = 0; t < p; t++) {
                x[t][c] = caseX[i][t];
                x[t][k] = controlX[i][t];
            }
        }
        List<NumericColumn> cols = new java.util.ArrayList<>(List.of(new NumericColumn("pair", pair), new NumericColumn("case", y)));
        for (int t = 0; t < p; t++) {
            cols.add(new NumericColumn("x" + (t + 1), x[t]));
        }
        return DataFrame.of("pairs", cols);
    }

    /** One binary exposure: β̂ = log(n10/n01), SE = √(1/n10 + 1/n01) from the discordant pairs (McNemar). */
    @Test
    void binaryExposureHasTheDiscordantPairsClosedForm() {
        int n10 = 23; // case exposed, control not
        int n01 = 9;  // control exposed, case not
        int concordant = 30;
        int pairs = n10 + n01 + concordant;
        double[][] caseX = new double[pairs][1];
        double[][] controlX = new double[pairs][1];
        for (int i = 0; i < pairs; i++) {
            caseX[i][0] = i < n10 ? 1 : i < n10 + n01 ? 0 : i % 2;
            controlX[i][0] = i < n10 ? 0 : i < n10 + n01 ? 1 : i % 2;
        }
        ConditionalLogitFit fit = ConditionalFits.of(pairs(caseX, controlX), "case ~ x1", OPTIONS);
        MixedModelFit f = fit.fit();
        assertEquals(Math.log((double) n10 / n01), f.beta("x1"), 1e-9);
        assertEquals(Math.sqrt(1.0 / n10 + 1.0 / n01), f.fixedEffects().get(0).stdError(), 1e-8);
        // concordant pairs contribute log(1/2) whatever β
        double p = n10 / (double) (n10 + n01);
        double ll = n10 * Math.log(p) + n01 * Math.log(1 - p) + concordant * Math.log(0.5);
        assertEquals(ll, f.logLikelihood(), 1e-9);
        assertEquals(pairs * Math.log(0.5), fit.nullLogLikelihood(), 1e-9);
    }

    /** Several covariates: β̂ solves the score equations of the no-intercept logistic regression on differences. */
    @Test
    void continuousCovariatesAreLogisticRegressionOnDifferences() {
        Random rng = new Random(99);
        int pairs = 150;
        double[][] caseX = new double[pairs][2];
        double[][] controlX = new double[pairs][2];
        for (int i = 0; i < pairs; i++) {
            for (int t = 0; t < 2; t++) {
                controlX[i][t] = rng.nextGaussian() + 3 * i;
                caseX[i][t] = rng.nextGaussian() + 3 * i + (t == 0 ? 0.5 : -0.3);
            }
        }
        MixedModelFit fit = io.glimmer.Glimmer.fit(pairs(caseX, controlX), "case ~ x1 + x2", OPTIONS);
        double[] beta = {fit.beta("x1"), fit.beta("x2")};
        double ll = 0;
        double[] score = new double[2];
        double[][] info = new double[2][2];
        for (int i = 0; i < pairs; i++) {
            double d0 = caseX[i][0] - controlX[i][0];
            double d1 = caseX[i][1] - controlX[i][1];
            double pr = 1 / (1 + Math.exp(-(d0 * beta[0] + d1 * beta[1])));
            ll += Math.log(pr);
            score[0] += (1 - pr) * d0;
            score[1] += (1 - pr) * d1;
            double w = pr * (1 - pr);
            info[0][0] += w * d0 * d0;
            info[0][1] += w * d0 * d1;
            info[1][1] += w * d1 * d1;
        }
        assertEquals(ll, fit.logLikelihood(), 1e-9);
        assertEquals(0, score[0], 1e-8);
        assertEquals(0, score[1], 1e-8);
        double det = info[0][0] * info[1][1] - info[0][1] * info[0][1];
        assertEquals(Math.sqrt(info[1][1] / det), fit.fixedEffects().get(0).stdError(), 1e-8);
        assertEquals(Math.sqrt(info[0][0] / det), fit.fixedEffects().get(1).stdError(), 1e-8);
    }
}
