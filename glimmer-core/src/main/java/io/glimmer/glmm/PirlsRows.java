package io.glimmer.glmm;

import io.glimmer.linalg.CrossProducts;

/**
 * The two row passes of {@link Pirls}, wherever the rows are: η, μ and the deviance at (β, b); then
 * the working weights and response at that μ and their cross products with [Z, X]. The in-memory
 * arrays implement it ({@link LocalRows}), and so can an engine whose rows are spread over machines:
 * PIRLS itself (steps, halvings, the factor of the penalised system) runs on the caller's side.
 */
public interface PirlsRows {
    /** Columns of X. */
    int p();

    /**
     * η = offset + Xβ + Σ_k Z_k λ_k b_k and μ at every row, kept for the next {@link #crossProducts}.
     *
     * @return Σ deviance residuals at μ
     */
    double evaluate(double[][] lambda, double[] beta, double[][] b);

    /**
     * The empty cross products of [Z₁ … Z_K F] for {@code width} dense columns (p + 1 with X, else 1),
     * made once per width: their sparsity pattern is the rows' and does not change.
     */
    CrossProducts structure(int width);

    /**
     * Refills {@code target} (made by {@link #structure}) with the cross products at the working weights
     * and response of the last evaluated μ: F = [X, z] with X, else F = [z − Xβ].
     */
    void crossProducts(CrossProducts target, boolean withX, double[] beta);

    /** A run in which β stays at this value begins: a pass may keep offset + Xβ until β changes. */
    default void holdBeta(double[] beta) {
    }
}
