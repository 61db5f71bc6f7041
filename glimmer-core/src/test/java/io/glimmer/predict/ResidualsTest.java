package io.glimmer.predict;

import io.glimmer.fit.Residuals;
import io.glimmer.family.Family;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Residual identities, and lme4's residuals(fit, type) for cbpp and sleepstudy. */
class ResidualsTest {

    @Test
    void cbppMatchesLme4() {
        Fitted f = Fitted.cbpp();
        Residuals r = Residuals.of(f.fit(), f.design(), null);
        assertEquals(56, r.size());
        // lme4 1.1-31: sum(residuals(g, "pearson")^2), sum(residuals(g, "deviance")^2) = deviance(g)
        assertEquals(63.06738029, r.pearsonChiSquare(), 63.07 * 1e-3);
        assertEquals(73.47439565, r.devianceSum(), 73.47 * 1e-3);
        double[] pearson = {-1.3395656919, 1.0747949774, 2.8790840999, -0.6773868548, -0.2390809707, -0.1399256924};
        double[] working = {-0.7753667595, 0.8894806117, 2.8920986566, -1.0917705902, -0.1409182495, -0.1351412373};
        double[] response = {-0.165307598985, 0.108226477736, 0.318458678810, -0.084056660824, -0.018437417940, -0.008048862962};
        for (int i = 0; i < pearson.length; i++) {
            assertEquals(pearson[i], r.pearson()[i], 2e-3 * Math.max(1, Math.abs(pearson[i])), "pearson " + i);
            assertEquals(working[i], r.working()[i], 2e-3 * Math.max(1, Math.abs(working[i])), "working " + i);
            assertEquals(response[i], r.response()[i], 1e-3, "response " + i);
        }
    }

    @Test
    void identitiesHoldForEveryFamily() {
        for (Fitted f : new Fitted[]{Fitted.sleepstudy(), Fitted.cbpp(), Fitted.epil()}) {
            Residuals r = Residuals.of(f.fit(), f.design(), null);
            Family family = Family.of(f.fit().family(), f.fit().link());
            double[] w = io.glimmer.response.Response.of(f.design().frame(), f.design().formula().response(), family, null).weights();
            double chi2 = 0;
            double deviance = 0;
            for (int i = 0; i < r.size(); i++) {
                double y = r.observed()[i];
                double mu = r.fitted()[i];
                chi2 += w[i] * (y - mu) * (y - mu) / family.variance(mu);
                deviance += family.distribution().devianceResidual(y, mu, w[i]);
                assertEquals(y - mu, r.response()[i], 1e-12);
                assertEquals(Math.signum(y - mu), Math.signum(r.deviance()[i]));
                assertEquals((y - mu) / family.muEta(family.eta(mu)), r.working()[i], 1e-9 * (1 + Math.abs(r.working()[i])));
            }
            assertEquals(chi2, r.pearsonChiSquare(), 1e-9 * chi2, f.fit().formula());
            assertEquals(deviance, r.devianceSum(), 1e-9 * deviance, f.fit().formula());
        }
        // a linear model: every kind is y − μ, and Σ r² is the residual sum of squares σ̂²(n − p) of REML
        Fitted s = Fitted.sleepstudy();
        Residuals r = Residuals.of(s.fit(), s.design(), null);
        for (int i = 0; i < r.size(); i++) {
            assertEquals(r.response()[i], r.pearson()[i], 1e-12);
            assertEquals(r.response()[i], r.deviance()[i], 1e-9);
            assertEquals(r.response()[i], r.working()[i], 1e-12);
        }
        assertEquals(-4.103656, r.response()[0], 1e-4); // lme4's residuals(fm)[1]
    }
}
