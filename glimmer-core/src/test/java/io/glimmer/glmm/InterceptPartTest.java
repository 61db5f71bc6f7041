package io.glimmer.glmm;

import static io.glimmer.glmm.InterceptQuadratureTest.FORMULAS;
import static io.glimmer.glmm.InterceptQuadratureTest.LOGIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.glimmer.glmm.InterceptQuadratureTest.Model;
import io.glimmer.lmm.ConditionalVariances;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A part's per-level evaluations of a binomial-logit (1 | g) model (what the Spark engine's blocks
 * run) against PIRLS with β fixed, which the part methods ran before: the Laplace deviance, the
 * profile's objective (with PIRLS's constant), gradient X'w(μ − y), Schur complement, the modes and
 * (the optimum's part) their conditional variances from PIRLS's factor at the mode.
 */
class InterceptPartTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void agreesWithPirlsAtFixedBeta(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 7919);
        Model m = InterceptQuadratureTest.model(InterceptQuadratureTest.data(seed, 30 + rnd.nextInt(60)),
                FORMULAS[(int) (seed % FORMULAS.length)], LOGIT);
        int p = m.design().p();
        double lambda = seed % 4 == 0 ? 0 : 0.2 + rnd.nextDouble() * 2;
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = rnd.nextDouble() - 0.5;
        }
        double[][] lambdas = {{lambda}};
        Pirls pirls = new Pirls(m.data(), LOGIT);
        Pirls.Mode mode = pirls.run(lambdas, beta, new double[][]{new double[m.levels()]}, false);
        double[] variances = ConditionalVariances.of(pirls.factor(), lambdas, 1, m.design().randomTerms())[0];
        double saturated = 0;
        double logLik = 0;
        for (int r = 0; r < m.data().rows(); r++) {
            saturated += LOGIT.distribution().saturatedLogDensity(m.data().y()[r], m.data().weights()[r]);
            logLik += LOGIT.distribution().logDensity(m.data().y()[r], pirls.mu()[r], m.data().weights()[r], 1);
        }
        double deviance = -2 * logLik + mode.penalty() + mode.logDet();
        pirls.jointFactorAt(lambdas, beta, mode.b());
        double[] gradient = pirls.betaScore();
        double[] schur = ProfiledNewton.schur(pirls.factor().crossProducts(), lambdas[0], p);

        InterceptPart part = InterceptPart.of(m.data(), LOGIT, null, saturated);
        assertNotNull(part);
        LevelParts.Deviance d = part.deviance(lambda, beta, new double[m.levels()]);
        LevelParts.Profile profile = part.profile(lambda, beta, new double[m.levels()]);
        LevelParts.Optimum optimum = part.optimum(new double[]{lambda}, beta, new double[m.levels()], null);
        assertEquals(deviance, optimum.deviance(), 1e-10 * Math.abs(deviance), "optimum's deviance");
        assertEquals(deviance, d.deviance(), 1e-10 * Math.abs(deviance), "deviance");
        assertEquals(deviance, profile.deviance(), 1e-10 * Math.abs(deviance), "profile's deviance");
        double objective = mode.penalised() / 2;
        assertEquals(objective, profile.objective(), 1e-10 * Math.abs(objective), "objective");
        for (int j = 0; j < p; j++) {
            assertEquals(gradient[j], profile.gradient()[j], 1e-8 * (1 + Math.abs(gradient[j])), "gradient " + j);
            for (int k = 0; k < p; k++) {
                double scale = Math.sqrt(schur[j * p + j] * schur[k * p + k]);
                assertEquals(schur[j * p + k], profile.schur()[j * p + k], 1e-8 * scale, "Schur complement " + j + ", " + k);
            }
        }
        for (int l = 0; l < m.levels(); l++) {
            assertEquals(mode.b()[0][l], d.modes()[l], 1e-8, "mode of level " + l);
            assertEquals(mode.b()[0][l], profile.modes()[l], 1e-8, "profile's mode of level " + l);
            assertEquals(mode.b()[0][l], optimum.modes()[l], 1e-8, "optimum's mode of level " + l);
            assertEquals(variances[l], optimum.conditionalVariances()[l], 1e-8 * variances[l] + 1e-15, "conditional variance of level " + l);
        }
    }
}
