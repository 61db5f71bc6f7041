package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.error.InputException;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

/**
 * Zero inflation beyond the glmmTMB reference fits (ReferenceFitsTest): the Laplace and quadrature
 * log-likelihoods at glmmTMB's estimates against glmmTMB's own and R's integrate(); the AGQ fit; bad input.
 */
class ZeroInflationTest {
    private static final String OWLS = "SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest)";

    private static DataFrame owls() {
        return CsvReader.read(Reference.data("owls.csv"), CsvOptions.builder().factors(Set.of("Nest")).build());
    }

    private static FitOptions zip(Method method, Integer agq) {
        return FitOptions.builder().family("poisson").zeroInflation("~ 1").method(method).agqPoints(agq).factor("Nest").build();
    }

    /** −2 log-likelihood by Laplace or AGQ at owls_zipoisson_offset_integrated.json's parameters (glmmTMB's estimates). */
    private static double devianceAtReference(int nAGQ) {
        JsonNode r = Reference.load("owls_zipoisson_offset_integrated").json();
        PreparedModel m = PreparedModel.of(owls(), OWLS, zip(nAGQ > 1 ? Method.AGQ : Method.LAPLACE, nAGQ > 1 ? nAGQ : null));
        GeneralizedLinearMixedModel glmm = new GeneralizedLinearMixedModel(m.design(), m.response(), m.family(), nAGQ, m.zeroInflation().x());
        double[] beta = m.design().x().names().stream().mapToDouble(n -> r.get("beta").get(n).asDouble()).toArray();
        double[] outer = {r.get("sd_nest").asDouble(), r.get("zi").get("(Intercept)").asDouble()};
        return glmm.deviance(outer, beta);
    }

    /** The Laplace approximation is glmmTMB's: the same value at the same parameters (both at the exact Hessian). */
    @Test
    void laplaceAtGlmmTmbsEstimatesIsGlmmTmbsLogLikelihood() {
        double laplace = Reference.load("owls_zipoisson_offset_integrated").json().get("laplace_log_likelihood").asDouble();
        assertEquals(-2 * laplace, devianceAtReference(1), 1e-6);
    }

    /** Adaptive quadrature with 25 points is the integral itself: R's integrate() per nest, to 1e-6. */
    @Test
    void quadratureAtGlmmTmbsEstimatesIsTheIntegral() {
        double exact = Reference.load("owls_zipoisson_offset_integrated").json().get("log_likelihood").asDouble();
        assertEquals(-2 * exact, devianceAtReference(25), 1e-6);
    }

    /** The AGQ fit maximises the quadrature likelihood: at least the integral at glmmTMB's (Laplace) estimates. */
    @Test
    void quadratureFitReachesTheIntegratedLikelihood() {
        double exact = Reference.load("owls_zipoisson_offset_integrated").json().get("log_likelihood").asDouble();
        MixedModelFit fit = Glimmer.fit(owls(), OWLS, zip(Method.AGQ, 9));
        assertTrue(fit.logLikelihood() >= exact - 1e-6 && fit.logLikelihood() < exact + 0.05, fit.logLikelihood() + " vs " + exact);
        assertEquals("AGQ", fit.method());
        assertEquals(1, fit.zeroInflationFixedEffects().size());
        assertEquals(4 + 1 + 1, fit.df());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "gaussian##~ 1#zero inflation (zeroInflation(...)) applies to the count families poisson, nbinom2 and nbinom1, not gaussian",
            "binomial##~ 1#zero inflation (zeroInflation(...)) applies to the count families poisson, nbinom2 and nbinom1, not binomial",
            "Gamma##~ 1#zero inflation (zeroInflation(...)) applies to the count families poisson, nbinom2 and nbinom1, not Gamma",
            "beta##~ 1#zero inflation (zeroInflation(...)) applies to the count families poisson, nbinom2 and nbinom1, not beta",
            "poisson#sqrt#~ 1#zero inflation (zeroInflation(...)) needs the log link, not sqrt",
            "poisson##BroodSize ~ FoodTreatment#the zero-inflation formula zeroInflation(...) is one-sided, e.g. '~ x1 + x2'; 'BroodSize ~ FoodTreatment' has a response (BroodSize)",
            "poisson##~ Food#the zero-inflation formula zeroInflation(...) uses 'Food', which is not a column of owls.csv (columns: Nest, FoodTreatment, SexParent, ArrivalTime, SiblingNegotiation, BroodSize, NegPerChick, logBroodSize)",
            "nbinom2##~ (1 | Nest)#the zero-inflation formula zeroInflation(...) takes fixed effects only (as glmmTMB's ziformula is mostly used); '~ (1 | Nest)' has the random-effects term (1 | Nest)",
            "poisson##~ offset(BroodSize)#offsets are not supported in the zero-inflation formula zeroInflation(...) ('~ offset(BroodSize)')"})
    void badInputIsOneLine(String family, String link, String zi, String message) {
        FitOptions options = FitOptions.builder().family(family).link(link).zeroInflation(zi).factor("Nest").build();
        DataFrame data = owls();
        InputException e = assertThrows(InputException.class, () -> PreparedModel.of(data, OWLS, options));
        assertEquals(message, e.getMessage().replace(Reference.data("owls.csv").toString(), "owls.csv"));
    }

    @Test
    void otherMethodsAreRefused() {
        FitOptions options = FitOptions.builder().family("poisson").zeroInflation("~ 1").method(Method.PQL).factor("Nest").build();
        InputException e = assertThrows(InputException.class, () -> PreparedModel.of(owls(), OWLS, options));
        assertEquals("zero-inflated models (zeroInflation(...)) are fitted by method(Laplace or AGQ), not PQL", e.getMessage());
    }
}
