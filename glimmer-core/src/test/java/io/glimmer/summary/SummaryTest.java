package io.glimmer.summary;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.reference.Fits;
import io.glimmer.Glimmer;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's layout, checked against what lme4 prints for the same numbers. */
class SummaryTest {
    /** Text blocks lose trailing spaces; R's tables have them (checked separately in FitCommandTest). */
    static String withoutTrailingSpaces(String s) {
        return s.replaceAll("(?m)[ \\t]+$", "");
    }

    /** glmmTMB's print of the same fits (epil, y ~ lbase * trt + lage + V4 + (1 | subject)): 7.42 and 1.19. */
    @ParameterizedTest
    @CsvSource({"nbinom2, 7.42", "nbinom1, 1.19"})
    void aFamilysOwnParameterIsPrintedAsGlmmTmbPrintsIt(String family, String printed) throws Exception {
        Path epil = Path.of(SummaryTest.class.getResource("/data/epil.csv").toURI());
        MixedModelFit fit = Glimmer.fit(epil, "y ~ lbase * trt + lage + V4 + (1 | subject)",
                FitOptions.builder().family(family).factor("subject").build());
        assertTrue(fit.toString().contains("Number of obs: 236, groups:  subject, 59\n\nDispersion parameter for " + family
                + " family (): " + printed + "\n"), fit.toString());
    }

    @Test
    void glmmSummaryMatchesLme4() {
        String expected = """
                Generalized linear mixed model fit by maximum likelihood (Laplace Approximation) ['glmerMod']
                 Family: binomial  ( logit )
                Formula: cbind(incidence, size - incidence) ~ period + (1 | herd)
                   Data: cbpp.csv

                     AIC      BIC   logLik deviance df.resid\s
                   194.1    204.2    -92.0    184.1       51\s

                Scaled residuals:\s
                    Min      1Q  Median      3Q     Max\s
                -2.3816 -0.7889 -0.2026  0.5143  2.8791\s

                Random effects:
                 Groups Name        Variance Std.Dev.
                 herd   (Intercept) 0.4123   0.6421  
                Number of obs: 56, groups:  herd, 15

                Fixed effects:
                            Estimate Std. Error z value Pr(>|z|)   \s
                (Intercept)  -1.3983     0.2312  -6.048 1.47e-09 ***
                period2      -0.9919     0.3032  -3.272 0.001068 **\s
                period3      -1.1282     0.3228  -3.495 0.000474 ***
                period4      -1.5797     0.4220  -3.743 0.000182 ***
                ---
                Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1

                Correlation of Fixed Effects:
                        (Intr) perid2 perid3
                period2 -0.363             \s
                period3 -0.340  0.280      \s
                period4 -0.260  0.213  0.198
                optimizer (BOBYQA) convergence: 42 evaluations
                """;
        // lme4 under R 4.2 prints 0.5142 for the third quartile (0.514254): R 4.4's zapsmall rounds to 4 decimals, not 5.
        assertEquals(withoutTrailingSpaces(expected), withoutTrailingSpaces(Summary.render(Fits.cbpp(), "cbpp.csv")));
    }

    @Test
    void correlationColumnsOfAVectorTerm() {
        String text = Summary.render(Fits.threeEffects(), "sleepstudy.csv");
        String expected = """
                Random effects:
                 Groups   Name        Variance Std.Dev. Corr       
                 Subject  (Intercept) 777.971  27.892              
                          Days        212.945  14.593   -0.41      
                          I(Days^2)     2.122   1.457    0.45 -0.91
                 Residual             519.794  22.799              
                Number of obs: 180, groups:  Subject, 18
                """;
        assertTrue(withoutTrailingSpaces(text).contains(withoutTrailingSpaces(expected)), text);
        assertTrue(text.startsWith("Linear mixed model fit by REML ['lmerMod']\n"), text);
        assertTrue(text.contains("\nREML criterion at convergence: 1729.3\n"), text);
    }

    @Test
    void adaptiveQuadratureTitleDroppedRowsAndWarnings() {
        String text = Summary.render(Fits.cbpp().toBuilder().method("AGQ").nAGQ(9).details(new EstimatorDetails.Glmm(9)).nDropped(3)
                .warning("boundary (singular) fit").build(), "cbpp.csv");
        assertTrue(text.startsWith("Generalized linear mixed model fit by maximum likelihood "
                + "(Adaptive Gauss-Hermite Quadrature, nAGQ = 9) ['glmerMod']\n"), text);
        assertTrue(text.contains("\n3 rows dropped for missing values\nWarning: boundary (singular) fit\n"), text);
    }

    @Test
    void tinyPValuesAndNoStarsWhenNothingIsSignificant() {
        var fit = Fits.cbpp();
        var effects = fit.fixedEffects();
        String tiny = Summary.render(fit.toBuilder().fixedEffects(java.util.List.of(
                new io.glimmer.fit.FixedEffect("(Intercept)", -3.2, 0.1, -32, 1e-200),
                new io.glimmer.fit.FixedEffect("x", 0.5, 0.3, 1.7, 0.09))).fixedEffectsCovariance(null).build(), null);
        assertTrue(tiny.contains("(Intercept)     -3.2        0.1   -32.0   <2e-16 ***\n"), tiny);
        assertTrue(tiny.contains("x                0.5        0.3     1.7     0.09 .  \n"), tiny);
        String none = Summary.render(fit.toBuilder().fixedEffects(java.util.List.of(
                new io.glimmer.fit.FixedEffect("(Intercept)", 0.1, 0.3, 0.33, 0.74))).build(), null);
        assertTrue(none.contains("            Estimate Std. Error z value Pr(>|z|)\n(Intercept)      0.1        0.3    0.33     0.74\n"), none);
        assertTrue(!none.contains("Signif. codes"), none);
        assertEquals(4, effects.size());
    }

    @Test
    void coefficientsOfVeryDifferentSizesGoScientificLikePrintCoefmat() {
        var lines = CoefficientTable.lines(java.util.List.of(
                new io.glimmer.fit.FixedEffect("a", 1e-8, 1e-9, 10, null),
                new io.glimmer.fit.FixedEffect("b", 2.5, 0.01, 250, null),
                new io.glimmer.fit.FixedEffect("c", 1234.5, 10, 123.45, null)), "z");
        assertEquals(java.util.List.of(
                "   Estimate Std. Error z value",
                "a 1.000e-08  1.000e-09    10.0",
                "b 2.500e+00  1.000e-02   250.0",
                "c 1.234e+03  1.000e+01   123.5"), lines);
    }
}
