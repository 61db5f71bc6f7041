package io.glimmer.fit;

import io.glimmer.options.DenominatorDf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one estimator reports beyond the common part of a fit, typed by estimator so that code
 * branches on the kind of fit instead of on method names. Every fit made by {@code Glimmer.fit}
 * carries exactly one.
 */
public sealed interface EstimatorDetails {

    /**
     * Whether the fit is a linear mixed model, by lmer or by lme with correlated residuals
     * (gaussian, identity link), or a nonlinear one with gaussian errors (nlme): summarised with t
     * statistics and no Family line.
     */
    default boolean linear() {
        return this instanceof Lmm || this instanceof CorrelatedResiduals || this instanceof Nonlinear;
    }

    /**
     * Whether the fit is a linear mixed model fitted by REML; false for every other estimator. The
     * records with a {@code reml} component answer with it.
     */
    default boolean reml() {
        return false;
    }

    /**
     * Further statistics the estimator reports, by the names of the fit JSON's {@code statistics}
     * object ("QIC", "QICu", "QICC" for GEE; the likelihood-ratio test for the conditional logit).
     */
    default Map<String, Double> statistics() {
        return Map.of();
    }

    /**
     * A linear mixed model by REML or ML (lmer).
     *
     * @param ddf the denominator degrees of freedom of its t tests (lmerTest's summary), or null for lme4's t without df
     */
    record Lmm(boolean reml, DenominatorDf ddf) implements EstimatorDetails {
        /** lme4's fit: t statistics without degrees of freedom. */
        public Lmm(boolean reml) {
            this(reml, null);
        }
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

        /** The one working-correlation parameter, or null when the structure has several (unstructured). */
        public Double singleAlpha() {
            return alpha.size() == 1 ? alpha.get(0) : null;
        }

        @Override
        public Map<String, Double> statistics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("QIC", qic);
            m.put("QICu", qicU);
            m.put("QICC", qicC);
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * Conditional logistic regression (survival::clogit, exact), with the likelihood-ratio test of
     * the model against β = 0.
     */
    record ConditionalLogistic(double lrtChisq, int lrtDf, double lrtPValue, int strata, int strataDropped)
            implements EstimatorDetails {
        @Override
        public Map<String, Double> statistics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("likelihood_ratio_chisq", lrtChisq);
            m.put("likelihood_ratio_df", (double) lrtDf);
            m.put("likelihood_ratio_p_value", lrtPValue);
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * A nonlinear mixed model by nlme's Lindstrom–Bates algorithm, by ML or REML: summarised as
     * nlme does, with t tests on the linearised model's degrees of freedom; or by lme4's nlmer
     * Laplace approximation (ML, t values without p-values, as lme4).
     *
     * @param iterations the alternating (penalised nonlinear least squares, LME) steps taken (of the
     *                   Lindstrom–Bates fit a Laplace fit starts from)
     * @param diagonal   whether the random effects' covariance is diagonal (pdDiag) rather than general
     * @param laplace    fitted by the Laplace approximation (nlmer) rather than Lindstrom–Bates (nlme)
     * @param correlation the residual correlation as given, e.g. "ar1(Time | Cow)", or null for independent residuals
     * @param phi        its parameter at the optimum (nlme's Phi, range or Rho), or null
     */
    record Nonlinear(boolean reml, int iterations, boolean diagonal, boolean laplace, String correlation, Double phi)
            implements EstimatorDetails {
        /** A Lindstrom–Bates fit with independent residuals. */
        public Nonlinear(boolean reml, int iterations, boolean diagonal) {
            this(reml, iterations, diagonal, false);
        }

        /** A fit with independent residuals. */
        public Nonlinear(boolean reml, int iterations, boolean diagonal, boolean laplace) {
            this(reml, iterations, diagonal, laplace, null, null);
        }
    }

    /**
     * Monte Carlo maximum likelihood for a GLMM (MCEM or MCNR), seeded.
     *
     * @param algorithm               "MCEM" or "MCNR"
     * @param samples                 draws at the estimates (for the final step, the log-likelihood and the standard errors)
     * @param iterations              EM or Newton–Raphson iterations
     * @param seed                    the seed of every draw
     * @param effectiveSampleSize     the effective size of the E-step's draws at the estimates (Kish's for importance
     *                                weights; for a Markov chain, by batch means)
     * @param sampler                 the E-step: "importance", "metropolis" or "gibbs"
     * @param monteCarloStandardErrors the Monte Carlo standard errors of the estimates, θ (lme4's order) then β; null
     *                                when Louis's information was not positive definite
     */
    record MonteCarlo(String algorithm, int samples, int iterations, long seed, double effectiveSampleSize, String sampler,
                      double[] monteCarloStandardErrors) implements EstimatorDetails {
        /** MCEM by importance sampling without Monte Carlo standard errors (the record's first form). */
        public MonteCarlo(String algorithm, int samples, int iterations, long seed, double effectiveSampleSize) {
            this(algorithm, samples, iterations, seed, effectiveSampleSize, "importance", null);
        }

        public MonteCarlo {
            monteCarloStandardErrors = monteCarloStandardErrors == null ? null : monteCarloStandardErrors.clone();
        }

        @Override
        public double[] monteCarloStandardErrors() {
            return monteCarloStandardErrors == null ? null : monteCarloStandardErrors.clone();
        }

        /** The same with the fixed effects' Monte Carlo standard errors divided by the predictors' scale factors (the fit's unscaling). */
        public MonteCarlo unscaled(double[] factors) {
            if (monteCarloStandardErrors == null) {
                return this;
            }
            double[] se = monteCarloStandardErrors.clone();
            int t = se.length - factors.length;
            for (int j = 0; j < factors.length; j++) {
                se[t + j] /= factors[j];
            }
            return new MonteCarlo(algorithm, samples, iterations, seed, effectiveSampleSize, sampler, se);
        }
    }
}
