package io.glimmer.family;

import java.util.List;

/**
 * A conditional observation model given by its log density in the linear predictor,
 * log f(y | η, ψ), with extra parameters ψ estimated jointly with θ and β (glmmTMB's way): the
 * negative binomials' and the beta's dispersion here, an ordinal model's thresholds
 * ({@link CumulativeLink}); a zero-inflation model's coefficients fit the same mould. The GLMM's
 * inner step finds the modes by Newton steps with the observed information −∂² log f/∂η² as
 * working weights, so its Laplace approximation is the one of the exact Hessian.
 *
 * <p>ψ is on the optimiser's scale (unbounded: the log of a dispersion); {@link #natural} gives the
 * values reported.
 */
public interface ObservationModel {

    /** The names of the extra parameters as reported, e.g. ["theta"]. */
    List<String> parameterNames();

    /** The reported values of ψ (e.g. exp ψ for a dispersion). */
    double[] natural(double[] psi);

    /**
     * ∂natural_i/∂ψ_j, for the delta method's standard errors of the reported values; the default is
     * that of natural = exp ψ, element by element.
     */
    default double[][] jacobian(double[] psi) {
        double[] v = natural(psi);
        double[][] d = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            d[i][i] = v[i];
        }
        return d;
    }

    /**
     * ψ from the reported values, the inverse of {@link #natural}: what a fit reports is enough to
     * rebuild the density it was fitted with (importance sampling, simulation, profiles). The default
     * is that of natural = exp ψ.
     */
    default double[] psi(double[] natural) {
        double[] psi = new double[natural.length];
        for (int i = 0; i < psi.length; i++) {
            psi[i] = Math.log(natural[i]);
        }
        return psi;
    }

    /**
     * ψ with its k-th reported value held at x: coordinate k set, every other read from {@code psi} as
     * given (what a profile over natural_k re-optimises); null when no ψ gives natural_k = x there.
     * The default is that of natural = exp ψ.
     */
    default double[] held(double[] psi, int k, double x) {
        if (!(x > 0)) {
            return null;
        }
        double[] out = psi.clone();
        out[k] = Math.log(x);
        return out;
    }

    /** A start for ψ from a GLM's fitted means (moment estimates); mu is null when {@link #startsFromGlm()} is false. */
    double[] start(double[] y, double[] weights, double[] mu);

    /** Whether β starts from a GLM's fit (of the distribution's start family); false: β starts at 0. */
    default boolean startsFromGlm() {
        return true;
    }

    /**
     * Whether the extra parameters are coefficients reported in a table of their own with z tests
     * (an ordinal model's thresholds) rather than a family's parameters.
     */
    default boolean coefficients() {
        return false;
    }

    /** The density at ψ: immutable, safe to call from several threads. */
    Conditional at(double[] psi);

    /**
     * How many of ψ's leading parameters are the family's own (reported as family parameters); the
     * rest are the zero-inflation model's coefficients.
     */
    default int familyParameterCount() {
        return parameterNames().size();
    }

    /**
     * The observation model a family is fitted with glmmTMB's way: a {@link ParametricDistribution}'s,
     * or the Poisson's with the log link (no parameter of its own; what zero inflation builds on).
     *
     * @throws IllegalArgumentException for any other family
     */
    static ObservationModel of(Family family) {
        if (family.distribution() instanceof ParametricDistribution d) {
            return d.observationModel(family.link());
        }
        if (family.distribution() == Distribution.POISSON && family.link() == Link.LOG) {
            return PoissonObservationModel.INSTANCE;
        }
        throw new IllegalArgumentException("no observation model for " + family);
    }

    /**
     * This count model with structural zeros: p₀ = logit⁻¹(x_zi'γ) per row, γ appended to ψ (glmmTMB's
     * ziformula).
     *
     * @param x       the zero-inflation design, one row per observation, row-major
     * @param columns its column names
     */
    default ObservationModel zeroInflated(double[] x, List<String> columns) {
        return new ZeroInflatedObservationModel(this, x, columns);
    }

    /** log f(y | η) at fixed extra parameters, row by row (a row may carry its own parts, as zero inflation's). */
    interface Conditional {
        /** w·log f(y | η); 0 for weight 0. */
        double logDensity(int row, double y, double eta, double weight);

        /** w·∂ log f/∂η. */
        double score(int row, double y, double eta, double weight);

        /** The observed information −w·∂² log f/∂η²; may be negative away from the mode. */
        double information(int row, double y, double eta, double weight);

        /**
         * A positive weight for a Newton step where the observed information is not positive (the
         * information without its score term); equal to {@link #information} where that is positive.
         */
        double stepInformation(int row, double y, double eta, double weight);

        /**
         * The fitted value reported for a row at η: NaN by default, where the caller's link gives the
         * mean; an ordinal model's is the probability of the observed category (clmm's fitted values).
         */
        default double fitted(int row, double y, double eta) {
            return Double.NaN;
        }

        /** The probability of a structural zero on a row (zero inflation's p₀); 0 without zero inflation. */
        default double zeroProbability(int row) {
            return 0;
        }
    }
}
