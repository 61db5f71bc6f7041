package io.glimmer.fit;

import java.util.List;

/**
 * What one estimator reports beyond the common part of a fit, typed by estimator so that code
 * branches on the kind of fit instead of on method names. Every fit made by {@code Glimmer.fit}
 * carries exactly one.
 */
public sealed interface EstimatorDetails {

    /**
     * Whether the fit is a linear mixed model, by lmer or by lme with correlated residuals
     * (gaussian, identity link): summarised with t statistics and no Family line.
     */
    default boolean linear() {
        return this instanceof Lmm || this instanceof CorrelatedResiduals;
    }

    /**
     * Whether the fit is a linear mixed model fitted by REML; false for every other estimator. The
     * records with a {@code reml} component answer with it.
     */
    default boolean reml() {
        return false;
    }

    /** A linear mixed model by REML or ML (lmer). */
    record Lmm(boolean reml) implements EstimatorDetails {
    }

    /** A GLMM by the Laplace approximation ({@code nAGQ = 1}) or adaptive Gauss–Hermite quadrature (glmer). */
    record Glmm(int nAGQ) implements EstimatorDetails {
    }

    /**
     * A linear mixed model with correlated residuals within groups (nlme's lme with a corStruct).
     *
     * @param structure the correlation as given, e.g. "ar1(Days | Subject)"
     * @param phi       the correlation parameter at the optimum
     */
    record CorrelatedResiduals(boolean reml, String structure, double phi) implements EstimatorDetails {
    }

    /** Penalised quasi-likelihood (MASS::glmmPQL): no likelihood, t tests with nlme's degrees of freedom. */
    record Pql(int iterations) implements EstimatorDetails {
    }

    /**
     * Generalised estimating equations (geepack's geeglm).
     *
     * @param correlation the working correlation: independence, exchangeable, ar1, unstructured
     * @param alphaNames  names of the working-correlation parameters
     * @param alpha       their estimates
     * @param scale       the scale parameter φ
     */
    record Gee(String correlation, List<String> alphaNames, List<Double> alpha, double scale, double qic, double qicU,
               double qicC) implements EstimatorDetails {
        public Gee {
            alphaNames = List.copyOf(alphaNames);
            alpha = List.copyOf(alpha);
        }
    }

    /**
     * Conditional logistic regression (survival::clogit, exact), with the likelihood-ratio test of
     * the model against β = 0.
     */
    record ConditionalLogistic(double lrtChisq, int lrtDf, double lrtPValue, int strata, int strataDropped)
            implements EstimatorDetails {
    }

    /**
     * Monte Carlo maximum likelihood for a GLMM (MCEM), seeded.
     *
     * @param algorithm           "MCEM"
     * @param samples             draws at the estimates (for the log-likelihood and the standard errors)
     * @param iterations          EM iterations
     * @param seed                the seed of every draw
     * @param effectiveSampleSize Kish's effective size of the final draws' importance weights
     */
    record MonteCarlo(String algorithm, int samples, int iterations, long seed, double effectiveSampleSize) implements EstimatorDetails {
    }
}
