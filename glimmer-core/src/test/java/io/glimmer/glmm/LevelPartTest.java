package io.glimmer.glmm;

import static io.glimmer.glmm.InterceptQuadratureTest.FORMULAS;
import static io.glimmer.glmm.InterceptQuadratureTest.LOGIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A part of a LevelParts model's rows: level by level where that applies (its deviance, profile and
 * optimum those of PIRLS's part methods, from modes found at another Λ), the model made again from
 * the rows only for a call that path declines, and the whole model kept where it does not apply.
 */
class LevelPartTest {

    private static Supplier<GeneralizedLinearMixedModel> maker(DataFrame data, String formula, Family family, AtomicInteger made) {
        return () -> {
            made.incrementAndGet();
            Formula f = Formula.parse(formula);
            Design design = Design.of(data, f, null);
            return new GeneralizedLinearMixedModel(design, Response.of(design.frame(), f.response(), family, null), family, 1);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void levelByLevelAgreesWithPirlsFromAnotherLambda(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 104729);
        DataFrame data = InterceptQuadratureTest.data(seed, 20 + rnd.nextInt(40));
        String formula = FORMULAS[(int) (seed % FORMULAS.length)];
        AtomicInteger made = new AtomicInteger();
        Supplier<GeneralizedLinearMixedModel> make = maker(data, formula, LOGIT, made);
        GeneralizedLinearMixedModel model = make.get();
        LevelPart part = LevelPart.of(make.get(), make);
        assertTrue(part.levelByLevel());
        int levels = ((CategoricalColumn) data.column("g")).levelCount();
        double[] theta = {0.3 + rnd.nextDouble() * 1.5};
        double[][] startLambdas = {{theta[0] * (0.5 + rnd.nextDouble())}};
        double[] start = new double[levels];
        for (int l = 0; l < levels; l++) {
            start[l] = rnd.nextDouble() - 0.5;
        }
        int p = Design.of(data, Formula.parse(formula), null).p();
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = rnd.nextDouble() - 0.5;
        }
        LevelParts.Deviance d = part.deviance(theta, beta, start, startLambdas);
        LevelParts.Deviance pd = model.partDeviance(theta, beta, start, startLambdas);
        assertEquals(pd.deviance(), d.deviance(), 1e-10 * Math.abs(pd.deviance()), "deviance");
        assertArrayEquals(pd.modes(), d.modes(), 1e-8, "modes");
        LevelParts.Profile r = part.profile(theta, beta, start, startLambdas);
        LevelParts.Profile pr = model.partProfile(theta, beta, start, startLambdas);
        assertEquals(pr.objective(), r.objective(), 1e-10 * Math.abs(pr.objective()), "profile's objective");
        assertArrayEquals(pr.modes(), r.modes(), 1e-8, "profile's modes");
        LevelParts.Optimum o = part.optimum(theta, beta, start, startLambdas);
        LevelParts.Optimum po = model.partOptimum(theta, beta, start, startLambdas);
        assertEquals(po.deviance(), o.deviance(), 1e-10 * Math.abs(po.deviance()), "optimum's deviance");
        assertArrayEquals(po.modes(), o.modes(), 1e-8, "optimum's modes");
        for (int l = 0; l < levels; l++) {
            double v = po.conditionalVariances()[l];
            assertEquals(v, o.conditionalVariances()[l], 1e-8 * v, "conditional variance of level " + l);
        }
        assertTrue(o.converged());
        assertEquals(2, made.get(), "no model made again while the per-level path answered");
    }

    @Test
    void aDeclinedCallIsAnsweredByTheModelMadeAgain() {
        DataFrame data = InterceptQuadratureTest.data(11, 30);
        AtomicInteger made = new AtomicInteger();
        Supplier<GeneralizedLinearMixedModel> make = maker(data, FORMULAS[0], LOGIT, made);
        LevelPart part = LevelPart.of(make.get(), make);
        int levels = ((CategoricalColumn) data.column("g")).levelCount();
        double[] theta = {1.0};
        double[] beta = {29, 3, 0}; // η beyond the logit clamp's range: the per-level path declines
        LevelParts.Deviance d = part.deviance(theta, beta, new double[levels], null);
        assertEquals(2, made.get(), "the model was made again for the declined call");
        LevelParts.Deviance expected = make.get().partDeviance(theta, beta, new double[levels], null);
        assertEquals(expected.deviance(), d.deviance(), 0, "the same PIRLS as the model's own");
        assertArrayEquals(expected.modes(), d.modes(), 0);
    }

    @Test
    void aModelWithoutTheLevelPathIsKeptAndRunsPirls() {
        DataFrame data = InterceptQuadratureTest.data(12, 25);
        Family probit = Family.of("binomial", "probit");
        AtomicInteger made = new AtomicInteger();
        Supplier<GeneralizedLinearMixedModel> make = maker(data, FORMULAS[0], probit, made);
        LevelPart part = LevelPart.of(make.get(), make);
        assertFalse(part.levelByLevel());
        int levels = ((CategoricalColumn) data.column("g")).levelCount();
        double[] theta = {0.8};
        double[] beta = {-0.2, 0.5, -0.3};
        LevelParts.Deviance d = part.deviance(theta, beta, new double[levels], null);
        LevelParts.Deviance expected = make.get().partDeviance(theta, beta, new double[levels], null);
        assertEquals(expected.deviance(), d.deviance(), 0);
        assertArrayEquals(expected.modes(), d.modes(), 0);
        assertEquals(2, made.get(), "the kept model answered: none made again");
    }
}
