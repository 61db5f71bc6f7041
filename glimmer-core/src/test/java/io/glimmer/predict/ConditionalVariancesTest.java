package io.glimmer.predict;

import io.glimmer.lmm.ConditionalVariances;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.CovarianceStructure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conditional variances of the modes (lme4's condVar) against an independent dense computation
 * of s² Λ(Λ'Z'WZΛ + I)⁻¹Λ', and against lme4's numbers for sleepstudy and cbpp.
 */
class ConditionalVariancesTest {

    @Test
    void sleepstudyMatchesDenseAndLme4() {
        Fitted f = Fitted.sleepstudy();
        assertMatchesDense(f, null);
        ConditionalModes m = f.fit().conditionalModes().get(0);
        // attr(ranef(fm, condVar = TRUE)$Subject, "postVar")[, , 1] (lme4 1.1-31): balanced, the same for every subject
        for (int l = 0; l < m.levels().size(); l++) {
            assertEquals(145.7056, m.conditionalVariance(l, 0), 145.7056 * 2e-4);
            assertEquals(5.312283, m.conditionalVariance(l, 1), 5.312283 * 2e-4);
        }
    }

    @Test
    void uncorrelatedTermsOfOneGroup() {
        Fitted f = Fitted.of("sleepstudy.csv", "Reaction ~ Days + (Days || Subject)", FitOptions.defaults());
        assertMatchesDense(f, null);
        assertEquals(149.7917, f.fit().conditionalModes().get(0).conditionalVariance(0, 0), 0.05); // lme4
    }

    @Test
    void uncorrelatedTermsOfOneGroupCovaryGivenTheData() {
        ConditionalModes m = Fitted.of("sleepstudy.csv", "Reaction ~ Days + (Days || Subject)", FitOptions.defaults()).fit()
                .conditionalModes().get(0);
        assertEquals(2, m.terms().size());
        assertTrue(m.conditionalCovariance(0, 0, 1) < 0, "intercept and slope modes are negatively correlated given the data");
        assertEquals(m.conditionalCovariance(0, 0, 1), m.conditionalCovariance(0, 1, 0), 0.0);
    }

    @Test
    void slopeFirstThenIntercept() {
        assertMatchesDense(Fitted.of("sleepstudy.csv", "Reaction ~ Days + (0 + Days | Subject) + (1 | Subject) + (1 | Days)",
                FitOptions.builder().factors(Set.of("Subject")).build()), null);
    }

    @Test
    void crossedTerms() {
        assertMatchesDense(Fitted.of("penicillin.csv", "diameter ~ 1 + (1 | plate) + (1 | sample)", FitOptions.defaults()), null);
    }

    @Test
    void nestedTerms() {
        assertMatchesDense(Fitted.of("pastes.csv", "strength ~ 1 + (1 | batch/cask)", FitOptions.defaults()), null);
    }

    @Test
    void cbppAtThePirlsWeightsMatchesDenseAndLme4() {
        Fitted f = Fitted.cbpp();
        assertMatchesDense(f, workingWeights(f));
        ConditionalModes m = f.fit().conditionalModes().get(0);
        double[] lme4 = {0.12125926220, 0.13358581710, 0.08837955693, 0.17331113958}; // herds 1-4
        for (int l = 0; l < lme4.length; l++) {
            assertEquals(lme4[l], m.conditionalVariance(l, 0), lme4[l] * 2e-3);
        }
    }

    @Test
    void poissonWithCrossedTerms() {
        Fitted f = Fitted.of("grouseticks.csv", "TICKS ~ YEAR + (1 | BROOD) + (1 | LOCATION)",
                FitOptions.builder().family("poisson").method(Method.LAPLACE).factors(Set.of("YEAR")).build());
        assertMatchesDense(f, workingWeights(f));
    }

    /** PIRLS weights w·(dμ/dη)²/V(μ) at the fitted (conditional) means. */
    private static double[] workingWeights(Fitted f) {
        Family family = Family.of(f.fit().family(), f.fit().link());
        double[] prior = io.glimmer.response.Response.of(f.design().frame(), f.design().formula().response(), family, null).weights();
        double[] mu = f.fit().fitted();
        double[] w = new double[mu.length];
        for (int r = 0; r < mu.length; r++) {
            double d = family.muEta(family.eta(mu[r]));
            w[r] = prior[r] * d * d / family.variance(mu[r]);
        }
        return w;
    }

    /** Row of Z for level l of the effect whose level-0 row is at, found through the term that holds it. */
    private static int position(List<RandomEffectsTerm> terms, int[] offset, int at, int l) {
        for (int k = terms.size() - 1; k >= 0; k--) {
            if (at >= offset[k]) {
                return at + l * terms.get(k).q();
            }
        }
        throw new IllegalStateException();
    }

    /** Dense s²Λ(Λ'Z'WZΛ + I)⁻¹Λ', its blocks per group and level compared with the fit's conditional covariances. */
    private static void assertMatchesDense(Fitted f, double[] weights) {
        MixedModelFit fit = f.fit();
        Design d = f.design();
        List<RandomEffectsTerm> terms = d.randomTerms();
        int n = d.rows();
        int q = d.q();
        RealMatrix z = MatrixUtils.createRealMatrix(n, q);
        RealMatrix lambda = MatrixUtils.createRealMatrix(q, q);
        CovarianceStructure cs = new CovarianceStructure(terms);
        double[][] lambdas = cs.newLambdas();
        cs.lambdas(fit.theta(), lambdas);
        int[] offset = new int[terms.size()];
        for (int k = 0, off = 0; k < terms.size(); k++) {
            offset[k] = off;
            RandomEffectsTerm t = terms.get(k);
            int qk = t.q();
            for (int r = 0; r < n; r++) {
                int level = t.columns().codes()[r];
                for (int a = 0; a < qk; a++) {
                    z.setEntry(r, off + level * qk + a, t.columns().z()[r * qk + a] * (weights == null ? 1 : Math.sqrt(weights[r])));
                }
            }
            for (int l = 0; l < t.levelCount(); l++) {
                for (int a = 0; a < qk; a++) {
                    for (int b = 0; b <= a; b++) {
                        lambda.setEntry(off + l * qk + a, off + l * qk + b, lambdas[k][a * qk + b]);
                    }
                }
            }
            off += t.size();
        }
        RealMatrix zl = z.multiply(lambda);
        RealMatrix system = zl.transposeMultiply(zl).add(MatrixUtils.createRealIdentityMatrix(q));
        RealMatrix inverse = new CholeskyDecomposition(system).getSolver().getInverse();
        double s2 = fit.residualStdDev() == null ? 1 : fit.residualStdDev() * fit.residualStdDev();
        RealMatrix cov = lambda.multiply(inverse).multiplyTransposed(lambda).scalarMultiply(s2);

        Map<String, Integer> column = new HashMap<>();
        Map<String, List<Integer>> offsets = new HashMap<>(); // per group, the offsets of its terms' effects of level 0
        int checked = 0;
        for (int k = 0; k < terms.size(); k++) {
            RandomEffectsTerm t = terms.get(k);
            int first = column.getOrDefault(t.group(), 0);
            column.put(t.group(), first + t.q());
            for (int a = 0; a < t.q(); a++) {
                offsets.computeIfAbsent(t.group(), g -> new java.util.ArrayList<>()).add(offset[k] + a);
            }
        }
        for (int k = 0; k < terms.size(); k++) {
            RandomEffectsTerm t = terms.get(k);
            ConditionalModes m = fit.conditionalModes().stream().filter(c -> c.group().equals(t.group())).findFirst().orElseThrow();
            assertTrue(m.hasConditionalVariances(), t.group());
            if (!offsets.containsKey(t.group())) {
                continue; // group already checked through its first term
            }
            List<Integer> effects = offsets.remove(t.group());
            for (int l = 0; l < t.levelCount(); l++) {
                for (int a = 0; a < effects.size(); a++) { // the whole q × q block, across the group's terms
                    for (int b = 0; b < effects.size(); b++) {
                        double dense = cov.getEntry(position(terms, offset, effects.get(a), l), position(terms, offset, effects.get(b), l));
                        assertEquals(dense, m.conditionalCovariance(l, a, b), 1e-9 * Math.max(1, Math.abs(dense)),
                                t.group() + " level " + t.levels().get(l) + " effects " + a + ", " + b);
                    }
                    checked++;
                }
            }
        }
        assertEquals(q, checked);
    }
}
