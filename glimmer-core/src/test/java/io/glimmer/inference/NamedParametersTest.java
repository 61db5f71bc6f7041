package io.glimmer.inference;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.fit.MixedModelFit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names and order of lme4's {@code confint(fit, oldNames = FALSE)}. */
class NamedParametersTest {
    @Test
    void correlatedSlope() {
        NamedParameters p = NamedParameters.of(Models.sleepstudy().fit());
        assertEquals(List.of("sd_(Intercept)|Subject", "cor_Days.(Intercept)|Subject", "sd_Days|Subject", "sigma", "(Intercept)", "Days"), p.names());
        // lme4: sd 24.7407, cor 0.0656, sd 5.9221, sigma 25.5918, 251.4051, 10.4673
        assertEquals(24.7407, p.value("sd_(Intercept)|Subject"), 1e-3);
        assertEquals(0.0656, p.value("cor_Days.(Intercept)|Subject"), 1e-3);
        assertEquals(25.5918, p.value("sigma"), 1e-3);
        assertEquals(10.4673, p.value("Days"), 1e-3);
    }

    @Test
    void threeEffectsGoColumnByColumn() {
        MixedModelFit fit = Glimmer.fit(Models.data("sleepstudy.csv", Set.of()), "Reaction ~ Days + (Days + I(Days^2) | Subject)", FitOptions.defaults());
        assertEquals(List.of("sd_(Intercept)|Subject", "cor_Days.(Intercept)|Subject", "cor_I(Days^2).(Intercept)|Subject", "sd_Days|Subject",
                "cor_I(Days^2).Days|Subject", "sd_I(Days^2)|Subject", "sigma", "(Intercept)", "Days"), NamedParameters.of(fit).names());
    }

    @Test
    void uncorrelatedTermsHaveNoCorrelations() {
        MixedModelFit fit = Glimmer.fit(Models.data("sleepstudy.csv", Set.of()), "Reaction ~ Days + (Days || Subject)", FitOptions.defaults());
        assertEquals(List.of("sd_(Intercept)|Subject", "sd_Days|Subject", "sigma", "(Intercept)", "Days"), NamedParameters.of(fit).names());
    }

    @Test
    void binomialHasNoSigma() {
        assertEquals(List.of("sd_(Intercept)|herd", "(Intercept)", "period2", "period3", "period4"), NamedParameters.of(Models.cbpp().fit()).names());
    }
}
