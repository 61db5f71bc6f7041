package io.glimmer.ddf;

/**
 * t and F tests of contrasts of β with approximate denominator degrees of freedom, by one method
 * (Satterthwaite or Kenward–Roger), on the original scale of the predictors.
 */
public interface ContrastTests {
    /** The covariance of β̂ the tests use (Kenward–Roger: the adjusted one). */
    double[][] covariance();

    /** The denominator degrees of freedom of the t test of l'β = 0. */
    double df(double[] l);

    /** The F test of Lβ = 0 (rows of L are contrasts), lmerTest's contestMD. */
    FTest fTest(double[][] l, double[] beta);
}
