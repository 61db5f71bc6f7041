package io.glimmer.glmm;

import io.glimmer.design.RandomEffectsTerm;

import java.util.List;

/**
 * A GLMM's rows split into parts that each hold whole levels of its one grouping factor, wherever
 * the parts are (a Spark engine's executors, say). Given β the random effects of different levels
 * are independent, so every evaluation the fit needs is a sum over parts of what each part computes
 * from its own rows as a {@link LevelPart} computes it: the driver that optimises (θ, β) holds levels, never rows.
 * Modes travel as one array over all levels (levels·q, in the term's level order); each part reads
 * its levels' slice.
 */
public interface LevelParts {
    /** Σ over parts of {@code partDeviance}: the Laplace (or quadrature) deviance at (θ, β) and the modes found. */
    Deviance deviance(double[] theta, double[] beta, double[] start, double[][] startLambdas);

    /** Σ over parts of {@code partProfile}: the first stage's profile at β (modes found with β fixed). */
    Profile profile(double[] theta, double[] beta, double[] start, double[][] startLambdas);

    /** Σ over parts of {@code partOptimum}: what the fit reports at its optimum. */
    Optimum optimum(double[] theta, double[] beta, double[] start, double[][] startLambdas);

    /** A deviance and the spherical modes found; the deviance is +∞ where a part's PIRLS failed. */
    record Deviance(double deviance, double[] modes) {
    }

    /**
     * At β with each level's modes found: −log-likelihood + ‖b‖²/2, the Laplace deviance, the
     * gradient X'w(μ − y) and the Schur complement of the joint Hessian (p × p, row-major); null
     * parts where a part's PIRLS failed.
     */
    record Profile(double objective, double deviance, double[] gradient, double[] schur, double[] modes) {
    }

    /**
     * At the optimum: the deviance, the modes, each level's conditional covariance block of its q
     * effects (levels·q·q, dispersion 1), whether every part's PIRLS converged and its most iterations.
     */
    record Optimum(double deviance, double[] modes, double[] conditionalVariances, boolean converged, int iterations) {
    }

    /**
     * What the driver knows of the model without its rows.
     *
     * @param term        the random-effects term with every level (its rows not held: any columns)
     * @param fixedNames  X's columns
     * @param nObs        rows
     * @param nDropped    rows dropped for missing values
     */
    record Shape(String formula, List<String> fixedNames, RandomEffectsTerm term, int nObs, int nDropped) {
    }
}
