package io.glimmer.family;

import java.util.List;

/**
 * A conditional observation model given by its log density in the linear predictor,
 * log f(y | η, ψ), with extra parameters ψ estimated jointly with θ and β (glmmTMB's way): the
 * negative binomials' and the beta's dispersion here; a zero-inflation model's coefficients or an
 * ordinal model's thresholds fit the same mould. The GLMM's inner step finds the modes by Newton
 * steps with the observed information −∂² log f/∂η² as working weights, so its Laplace
 * approximation is the one of the exact Hessian.
 *
 * <p>ψ is on the optimiser's scale (unbounded: the log of a dispersion); {@link #natural} gives the
 * values reported.
 */
public interface ObservationModel {

    /** The names of the extra parameters as reported, e.g. ["theta"]. */
    List<String> parameterNames();

    /** The reported values of ψ (e.g. exp ψ for a dispersion). */
    double[] natural(double[] psi);

    /** A start for ψ from a GLM's fitted means (moment estimates). */
    double[] start(double[] y, double[] weights, double[] mu);

    /** The density at ψ: immutable, safe to call from several threads. */
    Conditional at(double[] psi);

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
    }
}
