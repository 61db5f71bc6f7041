package io.glimmer.report.plot;

import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.Residuals;
import io.glimmer.model.PreparedModel;
import io.glimmer.predict.SavedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A saved model evaluated on its own data ({@code PreparedModel.fitAt}, what {@code glimmer report --model}
 * draws) gives the plots of the fit it was saved from: modes, conditional variances, residuals,
 * log-likelihood and each plot's data equal to 1e-8.
 */
class SavedModelPlotTest {
    private static final double TOL = 1e-8;

    @ParameterizedTest
    @ValueSource(strings = {"sleepstudy", "cbpp"})
    void savedModelOnItsDataDrawsTheRefitsPlots(String which) {
        MixedModelFit refit = which.equals("sleepstudy") ? Fits.sleepstudy() : Fits.cbpp();
        PreparedModel model = PreparedModel.of(refit);
        SavedModel saved = model.saved(refit);
        MixedModelFit at = model.fitAt(saved);
        assertTrue(at.warnings().isEmpty(), at.warnings().toString());

        assertEquals(refit.logLikelihood(), at.logLikelihood(), TOL * Math.abs(refit.logLikelihood()));
        for (int j = 0; j < refit.fixedEffects().size(); j++) {
            assertEquals(refit.fixedEffects().get(j).estimate(), at.fixedEffects().get(j).estimate(), close(refit.fixedEffects().get(j).estimate()));
            assertEquals(refit.fixedEffects().get(j).stdError(), at.fixedEffects().get(j).stdError(), close(refit.fixedEffects().get(j).stdError()));
        }
        for (int k = 0; k < refit.randomEffects().size(); k++) {
            assertEquals(refit.randomEffects().get(k).variance(), at.randomEffects().get(k).variance(), close(refit.randomEffects().get(k).variance()));
        }
        for (int g = 0; g < refit.conditionalModes().size(); g++) {
            ConditionalModes a = refit.conditionalModes().get(g);
            ConditionalModes b = at.conditionalModes().get(g);
            assertEquals(a.levels(), b.levels());
            for (int l = 0; l < a.levels().size(); l++) {
                for (int t = 0; t < a.terms().size(); t++) {
                    assertEquals(a.value(l, t), b.value(l, t), close(a.value(l, t)));
                    assertEquals(a.conditionalVariance(l, t), b.conditionalVariance(l, t), close(a.conditionalVariance(l, t)));
                }
            }
        }
        Residuals ra = refit.residuals();
        Residuals rb = at.residuals();
        assertArrayEquals(ra.fitted(), rb.fitted(), TOL * maxAbs(ra.fitted()));
        assertArrayEquals(ra.pearson(), rb.pearson(), TOL * maxAbs(ra.pearson()));

        PlotSource sa = PlotSource.of(refit);
        PlotSource sb = PlotSource.of(at);
        List<Caterpillar> ca = Caterpillar.all(sa);
        List<Caterpillar> cb = Caterpillar.all(sb);
        assertEquals(ca.size(), cb.size());
        for (int i = 0; i < ca.size(); i++) {
            assertEquals(ca.get(i).levels(), cb.get(i).levels());
            assertArrayEquals(ca.get(i).lower(), cb.get(i).lower(), TOL * (1 + maxAbs(ca.get(i).lower())));
            assertArrayEquals(ca.get(i).upper(), cb.get(i).upper(), TOL * (1 + maxAbs(ca.get(i).upper())));
        }
        List<Shrinkage> shA = Shrinkage.all(sa);
        List<Shrinkage> shB = Shrinkage.all(sb);
        for (int i = 0; i < shA.size(); i++) {
            for (int l = 0; l < shA.get(i).levels().size(); l++) {
                assertArrayEquals(shA.get(i).mode(l), shB.get(i).mode(l), TOL * (1 + maxAbs(shA.get(i).mode(l))));
            }
        }
        if (PercentileHistograms.applies(sa)) {
            PercentileHistograms ha = PercentileHistograms.of(sa);
            PercentileHistograms hb = PercentileHistograms.of(sb);
            for (int i = 0; i < ha.panels().size(); i++) {
                double va = ha.panels().get(i).value();
                assertEquals(va, hb.panels().get(i).value(), Double.isNaN(va) ? 0 : close(va)); // NaN: the panel of all effects varying
                assertArrayEquals(ha.panels().get(i).predictions(), hb.panels().get(i).predictions(), TOL);
            }
        }
    }

    private static double close(double x) {
        return TOL * (1 + Math.abs(x));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Double.isNaN(x) ? m : Math.max(m, Math.abs(x));
        }
        return Math.max(m, 1);
    }
}
