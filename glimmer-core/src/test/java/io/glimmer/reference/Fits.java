package io.glimmer.reference;

import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;

import java.util.List;
import java.util.Map;

/** Fits built by hand from lme4's results, so that output tests do not depend on the estimators. */
public final class Fits {
    private Fits() {
    }

    /** glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), cbpp, binomial) as lme4 1.1 reports it. */
    public static MixedModelFit cbpp() {
        double sd = Math.sqrt(0.41225379209415347);
        return MixedModelFit.builder()
                .formula("cbind(incidence, size - incidence) ~ period + (1 | herd)")
                .family("binomial").link("logit").method("Laplace").nAGQ(1).details(new EstimatorDetails.Glmm(1))
                .nObs(56).groups(Map.of("herd", 15))
                .logLikelihood(-92.026566389530274).df(5)
                .fixedEffects(List.of(
                        new FixedEffect("(Intercept)", -1.39834286447114531, 0.23121404809946314, -6.0478283044013370, 1.4681128841144743e-09),
                        new FixedEffect("period2", -0.99192497497573884, 0.30315064454127666, -3.2720529968745602, 1.0676956003794692e-03),
                        new FixedEffect("period3", -1.12821621594333976, 0.32283015322583969, -3.4947671543992440, 4.7447549371436927e-04),
                        new FixedEffect("period4", -1.57974541364919197, 0.42204915942631677, -3.7430365121364280, 1.8180979851898743e-04)))
                .fixedEffectsCovariance(new double[][]{
                        {0.053459936038540858, -0.025434628930817563, -0.025348913894835831, -0.025410212891578923},
                        {-0.025434628930817563, 0.091900313285791457, 0.027408103598012497, 0.027313325797453211},
                        {-0.025348913894835831, 0.027408103598012497, 0.104219307831819125, 0.026955111662241339},
                        {-0.025410212891578923, 0.027313325797453211, 0.026955111662241339, 0.178125492972460525}})
                .randomEffects(List.of(new VarianceComponent("herd", "(Intercept)", sd * sd, sd)))
                .conditionalModes(List.of(new ConditionalModes("herd", List.of("(Intercept)"), List.of("1", "2"),
                        new double[][]{{0.5896}, {-0.2991}}, new double[][]{{0.04}, {Double.NaN}})))
                .scaledResiduals(new double[]{-2.38163599828345918, -0.78893538122134088, -0.20262705314152385,
                        0.51425412925579916, 2.87908806084977931})
                .optimizer(new OptimizerSummary("BOBYQA", new double[]{1}, new double[]{0.64}, 184.05, 42, true, List.of()))
                .fitSeconds(0.012)
                .build();
    }

    /** A REML fit with a three-effect term, for the correlation columns of the random-effects table. */
    public static MixedModelFit threeEffects() {
        return MixedModelFit.builder()
                .formula("Reaction ~ Days + I(Days^2) + (Days + I(Days^2) | Subject)")
                .method("REML").details(new EstimatorDetails.Lmm(true)).nObs(180).groups(Map.of("Subject", 18))
                .logLikelihood(-864.65).df(10).remlCriterion(1729.3)
                .residualStdDev(22.7990)
                .randomEffects(List.of(
                        new VarianceComponent("Subject", "(Intercept)", 777.9710, 27.8922),
                        new VarianceComponent("Subject", "Days", 212.9450, 14.5926),
                        new VarianceComponent("Subject", "I(Days^2)", 2.1220, 1.4568)))
                .correlations(List.of(
                        new RandomEffectCorrelation("Subject", "(Intercept)", "Days", -0.4105),
                        new RandomEffectCorrelation("Subject", "(Intercept)", "I(Days^2)", 0.4503),
                        new RandomEffectCorrelation("Subject", "Days", "I(Days^2)", -0.9068)))
                .build();
    }
}
