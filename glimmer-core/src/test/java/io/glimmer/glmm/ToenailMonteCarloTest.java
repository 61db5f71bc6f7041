package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;

import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's done-when on a toenail-like binary model (reference/r/montecarlo_lme4.R: 300 subjects × 7
 * visits, a random intercept with σ ≈ 3, where most of the information on σ is missing and the
 * posterior of an all-0 subject's intercept has the prior's tail): lme4's AGQ(25), exact for a scalar
 * random intercept, is the maximum likelihood. Seeds: 1 and 2 for MCEM, 1–3 for the likelihood, fixed
 * before any run as the first seeds (not picked among passing ones); every seed tried is here.
 */
class ToenailMonteCarloTest {
    private static final JsonNode LOGIT = StreamSupport.stream(Reference.load("montecarlo_lme4").json().get("cases").spliterator(), false)
            .filter(c -> c.get("id").asText().equals("toenail_logit_agq25")).findFirst().orElseThrow();

    private static double[] beta() {
        return StreamSupport.stream(LOGIT.get("fixed_effects").spliterator(), false).mapToDouble(f -> f.get("estimate").asDouble()).toArray();
    }

    private static PreparedModel model(Method method, Long seed) {
        DataFrame data = CsvReader.read(Reference.data("toenail_sim.csv"), CsvOptions.builder().build());
        return Glimmer.prepare(data, LOGIT.get("formula").asText(), FitOptions.builder().family("binomial").method(method).seed(seed).build());
    }

    /** MCEM (importance-sampled E-step) reaches AGQ(25)'s estimates within 2 of its own Monte Carlo standard errors, θ and every β. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void mcemReachesQuadratureEstimates(long seed) {
        MixedModelFit fit = model(Method.MCEM, seed).fit();
        assertTrue(fit.converged(), fit.warnings().toString());
        MonteCarloEmTest.withinTwoMonteCarloErrors(new double[]{LOGIT.get("theta").asDouble()}, beta(), fit);
    }

    /**
     * At AGQ(25)'s estimates the importance-sampled log-likelihood equals lme4's log-likelihood (Bernoulli
     * rows: every constant included) within 3 of its Monte Carlo standard errors, from 5,000 draws.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void importanceSampledLikelihoodEqualsQuadratures(long seed) {
        PreparedModel model = model(Method.LAPLACE, null);
        ImportanceSampling sampling = new ImportanceSampling(model.design(), model.response(), model.family(),
                new double[]{LOGIT.get("theta").asDouble()}, beta(), 1, 1);
        ImportanceSampledLikelihood is = sampling.estimate(5000, seed, 0);
        double exact = LOGIT.get("log_likelihood").asDouble();
        assertTrue(is.standardError() > 0 && is.standardError() < 0.2, is.toString());
        assertEquals(exact, is.logLikelihood(), 3 * is.standardError(), is.toString());
    }
}
