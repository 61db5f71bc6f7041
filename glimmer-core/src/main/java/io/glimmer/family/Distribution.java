package io.glimmer.family;

import io.glimmer.options.Choices;
import io.glimmer.error.InputException;
import java.util.List;

/**
 * The response distribution of a GLM family, as R's family objects define it: variance function,
 * deviance residuals, log-likelihood, starting values and the checks R's {@code initialize} makes.
 *
 * <p>{@code weight} is R's prior weight. For the binomial it is the number of trials m and y the
 * proportion of successes (R's convention for a proportion response with {@code weights = m}).
 * An observation with weight 0 contributes 0 to the deviance and the log-likelihood.
 */
public interface Distribution {
    Distribution GAUSSIAN = new Gaussian();
    Distribution BINOMIAL = new Binomial();
    Distribution POISSON = new Poisson();
    Distribution GAMMA = new Gamma();
    Distribution INVERSE_GAUSSIAN = new InverseGaussian();
    /** The families with a dispersion estimated with the model (glmmTMB's), unbound until a fit: see {@link ParametricDistribution}. */
    Distribution NBINOM2 = new NegativeBinomial2(Double.NaN);
    Distribution NBINOM1 = new NegativeBinomial1(Double.NaN);
    Distribution BETA = new BetaDistribution(Double.NaN);
    /** An ordered categorical response (ordinal's clmm), fitted through {@link CumulativeLink}. */
    Distribution ORDINAL = new OrdinalDistribution();

    /** R's family name: "gaussian", "binomial", "poisson", "Gamma", "inverse.gaussian"; glmmTMB's "nbinom2", "nbinom1", "beta"; "ordinal". */
    String name();

    /** V(μ). */
    double variance(double mu);

    /** R's {@code dev.resids}: the weighted squared deviance residual, never negative. */
    double devianceResidual(double y, double mu, double weight);

    /**
     * The log-likelihood contribution of one observation with every normalising constant, defined so
     * that -2 Σ logDensity with R's dispersion estimate equals R's {@code family$aic(y, n, mu, wt, dev)}
     * minus its 2·(number of dispersion parameters). The dispersion is ignored by the binomial and
     * Poisson.
     */
    double logDensity(double y, double mu, double weight, double dispersion);

    /**
     * log f(y | μ = y), the saturated model's log-likelihood of one observation, where the identity
     * logDensity(y, μ, w, 1) = saturatedLogDensity(y, w) − devianceResidual(y, μ, w) / 2 holds for
     * every μ: then a log-likelihood follows from a deviance without a pass of logarithms over the
     * rows. NaN where it does not hold (a dispersion family, or a binomial weight that is not a
     * whole number of trials).
     */
    default double saturatedLogDensity(double y, double weight) {
        return Double.NaN;
    }

    /** Whether the dispersion is a free parameter (false for binomial and Poisson: it is 1). */
    boolean hasDispersion();

    Link canonicalLink();

    /** The links R accepts for this family (its {@code okLinks}), canonical link first. */
    List<Link> links();

    /** R's {@code mustart}: a starting mean inside the valid range for response y. */
    double initialMu(double y, double weight);

    /** R's {@code validmu}: whether μ is inside the distribution's mean space. */
    boolean validMu(double mu);

    /**
     * R's {@code initialize} checks on one observation, plus a finite response and a finite
     * non-negative weight; {@code row} is the 1-based row number the message names.
     *
     * @throws InputException (one line) naming the row and the value
     */
    void checkResponse(double y, double weight, int row);

    /** R's GLM families (without a parameter of their own), in the order error messages list them. */
    static List<Distribution> all() {
        return List.of(GAUSSIAN, BINOMIAL, POISSON, GAMMA, INVERSE_GAUSSIAN);
    }

    /** Every family a fit accepts: R's, then glmmTMB's with a parameter of their own, then ordinal's cumulative links. */
    static List<Distribution> known() {
        return List.of(GAUSSIAN, BINOMIAL, POISSON, GAMMA, INVERSE_GAUSSIAN, NBINOM2, NBINOM1, BETA, ORDINAL);
    }

    /** The distribution with R's family name (case and surrounding blanks ignored). */
    static Distribution of(String name) {
        return Choices.find(known(), Distribution::name, name == null ? null : name.strip()).orElseThrow(() ->
                new InputException("unknown family " + FamilyMath.quote(name) + "; known families are "
                        + Choices.list(known(), Distribution::name)));
    }
}
