package io.glimmer.glmm;

import java.util.function.Supplier;

/**
 * One part of a {@link LevelParts} model's rows (whole levels of its one random-effects term), held
 * where the rows are and evaluated there. It keeps what its evaluations need and little more: for a
 * binomial–logit (1 | g) model only the per-level path's arrays ({@link InterceptPart}: X, the
 * weights and w·y in level order, one buffer), and the part's whole model (its design and PIRLS's
 * buffers, several times that memory) is made again from the rows for a call that path declines and
 * dropped after it; for any other model the whole model, which runs PIRLS every call.
 */
public final class LevelPart {
    /** Makes the part's model again from its rows, for a call the per-level path declines. */
    private final Supplier<GeneralizedLinearMixedModel> remake;
    /** The model kept for every call, or null when the per-level path is. */
    private final GeneralizedLinearMixedModel kept;
    private final InterceptPart path;

    private LevelPart(Supplier<GeneralizedLinearMixedModel> remake, GeneralizedLinearMixedModel kept, InterceptPart path) {
        this.remake = remake;
        this.kept = kept;
        this.path = path;
    }

    /**
     * @param model  the model of this part's rows
     * @param remake makes that model again (the same rows and settings)
     */
    public static LevelPart of(GeneralizedLinearMixedModel model, Supplier<GeneralizedLinearMixedModel> remake) {
        InterceptPart path = model.levelPath();
        return path == null ? new LevelPart(remake, model, null) : new LevelPart(remake, null, path);
    }

    /** Whether this part evaluates level by level (and keeps no model of its rows). */
    public boolean levelByLevel() {
        return path != null;
    }

    private GeneralizedLinearMixedModel model() {
        return kept != null ? kept : remake.get();
    }

    /** This part's Laplace (or quadrature) deviance at (θ, β) and its modes, started from {@code start} found at {@code startLambdas}. */
    public LevelParts.Deviance deviance(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        LevelParts.Deviance d = path == null ? null : path.deviance(theta, beta, start, startLambdas);
        return d != null ? d : model().partDeviance(theta, beta, start, startLambdas);
    }

    /** This part's share of the first stage's profile at β ({@link LevelParts.Profile}). */
    public LevelParts.Profile profile(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        LevelParts.Profile r = path == null ? null : path.profile(theta, beta, start, startLambdas);
        return r != null ? r : model().partProfile(theta, beta, start, startLambdas);
    }

    /** This part's deviance, modes and conditional variances at the optimum. */
    public LevelParts.Optimum optimum(double[] theta, double[] beta, double[] start, double[][] startLambdas) {
        LevelParts.Optimum o = path == null ? null : path.optimum(theta, beta, start, startLambdas);
        return o != null ? o : model().partOptimum(theta, beta, start, startLambdas);
    }
}
