package io.glimmer.glmm;

import io.glimmer.family.Family;

/**
 * A part's evaluations ({@link LevelParts}) of a binomial–logit model with one random intercept
 * (1 | g) level by level, as {@link InterceptQuadrature} and {@link InterceptLaplace} make them for
 * a whole model, instead of by PIRLS's sparse machinery: the Laplace deviance is the quadrature's
 * with one node. The same numbers as PIRLS's part methods to rounding (the modes to Newton's
 * tolerance), the profile's objective with the same constant; null where the per-level path
 * declines (an η beyond the logit clamp, counts that are not whole), and the caller runs PIRLS.
 */
final class InterceptPart {
    private final InterceptQuadrature levels;
    private final InterceptLaplace profiles;
    /** Σ saturated log-density: PIRLS's profile objective is ½ Σ deviance residuals + ‖b‖²/2, this much above −log-likelihood + ‖b‖²/2. */
    private final double saturated;

    private InterceptPart(InterceptQuadrature levels, InterceptLaplace profiles, double saturated) {
        this.levels = levels;
        this.profiles = profiles;
        this.saturated = saturated;
    }

    /**
     * The per-level path for a part's rows, or null where it does not apply.
     *
     * @param quadrature the model's own {@link InterceptQuadrature} (nAGQ > 1), or null: one is made with one node (Laplace)
     */
    static InterceptPart of(GlmmData data, Family family, InterceptQuadrature quadrature, double saturated) {
        InterceptQuadrature levels = quadrature != null ? quadrature : InterceptQuadrature.of(data, family, 1);
        InterceptLaplace profiles = InterceptLaplace.of(levels);
        return profiles == null || Double.isNaN(saturated) ? null : new InterceptPart(levels, profiles, saturated);
    }

    /** As {@code partDeviance}: the deviance at (θ, β) and the modes, Newton started from {@code start} found at {@code startLambdas}; null where declined. */
    LevelParts.Deviance deviance(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        return deviance(theta[0], beta, start(start, startLambdas, theta[0]));
    }

    /** As {@code partProfile} at (θ, β); null where declined. */
    LevelParts.Profile profile(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        return profile(theta[0], beta, start(start, startLambdas, theta[0]));
    }

    /**
     * As {@code partOptimum} at (θ, β): the deviance, the modes and their conditional variances
     * λ²/(λ² Σ w μ(1 − μ) + 1) on the scale of u (PIRLS's factor of the level at the mode; dispersion 1),
     * Newton having converged in every level; null where declined.
     */
    LevelParts.Optimum optimum(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        double lambda = theta[0];
        InterceptQuadrature.Result r = levels.deviance(lambda, beta, start(start, startLambdas, lambda));
        if (r == null) {
            return null;
        }
        double[] variances = new double[r.information().length];
        for (int l = 0; l < variances.length; l++) {
            variances[l] = lambda * lambda / (lambda * lambda * r.information()[l] + 1);
        }
        return new LevelParts.Optimum(r.deviance(), r.modes(), variances, true, 0);
    }

    /** A part's start modes, found at {@code startLambdas}, rescaled to λ (u kept). */
    private static double[] start(double[] start, double[][] startLambdas, double lambda) {
        return WarmStart.rescale(new double[][]{start}, startLambdas, new double[][]{{lambda}})[0];
    }

    /** The deviance at (λ, β) and the modes, Newton started from {@code start}; null where declined. */
    LevelParts.Deviance deviance(double lambda, double[] beta, double[] start) {
        InterceptQuadrature.Result r = levels.deviance(lambda, beta, start);
        return r == null ? null : new LevelParts.Deviance(r.deviance(), r.modes());
    }

    /** The profile at β, the modes started from {@code start} (not modified); null where declined. */
    LevelParts.Profile profile(double lambda, double[] beta, double[] start) {
        ProfiledNewton.Point point = profiles.at(lambda, beta, start.clone());
        return point == null ? null
                : new LevelParts.Profile(point.objective() + saturated, point.deviance(), point.gradient(), point.hessian(), point.modes());
    }
}
