package io.glimmer.glmm;

import io.glimmer.response.Response;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;
import io.glimmer.linalg.GroupedColumns;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * η = offset + Xβ + Σ_k Z_k Λ_k b_k from {@link GlmmData#linearPredictor} against the same sum written
 * out row by row from the design's own columns, for intercepts, scalar slopes, vector terms, and a vector
 * term whose columns are all ones (the random-intercept shortcut must not take it).
 */
class GlmmDataTest {

    @ParameterizedTest(name = "{0}, rows {1}")
    @CsvSource({
            "'y ~ x + (1 | g)', 50",
            "'y ~ x + (0 + x | g)', 50",
            "'y ~ x + (1 + x | g)', 50",
            "'y ~ 1 + (1 + one | g)', 50",
            "'y ~ x + (1 | g) + (1 + x | h) + offset(o)', 9000",
            "'y ~ 1 + (1 + one | g) + (one || h)', 9000",
    })
    void matchesTheRowByRowSum(String formula, int rows) {
        SplittableRandom rnd = new SplittableRandom(rows * 31L + formula.length());
        double[] y = new double[rows];
        double[] x = new double[rows];
        double[] one = new double[rows];
        double[] o = new double[rows];
        String[] g = new String[rows];
        String[] h = new String[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = rnd.nextInt(2);
            x[r] = rnd.nextGaussian();
            one[r] = 1;
            o[r] = 0.1 * rnd.nextGaussian();
            g[r] = "g" + (r < 7 ? r : rnd.nextInt(7));
            h[r] = "h" + (r < 5 ? r : rnd.nextInt(5));
        }
        DataFrame frame = DataFrameBuilder.named("t").numeric("y", y).numeric("x", x).numeric("one", one)
                .numeric("o", o).categorical("g", g).categorical("h", h).build();
        Formula f = Formula.parse(formula);
        Design design = Design.of(frame, f, null);
        GlmmData data = new GlmmData(design, Response.of(design.frame(), f.response(), Family.of("binomial", "logit"), null));

        List<RandomEffectsTerm> terms = design.randomTerms();
        double[][] lambda = new double[terms.size()][];
        double[][] b = new double[terms.size()][];
        for (int k = 0; k < terms.size(); k++) {
            GroupedColumns t = terms.get(k).columns();
            int q = t.q();
            lambda[k] = new double[q * q];
            for (int a = 0; a < q; a++) {
                for (int c = 0; c <= a; c++) {
                    lambda[k][a * q + c] = a == c ? 0.5 + rnd.nextDouble() : rnd.nextGaussian();
                }
            }
            b[k] = new double[t.levels() * q];
            for (int i = 0; i < b[k].length; i++) {
                b[k][i] = rnd.nextGaussian();
            }
        }
        double[] beta = new double[design.p()];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = rnd.nextGaussian();
        }
        double[] eta = new double[rows];
        data.linearPredictor(lambda, beta, b, eta);

        double[] xv = design.x().values();
        double[] offset = design.offset();
        for (int r = 0; r < rows; r++) {
            double expected = offset == null ? 0 : offset[r];
            for (int j = 0; j < beta.length; j++) {
                expected += xv[r * beta.length + j] * beta[j];
            }
            for (int k = 0; k < terms.size(); k++) {
                GroupedColumns t = terms.get(k).columns();
                int q = t.q();
                int level = t.codes()[r];
                for (int a = 0; a < q; a++) {
                    double u = 0; // (Λ b)_a for this level
                    for (int c = 0; c <= a; c++) {
                        u += lambda[k][a * q + c] * b[k][level * q + c];
                    }
                    expected += t.z()[r * q + a] * u;
                }
            }
            assertEquals(expected, eta[r], 1e-12 * (1 + Math.abs(expected)), formula + ", row " + r);
        }
    }
}
