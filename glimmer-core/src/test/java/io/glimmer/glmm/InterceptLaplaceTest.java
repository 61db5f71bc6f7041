package io.glimmer.glmm;

import static io.glimmer.glmm.InterceptQuadratureTest.FORMULAS;
import static io.glimmer.glmm.InterceptQuadratureTest.LOGIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.glimmer.glm.Irls;
import io.glimmer.glmm.InterceptQuadratureTest.Model;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PIRLS-free first stage of a binomial-logit (1 | g) model against PIRLS with β updated: the
 * joint mode of (β, b) and the Laplace deviance −2 Σ log-density + ‖b‖² + log det at it.
 */
class InterceptLaplaceTest {

    /** PIRLS's joint mode (β, then b), its Laplace deviance as the first stage computes it, and the covariance of β from the joint factor there. */
    private static Object[] pirls(Model m, double theta, double[] betaStart) {
        Pirls pirls = new Pirls(m.data(), m.family());
        Pirls.Mode mode = pirls.run(new double[][]{{theta}}, betaStart, new double[][]{new double[m.levels()]}, true);
        double ll = 0;
        for (int r = 0; r < m.data().rows(); r++) {
            ll += LOGIT.distribution().logDensity(m.data().y()[r], pirls.mu()[r], m.data().weights()[r], 1);
        }
        double deviance = -2 * ll + mode.penalty() + mode.logDet();
        double[][] covariance = pirls.jointFactorAt(new double[][]{{theta}}, mode.beta(), mode.b()).fixedEffectsCovariance(mode.beta().length, 1);
        return new Object[]{mode.beta(), mode.b()[0], deviance, covariance};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void agreesWithPirls(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 104729);
        Model m = InterceptQuadratureTest.model(InterceptQuadratureTest.data(seed, 40 + rnd.nextInt(80)),
                FORMULAS[(int) (seed % FORMULAS.length)], LOGIT);
        double theta = seed % 6 == 0 ? 0 : rnd.nextDouble() * 3;
        double[] start = new double[m.design().p()];
        for (int j = 0; j < start.length; j++) {
            start[j] = 2 * rnd.nextDouble() - 1;
        }
        Object[] expected = pirls(m, theta, start);
        InterceptLaplace laplace = InterceptLaplace.of(InterceptQuadrature.of(m.data(), LOGIT, 9));
        assertNotNull(laplace);
        ProfiledNewton.Result r = laplace.jointMode(theta, start, new double[m.levels()]);
        assertNotNull(r);
        double deviance = (double) expected[2];
        assertEquals(deviance, r.deviance(), 1e-10 * Math.abs(deviance), "theta " + theta);
        double[] beta = (double[]) expected[0];
        for (int j = 0; j < beta.length; j++) {
            assertEquals(beta[j], r.beta()[j], 1e-7 * (1 + Math.abs(beta[j])), "beta " + j);
        }
        double[][] covariance = (double[][]) expected[3];
        for (int j = 0; j < beta.length; j++) {
            for (int k = 0; k < beta.length; k++) {
                double scale = Math.sqrt(covariance[j][j] * covariance[k][k]);
                assertEquals(covariance[j][k], r.betaCovariance()[j][k], 1e-6 * scale, "covariance " + j + ", " + k);
            }
        }
        double[] b = (double[]) expected[1];
        for (int l = 0; l < b.length; l++) {
            assertEquals(b[l], r.modes()[l], 1e-6, "mode of level " + l);
        }
    }

    /** With λ = 0 the joint mode is the GLM fit, as {@link Irls} finds it from the GLM's usual start η = link(initial μ). */
    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53, 54})
    void zeroVarianceIsTheGlm(long seed) {
        Model m = InterceptQuadratureTest.model(InterceptQuadratureTest.data(seed, 70), FORMULAS[(int) (seed % FORMULAS.length)], LOGIT);
        double[] expected = Irls.start(m.design().x(), m.data().offset(), m.data().y(), m.data().weights(), LOGIT, "the test").beta();
        ProfiledNewton.Result r = InterceptLaplace.of(InterceptQuadrature.of(m.data(), LOGIT, 9))
                .jointMode(0, new double[m.design().p()], new double[m.levels()]);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], r.beta()[j], 1e-7 * (1 + Math.abs(expected[j])), "beta " + j);
        }
    }

    @Test
    void warmStartsGiveTheSameMode() {
        Model m = InterceptQuadratureTest.model(InterceptQuadratureTest.data(44, 90), FORMULAS[0], LOGIT);
        InterceptLaplace laplace = InterceptLaplace.of(InterceptQuadrature.of(m.data(), LOGIT, 3));
        ProfiledNewton.Result cold = laplace.jointMode(1.3, new double[3], new double[m.levels()]);
        ProfiledNewton.Result warm = laplace.jointMode(1.3, cold.beta(), cold.modes());
        assertEquals(cold.deviance(), warm.deviance(), 1e-10 * cold.deviance());
        for (int j = 0; j < 3; j++) {
            assertEquals(cold.beta()[j], warm.beta()[j], 1e-7);
        }
    }

    @Test
    void notForFractionalCounts() {
        Model m = InterceptQuadratureTest.model(InterceptQuadratureTest.data(3, 20), FORMULAS[0], LOGIT);
        double[] w = m.data().weights();
        w[0] = 0.5; // a fractional prior weight: the log-likelihood is no longer −½ deviance + constant
        assertNull(InterceptLaplace.of(InterceptQuadrature.of(m.data(), LOGIT, 9)));
        assertNull(InterceptLaplace.of(null));
    }

    @Test
    void declinesWhenEtaLeavesTheClamp() {
        // η = 40 everywhere: beyond the logit link's clamp at 30, where only the general path (PIRLS) is exact.
        Model m = InterceptQuadratureTest.model(InterceptQuadratureTest.data(5, 40), FORMULAS[0], LOGIT);
        InterceptLaplace laplace = InterceptLaplace.of(InterceptQuadrature.of(m.data(), LOGIT, 9));
        double[] start = new double[m.design().p()];
        start[0] = 40; // the intercept
        assertNull(laplace.jointMode(1.0, start, new double[m.levels()]));
        assertNotNull(laplace.jointMode(1.0, new double[m.design().p()], new double[m.levels()]));
    }
}
