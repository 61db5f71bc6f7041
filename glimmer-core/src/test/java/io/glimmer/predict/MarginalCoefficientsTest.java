package io.glimmer.predict;

import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Link;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Population-averaged coefficients against direct integration, the lognormal identity and a numerical Jacobian. */
class MarginalCoefficientsTest {

    @Test
    void cbppPeriodEffectsAreTheLogitsOfTheIntegratedMeans() {
        // X is saturated in period, so the marginal model fits each period's mean exactly
        Fitted f = Fitted.cbpp();
        MarginalCoefficients m = MarginalCoefficients.of(f.fit(), f.design());
        double sd = f.fit().randomEffects().get(0).stdDev();
        double[] beta = m.conditional();
        double base = Link.LOGIT.link(Simpson.normalMean(Link.LOGIT::inverse, beta[0], sd));
        assertEquals(base, m.estimates()[0], 1e-4);
        for (int j = 1; j < 4; j++) {
            double period = Link.LOGIT.link(Simpson.normalMean(Link.LOGIT::inverse, beta[0] + beta[j], sd));
            assertEquals(period - base, m.estimates()[j], 1e-4, m.terms().get(j));
        }
        assertNotNull(m.attenuated());
        assertEquals(sd * sd, m.interceptVariance(), 1e-12);
        for (int j = 0; j < 4; j++) {
            assertEquals(beta[j] / Math.sqrt(1 + MarginalPredictions.LOGIT_C * MarginalPredictions.LOGIT_C * sd * sd), m.attenuated()[j], 1e-12);
            assertEquals(m.estimates()[j], m.attenuated()[j], 0.05 * Math.abs(m.estimates()[j]), "the approximation is within a few per cent");
            assertEquals(true, Math.abs(m.estimates()[j]) < Math.abs(beta[j]), "marginal effects are attenuated");
        }
    }

    @Test
    void logLinkShiftsOnlyTheInterceptByHalfTheVariance() {
        Fitted f = Fitted.epil();
        MarginalCoefficients m = MarginalCoefficients.of(f.fit(), f.design());
        double s2 = f.fit().randomEffects().get(0).variance();
        double[] beta = m.conditional();
        assertEquals(beta[0] + s2 / 2, m.estimates()[0], 1e-7);
        for (int j = 1; j < beta.length; j++) {
            assertEquals(beta[j], m.estimates()[j], 1e-7, m.terms().get(j));
        }
        double[] se = f.fit().fixedEffects().stream().mapToDouble(e -> e.stdError()).toArray();
        for (int j = 0; j < beta.length; j++) {
            assertEquals(se[j], m.stdErrors()[j], 1e-6 * se[j], "with Σ fixed the shift adds no uncertainty");
        }
        assertNull(m.attenuated());
    }

    @Test
    void deltaMethodStandardErrorsAgreeWithANumericalJacobian() {
        Fitted f = Fitted.cbpp();
        SavedModel model = f.saved();
        ModelMatrix x = f.design().x();
        double[] variance = new double[x.rows()];
        Arrays.fill(variance, model.randomTerms().get(0).covariance()[0][0]);
        MarginalCoefficients m = MarginalCoefficients.of(model, x, null, variance);
        int p = x.columns();
        double[][] jacobian = new double[p][p];
        double h = 1e-5;
        for (int j = 0; j < p; j++) {
            double[] up = model.beta();
            double[] down = model.beta();
            up[j] += h;
            down[j] -= h;
            double[] a = MarginalCoefficients.of(withBeta(model, up), x, null, variance).estimates();
            double[] b = MarginalCoefficients.of(withBeta(model, down), x, null, variance).estimates();
            for (int i = 0; i < p; i++) {
                jacobian[i][j] = (a[i] - b[i]) / (2 * h);
            }
        }
        double[][] v = model.betaCovariance();
        for (int i = 0; i < p; i++) {
            double var = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    var += jacobian[i][a] * v[a][b] * jacobian[i][b];
                }
            }
            assertEquals(Math.sqrt(var), m.stdErrors()[i], 1e-5, model.coefficientNames().get(i));
        }
    }

    private static SavedModel withBeta(SavedModel m, double[] beta) {
        return new SavedModel(m.formula(), m.family(), m.link(), m.method(), m.nObs(), m.coefficientNames(), beta,
                m.betaCovariance(), m.theta(), m.sigma(), m.coding(), m.randomTerms());
    }
}
