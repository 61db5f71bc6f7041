package io.glimmer.pql;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.Column;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * glmmPQL on other families and response forms. Figures from MASS 7.3-58.2 / nlme 3.1-162
 * (summary(fit)$tTable, VarCorr(fit), fit$sigma), copied here so the build needs no R.
 */
class PenalizedQuasiLikelihoodFamiliesTest {

    /** Estimates to 1e-4 (relative), SEs to 0.5%, SDs to 1%, p-values to 2%. */
    private static void check(MixedModelFit fit, String[] terms, double[] est, double[] se, double[] p, double[] sd, double sigma) {
        assertEquals(List.of(terms), fit.fixedEffects().stream().map(FixedEffect::term).toList());
        for (int j = 0; j < terms.length; j++) {
            FixedEffect f = fit.fixedEffects().get(j);
            assertEquals(est[j], f.estimate(), 1e-4 * Math.max(1, Math.abs(est[j])), terms[j]);
            assertEquals(se[j], f.stdError(), 0.005 * se[j], terms[j]);
            assertNotNull(f.pValue(), terms[j]);
            assertEquals(p[j], f.pValue(), 0.02 * p[j], terms[j]);
        }
        assertEquals(sd.length, fit.randomEffects().size());
        for (int k = 0; k < sd.length; k++) {
            assertEquals(sd[k], fit.randomEffects().get(k).stdDev(), 0.01 * sd[k], fit.randomEffects().get(k).group());
        }
        assertEquals(sigma, fit.residualStdDev(), 0.005 * sigma);
    }

    /** glmmPQL(y ~ trt + lage + V4 + offset(log(base)), ~ 1 | subject, poisson, epil). */
    @Test
    void poissonWithOffset() {
        MixedModelFit fit = Glimmer.fit(Reference.data("epil.csv"), "y ~ trt + lage + V4 + offset(log(base)) + (1 | subject)",
                FitOptions.builder().method(Method.PQL).family("poisson").build());
        check(fit, new String[]{"(Intercept)", "trtprogabide", "lage", "V4"},
                new double[]{-1.2929600440, -0.2679044799, 0.3602495864, -0.1597696006},
                new double[]{0.10737423578, 0.14946940266, 0.33554993554, 0.07678162849},
                new double[]{9.567811659e-25, 7.847603531e-02, 2.876022949e-01, 3.889734035e-02},
                new double[]{0.4625106}, 1.394705537);
        assertEquals("log", fit.link());
    }

    /** glmmPQL(cbind(incidence, size - incidence) ~ period, ~ 1 | herd, binomial, cbpp). */
    @Test
    void binomialCounts() {
        MixedModelFit fit = Glimmer.fit(Reference.data("cbpp.csv"), "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                FitOptions.builder().method(Method.PQL).family("binomial").factor("period").build());
        check(fit, new String[]{"(Intercept)", "period2", "period3", "period4"},
                new double[]{-1.327363885, -1.016126429, -1.149984235, -1.605217031},
                new double[]{0.2390194412, 0.3684078576, 0.3937029009, 0.5178388102},
                new double[]{2.333215762e-06, 8.888178912e-03, 5.843007261e-03, 3.636999543e-03},
                new double[]{0.5563535}, 1.18452749);
    }

    /**
     * Nested grouping, where lme's degrees of freedom differ by level (x: 29, bx: 8). In R:
     * pastes$x &lt;- sin(seq_len(60)); pastes$bx &lt;- as.numeric(pastes$batch);
     * glmmPQL(strength ~ x + bx, ~ 1 | batch/cask, gaussian, pastes).
     */
    @Test
    void gaussianNested() {
        DataFrame pastes = CsvReader.read(Reference.data("pastes.csv"), CsvOptions.builder().build());
        List<Column> columns = new ArrayList<>();
        pastes.names().forEach(n -> columns.add(pastes.column(n)));
        double[] x = new double[pastes.rows()];
        double[] bx = new double[pastes.rows()];
        CategoricalColumn batch = (CategoricalColumn) pastes.column("batch");
        for (int r = 0; r < x.length; r++) {
            x[r] = Math.sin(r + 1);
            bx[r] = batch.code(r) + 1;
        }
        columns.add(new NumericColumn("x", x));
        columns.add(new NumericColumn("bx", bx));
        DataFrame data = DataFrame.of("pastes", columns);
        MixedModelFit fit = Glimmer.fit(data, "strength ~ x + bx + (1 | batch/cask)", FitOptions.builder().method(Method.PQL).build());
        check(fit, new String[]{"(Intercept)", "x", "bx"},
                new double[]{60.9353884071, 0.1904564388, -0.1613170028},
                new double[]{1.3863656242, 0.2999176634, 0.2234420676},
                new double[]{4.307299283e-28, 5.303883570e-01, 4.908779648e-01},
                new double[]{2.9187627, 0.9808900}, 0.8152447761); // batch:cask first (more levels), then batch
        assertEquals("batch:cask", fit.randomEffects().get(0).group());
    }
}
