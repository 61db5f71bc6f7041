package io.glimmer.correlation;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.options.FitOptions;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.formula.Formula;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For each structure, ML and REML, with and without prior weights: the whitened computation equals
 * the dense multivariate-normal log-likelihood with V = ZΣZ' + W^{-1/2} R W^{-1/2}, both at an
 * arbitrary point and at the fitted parameters. Two nested random-effects terms (one vector-valued)
 * and shuffled rows exercise the general path.
 */
class DenseLikelihoodTest {
    private static final String FORMULA = "y ~ x + (1 + x | subject) + (1 | school)";

    /** The correlation of two rows of one subject, written out independently of the production code. */
    private static double correlation(String structure, double phi, double t1, double t2) {
        return switch (structure) {
            case "ar1" -> Math.pow(phi, Math.abs(t1 - t2));
            case "exp" -> Math.exp(-Math.abs(t1 - t2) / phi);
            default -> phi;
        };
    }

    private static SimulatedData data(String structure) {
        return new SimulatedData(structure.hashCode(), structure.equals("exp"), 0.5);
    }

    private static CorrelatedLinearMixedModel model(SimulatedData d, String structure, boolean reml, boolean weighted) {
        String spec = structure + "(" + (structure.equals("cs") ? "1" : "t") + " | subject)";
        FitOptions.Builder o = FitOptions.builder().correlation(spec);
        if (weighted) {
            o.weights("w");
        }
        return CorrelatedModels.of(d.frame, FORMULA, o.build(), reml);
    }

    /**
     * V relative to σ².
     *
     * @param subjectCov 2 × 2 covariance of (intercept, slope) per subject, relative to σ²
     * @param schoolVar  school intercept variance, relative to σ²
     */
    private static double[][] v(SimulatedData d, String structure, double phi, double[][] subjectCov, double schoolVar, boolean weighted) {
        int n = d.rows();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                if (d.subject[i] == d.subject[j]) {
                    double[] zi = {1, d.x[i]};
                    double[] zj = {1, d.x[j]};
                    for (int a = 0; a < 2; a++) {
                        for (int b = 0; b < 2; b++) {
                            s += zi[a] * subjectCov[a][b] * zj[b];
                        }
                    }
                    double r = i == j ? 1 : correlation(structure, phi, d.time[i], d.time[j]);
                    s += weighted ? r / Math.sqrt(d.weight[i] * d.weight[j]) : r;
                }
                if (d.school[i] == d.school[j]) {
                    s += schoolVar;
                }
                v[i][j] = s;
            }
        }
        return v;
    }

    private static double[][] x(SimulatedData d) {
        double[][] x = new double[d.rows()][];
        for (int i = 0; i < d.rows(); i++) {
            x[i] = new double[]{1, d.x[i]};
        }
        return x;
    }

    @ParameterizedTest(name = "{0} reml={1} weights={2} phi={3}")
    @CsvSource({
        "ar1, true, false, 0.4", "ar1, false, false, 0.4", "ar1, true, true, -0.3", "ar1, false, true, 0.8",
        "exp, true, false, 1.3", "exp, false, false, 1.3", "exp, true, true, 0.6", "exp, false, true, 4.0",
        "cs, true, false, 0.25", "cs, false, false, 0.25", "cs, true, true, -0.1", "cs, false, true, 0.6"})
    void objectiveEqualsDenseComputation(String structure, boolean reml, boolean weighted, double phi) {
        SimulatedData d = data(structure);
        CorrelatedLinearMixedModel m = model(d, structure, reml, weighted);
        // θ in lme4's layout: the subject term (most effects) first, λ lower triangle by columns.
        double[] theta = {0.8, 0.3, 0.5, 0.6};
        double[][] lambda = {{0.8, 0}, {0.3, 0.5}};
        double[][] subjectCov = new double[2][2];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                subjectCov[a][b] = lambda[a][0] * lambda[b][0] + lambda[a][1] * lambda[b][1];
            }
        }
        double dense = DenseGaussian.evaluate(v(d, structure, phi, subjectCov, 0.36, weighted), x(d), d.y, Double.NaN, reml).minus2LogLik();
        assertEquals(dense, m.objective(theta, phi), 1e-8 * Math.abs(dense));
    }

    @ParameterizedTest(name = "{0} reml={1} without random effects")
    @CsvSource({"ar1, true, 0.5", "ar1, false, -0.4", "exp, true, 2.0", "exp, false, 0.7", "cs, true, 0.3", "cs, false, 0.3"})
    void withoutRandomEffectsItIsGeneralisedLeastSquares(String structure, boolean reml, double phi) {
        SimulatedData d = data(structure);
        String spec = structure + "(" + (structure.equals("cs") ? "1" : "t") + " | subject)";
        CorrelatedLinearMixedModel m = CorrelatedModels.of(d.frame, "y ~ x",
                FitOptions.builder().correlation(spec).build(), reml);
        double dense = DenseGaussian.evaluate(v(d, structure, phi, new double[2][2], 0, false), x(d), d.y, Double.NaN, reml).minus2LogLik();
        assertEquals(dense, m.objective(new double[0], phi), 1e-8 * Math.abs(dense));
        MixedModelFit fit = m.fit();
        DenseGaussian.Result atFit = DenseGaussian.evaluate(v(d, structure, fit.details(EstimatorDetails.CorrelatedResiduals.class).phi(), new double[2][2], 0, false),
                x(d), d.y, Double.NaN, reml);
        assertEquals(atFit.minus2LogLik(), -2 * fit.logLikelihood(), 1e-7 * Math.abs(dense));
        assertEquals(atFit.beta()[1], fit.beta("x"), 1e-7);
        assertEquals(atFit.sigma2Hat(), fit.residualStdDev() * fit.residualStdDev(), 1e-9);
    }

    @ParameterizedTest(name = "{0} reml={1} weights={2}")
    @CsvSource({"ar1, true, false", "ar1, false, true", "exp, true, true", "exp, false, false", "cs, true, false", "cs, false, true"})
    void fittedLikelihoodEqualsDenseComputation(String structure, boolean reml, boolean weighted) {
        SimulatedData d = data(structure);
        MixedModelFit fit = model(d, structure, reml, weighted).fit();
        double sigma2 = fit.residualStdDev() * fit.residualStdDev();
        double[] var = new double[3]; // subject intercept, subject slope, school
        for (VarianceComponent c : fit.randomEffects()) {
            int k = c.group().equals("school") ? 2 : c.term().equals("x") ? 1 : 0;
            var[k] = c.variance() / sigma2;
        }
        RandomEffectCorrelation rc = fit.correlations().get(0);
        double cov = Double.isNaN(rc.correlation()) ? 0 : rc.correlation() * Math.sqrt(var[0] * var[1]);
        double[][] subjectCov = {{var[0], cov}, {cov, var[1]}};
        DenseGaussian.Result dense = DenseGaussian.evaluate(v(d, structure, fit.details(EstimatorDetails.CorrelatedResiduals.class).phi(), subjectCov, var[2], weighted),
                x(d), d.y, sigma2, reml);
        assertEquals(dense.minus2LogLik(), -2 * fit.logLikelihood(), 1e-7 * Math.abs(dense.minus2LogLik()));
        assertEquals(dense.beta()[0], fit.beta("(Intercept)"), 1e-7);
        assertEquals(dense.beta()[1], fit.beta("x"), 1e-7);
        assertEquals(sigma2, dense.sigma2Hat(), 1e-9 * sigma2, "σ̂² is the profiled estimate");
        assertEquals(2 + 4 + 2, fit.df());
        assertModesAndFittedValues(d, fit, dense, subjectCov, var[2]);
    }

    /** BLUPs u = ΣZ'V⁻¹(y − Xβ), and fitted values Xβ + Zu on the data scale (not whitened). */
    private static void assertModesAndFittedValues(SimulatedData d, MixedModelFit fit, DenseGaussian.Result dense,
                                                   double[][] subjectCov, double schoolVar) {
        double[][] subject = new double[SimulatedData.SUBJECTS][2];
        double[] school = new double[SimulatedData.SCHOOLS];
        double[] r = dense.vInvResidual();
        for (int i = 0; i < d.rows(); i++) {
            for (int a = 0; a < 2; a++) {
                subject[d.subject[i]][a] += (subjectCov[a][0] + subjectCov[a][1] * d.x[i]) * r[i];
            }
            school[d.school[i]] += schoolVar * r[i];
        }
        ConditionalModes sm = fit.conditionalModes().stream().filter(c -> c.group().equals("subject")).findFirst().orElseThrow();
        ConditionalModes km = fit.conditionalModes().stream().filter(c -> c.group().equals("school")).findFirst().orElseThrow();
        for (int s = 0; s < SimulatedData.SUBJECTS; s++) {
            assertEquals(subject[s][0], sm.value(s, 0), 1e-6, "subject intercept mode");
            assertEquals(subject[s][1], sm.value(s, 1), 1e-6, "subject slope mode");
        }
        for (int k = 0; k < SimulatedData.SCHOOLS; k++) {
            assertEquals(school[k], km.value(k, 0), 1e-6, "school mode");
        }
        double[] fitted = fit.fitted();
        for (int i = 0; i < d.rows(); i++) {
            double expected = dense.beta()[0] + dense.beta()[1] * d.x[i] + subject[d.subject[i]][0]
                    + subject[d.subject[i]][1] * d.x[i] + school[d.school[i]];
            assertEquals(expected, fitted[i], 1e-6, "fitted value of row " + i);
        }
    }
}
