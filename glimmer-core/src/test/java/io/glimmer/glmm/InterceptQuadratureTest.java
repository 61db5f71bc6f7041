package io.glimmer.glmm;

import io.glimmer.response.Response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PIRLS-free quadrature of a binomial-logit (1 | g) model against the general path (PIRLS
 * modes and factor, then {@link AdaptiveQuadrature} with the family's own log-density), on seeded
 * data with unequal, interleaved groups, binary and count responses and offsets.
 */
class InterceptQuadratureTest {
    static final Family LOGIT = Family.of("binomial", "logit");

    record Model(Design design, GlmmData data, Family family) {
        int levels() {
            return data.terms()[0].levels();
        }
    }

    static Model model(DataFrame frame, String formula, Family family) {
        Formula f = Formula.parse(formula);
        Design design = Design.of(frame, f, null);
        return new Model(design, new GlmmData(design, Response.of(design.frame(), f.response(), family, null)), family);
    }

    /** Groups of 1 to 60 rows in random order; y binary, or s successes out of m = 0..12 trials; offset o. */
    static DataFrame data(long seed, int groups) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] size = new int[groups];
        int n = 0;
        for (int i = 0; i < groups; i++) {
            size[i] = 1 + rnd.nextInt(60);
            n += size[i];
        }
        String[] g = new String[n];
        int r = 0;
        for (int i = 0; i < groups; i++) {
            for (int j = 0; j < size[i]; j++) {
                g[r++] = "g" + i;
            }
        }
        for (int i = n - 1; i > 0; i--) { // interleave the groups
            int j = rnd.nextInt(i + 1);
            String t = g[i];
            g[i] = g[j];
            g[j] = t;
        }
        double[] u = new double[groups];
        for (int i = 0; i < groups; i++) {
            u[i] = 1.2 * gaussian(rnd);
        }
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] o = new double[n];
        double[] y = new double[n];
        double[] s = new double[n];
        double[] f = new double[n];
        for (r = 0; r < n; r++) {
            x1[r] = gaussian(rnd);
            x2[r] = rnd.nextInt(2);
            o[r] = 0.3 * gaussian(rnd);
            double eta = -0.4 + 0.8 * x1[r] - 0.5 * x2[r] + o[r] + u[Integer.parseInt(g[r].substring(1))];
            double mu = 1 / (1 + Math.exp(-eta));
            y[r] = rnd.nextDouble() < mu ? 1 : 0;
            int m = rnd.nextInt(13);
            for (int k = 0; k < m; k++) {
                s[r] += rnd.nextDouble() < mu ? 1 : 0;
            }
            f[r] = m - s[r];
        }
        return DataFrameBuilder.named("intercept").numeric("y", y).numeric("s", s).numeric("f", f)
                .numeric("x1", x1).numeric("x2", x2).numeric("o", o).categorical("g", g).build();
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    static final String[] FORMULAS = {
        "y ~ x1 + x2 + (1 | g)",
        "cbind(s, f) ~ x1 + x2 + (1 | g)",
        "y ~ x1 + offset(o) + (1 | g)",
        "cbind(s, f) ~ x2 + offset(o) + (1 | g)",
    };

    /** PIRLS's modes (index 0) and the general path's deviance (index 1, first element). */
    private static double[][] general(Model m, double theta, double[] beta, int points) {
        Pirls pirls = new Pirls(m.data(), m.family());
        double[][] lambda = {{theta}};
        Pirls.Mode mode = pirls.run(lambda, beta, new double[][]{new double[m.levels()]}, false);
        AdaptiveQuadrature q = new AdaptiveQuadrature(m.data(), m.family(), points);
        double deviance = q.deviance(lambda[0], beta, mode.b()[0], pirls.factor().firstBlock(), 1);
        return new double[][]{mode.b()[0], {deviance}};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void agreesWithTheGeneralPath(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 7919);
        Model m = model(data(seed, 40 + rnd.nextInt(80)), FORMULAS[(int) (seed % FORMULAS.length)], LOGIT);
        int points = new int[]{2, 3, 9, 25}[rnd.nextInt(4)];
        double theta = rnd.nextDouble() * 3;
        double[] beta = new double[m.design().p()];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = 2 * rnd.nextDouble() - 1;
        }
        double[][] expected = general(m, theta, beta, points);
        InterceptQuadrature fast = InterceptQuadrature.of(m.data(), LOGIT, points);
        assertNotNull(fast);
        InterceptQuadrature.Result r = fast.deviance(theta, beta, new double[m.levels()]);
        assertNotNull(r);
        double dev = expected[1][0];
        assertEquals(dev, r.deviance(), 1e-10 * Math.abs(dev), "points " + points + ", theta " + theta);
        for (int l = 0; l < m.levels(); l++) {
            assertEquals(expected[0][l], r.modes()[l], 1e-8, "mode of level " + l);
        }
    }

    @Test
    void warmStartsGiveTheSameDeviance() {
        Model m = model(data(21, 150), FORMULAS[0], LOGIT);
        InterceptQuadrature fast = InterceptQuadrature.of(m.data(), LOGIT, 9);
        double[] beta = {-0.3, 0.7, -0.4};
        InterceptQuadrature.Result cold = fast.deviance(1.1, beta, new double[m.levels()]);
        double[] far = new double[m.levels()];
        java.util.Arrays.fill(far, 25);
        for (double[] start : new double[][]{cold.modes(), far}) {
            InterceptQuadrature.Result warm = fast.deviance(1.1, beta, start);
            assertEquals(cold.deviance(), warm.deviance(), 1e-11 * cold.deviance());
            for (int l = 0; l < m.levels(); l++) {
                assertEquals(cold.modes()[l], warm.modes()[l], 1e-10);
            }
        }
    }

    @Test
    void zeroVarianceIsTheGlmLogLikelihood() {
        Model m = model(data(5, 60), FORMULAS[1], LOGIT);
        double[] beta = {-0.3, 0.7, -0.4};
        InterceptQuadrature.Result r = InterceptQuadrature.of(m.data(), LOGIT, 5).deviance(0, beta, new double[m.levels()]);
        double[] eta = new double[m.data().rows()];
        m.data().linearPredictor(new double[][]{{0}}, beta, new double[][]{new double[m.levels()]}, eta);
        double ll = 0;
        for (int i = 0; i < eta.length; i++) {
            ll += LOGIT.distribution().logDensity(m.data().y()[i], LOGIT.link().inverse(eta[i]), m.data().weights()[i], 1);
        }
        assertEquals(-2 * ll, r.deviance(), 1e-12 * Math.abs(ll));
    }

    /**
     * A level's log-likelihood at η = η₀ + shift, against the family's log-density row by row where
     * μ's rounding does not spoil log(1 − μ) (|η| ≤ 8), and over the whole clamp range against
     * s log μ + (m − s) log(1 − μ) with both logs written through log1p (accurate to a few ulps).
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    void levelLogLikelihoodMatchesTheDensity(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Model m = model(data(seed, 30), FORMULAS[(int) (seed % 2)], LOGIT);
        InterceptQuadrature fast = InterceptQuadrature.of(m.data(), LOGIT, 3);
        int[] codes = m.data().terms()[0].codes();
        double[] y = m.data().y();
        double[] w = m.data().weights();
        double[] x = m.data().x();
        int p = m.data().p();
        int checked = 0;
        int beyondEight = 0;
        for (int trial = 0; trial < 40; trial++) {
            boolean extreme = trial % 2 == 1;
            double[] beta = new double[p];
            for (int j = 0; j < p; j++) {
                beta[j] = (extreme ? 4 : 1) * (2 * rnd.nextDouble() - 1);
            }
            double shift = (extreme ? 20 : 4) * (2 * rnd.nextDouble() - 1);
            int l = rnd.nextInt(m.levels());
            if (!fast.prepare(l, beta)) {
                continue;
            }
            double density = 0;
            double reference = 0;
            double magnitude = 0;
            double maxEta = 0;
            for (int r = 0; r < codes.length; r++) {
                if (codes[r] != l) {
                    continue;
                }
                double eta = shift;
                for (int j = 0; j < p; j++) {
                    eta += x[r * p + j] * beta[j];
                }
                if (Math.abs(eta) > 30) {
                    maxEta = Double.POSITIVE_INFINITY;
                    break;
                }
                maxEta = Math.max(maxEta, Math.abs(eta));
                double trials = Math.rint(w[r]);
                double successes = Math.rint(w[r] * y[r]);
                double generic = LOGIT.distribution().logDensity(y[r], LOGIT.link().inverse(eta), w[r], 1);
                double logChoose = LOGIT.distribution().logDensity(y[r], 0.5, w[r], 1) + trials * Math.log(2);
                double stable = logChoose - successes * Math.log1p(Math.exp(-eta)) - (trials - successes) * Math.log1p(Math.exp(eta));
                density += generic;
                reference += stable;
                magnitude += Math.abs(stable) + Math.abs(logChoose);
            }
            if (maxEta > 30) {
                continue;
            }
            InterceptQuadrature.Scratch scratch = new InterceptQuadrature.Scratch(3);
            scratch.shift[0] = 0.5 * shift; // any other shifts alongside must not change the one tested
            scratch.shift[1] = shift;
            scratch.shift[2] = -0.5;
            fast.logLikelihoods(l, scratch);
            double fastValue = scratch.logLik[1];
            checked++;
            beyondEight += maxEta > 8 ? 1 : 0;
            assertEquals(reference, fastValue, 1e-12 * Math.max(1, magnitude), "level " + l + ", max |eta| " + maxEta);
            if (maxEta <= 8) {
                assertEquals(density, fastValue, 1e-12 * Math.max(1, magnitude), "level " + l + ", max |eta| " + maxEta);
            }
        }
        assertTrue(checked >= 20 && beyondEight >= 3, checked + " levels checked, " + beyondEight + " with |eta| beyond 8");
    }

    @Test
    void outsideTheLogitClampItDefersToTheGeneralPath() {
        Model m = model(data(8, 50), FORMULAS[0], LOGIT);
        InterceptQuadrature fast = InterceptQuadrature.of(m.data(), LOGIT, 9);
        assertNull(fast.deviance(1.0, new double[]{29, 3, 0}, new double[m.levels()]));
        assertNull(fast.deviance(1.0, new double[]{650, 0, 0}, new double[m.levels()])); // e^η₀ would overflow
        assertNotNull(fast.deviance(1.0, new double[]{2, 1, 0}, new double[m.levels()]));
        // and the model then gives exactly the general path's deviance
        GeneralizedLinearMixedModel glmm = new GeneralizedLinearMixedModel(m.design(), Response.of(m.design().frame(),
                m.design().formula().response(), LOGIT, null), LOGIT, 9);
        double[] beta = {29, 3, 0};
        assertEquals(general(m, 1.0, beta, 9)[1][0], glmm.deviance(new double[]{1.0}, beta, new double[][]{new double[m.levels()]}));
    }

    @Test
    void onlyForBinomialLogitWithOneRandomIntercept() {
        DataFrame d = data(3, 20);
        assertNull(InterceptQuadrature.of(model(d, FORMULAS[0], Family.of("binomial", "probit")).data(), Family.of("binomial", "probit"), 9));
        assertNull(InterceptQuadrature.of(model(d, "y ~ x1 + (0 + x1 | g)", LOGIT).data(), LOGIT, 9));
        assertNull(InterceptQuadrature.of(model(d, "y ~ x1 + (1 + x1 | g)", LOGIT).data(), LOGIT, 3));
        assertTrue(InterceptQuadrature.of(model(d, FORMULAS[2], LOGIT).data(), LOGIT, 9) != null);
    }
}
