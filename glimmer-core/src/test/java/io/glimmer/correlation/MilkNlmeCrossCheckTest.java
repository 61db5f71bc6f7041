package io.glimmer.correlation;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The other structures and ML on the milk data, against nlme 3.1.162 (values copied from
 * {@code lme(protein ~ Diet + Time + I(Time^2), random = ~1 | Cow, correlation = corX(form = ~ T | Cow),
 * method = M)}: logLik, sigma, coef(corStruct, unconstrained = FALSE)). Time has gaps, so ar1(1 | Cow)
 * (positions) differs from ar1(Time | Cow); on integer times exp is ar1 with φ = exp(−1/range).
 */
class MilkNlmeCrossCheckTest {
    private static final String FORMULA = "protein ~ Diet + Time + I(Time^2) + (1 | Cow)";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ar1(Time | Cow), ML,   -27.45440617, 0.29509457, 0.58589904",
        "exp(Time | Cow), REML, -46.62416530, 0.29616515, 1.88824561",
        "exp(Time | Cow), ML,   -27.45440617, 0.29509457, 1.87053025",
        "ar1(1 | Cow),    REML, -44.85607264, 0.29534931, 0.58575306",
        "ar1(1 | Cow),    ML,   -25.66685818, 0.29429118, 0.58282158"})
    void agreesWithNlme(String spec, String method, double logLik, double sigma, double parameter) {
        FitOptions o = FitOptions.builder().method(Method.parse(method)).correlation(spec).build();
        MixedModelFit fit = Glimmer.fit(Reference.data("milk.csv"), FORMULA, o);
        assertEquals(logLik, fit.logLikelihood(), 1e-4);
        assertEquals(sigma, fit.residualStdDev(), 1e-3 * sigma);
        assertEquals(parameter, fit.details(EstimatorDetails.CorrelatedResiduals.class).phi(), 2e-3 * parameter);
    }
}
