package io.glimmer.glmm;

import io.glimmer.response.Response;
import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.glm.Irls;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.Parallel;
import io.glimmer.linalg.SmallBlocks;

import java.util.function.IntConsumer;

/**
 * The arrays a GLMM evaluates over: X, offset, response, prior weights and the random-effects
 * columns, with the linear predictor η = offset + Xβ + Σ_k Z_k λ_k b_k. Passes over the rows go by
 * fixed chunks of {@link #CHUNK_ROWS} rows, in parallel.
 */
final class GlmmData {
    private final double[] x;
    private final int n;
    private final int p;
    private final double[] offset;
    private final double[] y;
    private final double[] weights;
    private final GroupedColumns[] terms;
    /** λ_k b_k per term, refilled by {@link #scaleModes} (one buffer per model: not thread-safe). */
    private final double[][] u;
    /** Per term: a single column whose every z value is 1 (a random intercept), so its part of η is the level's u alone. */
    private final boolean[] unitZ;

    GlmmData(Design design, Response response) {
        this.x = design.x().values();
        this.n = design.rows();
        this.p = design.p();
        this.offset = design.offset();
        this.y = response.y();
        this.weights = response.weights();
        this.terms = design.randomTerms().stream().map(RandomEffectsTerm::columns).toArray(GroupedColumns[]::new);
        this.u = new double[terms.length][];
        for (int k = 0; k < terms.length; k++) {
            u[k] = new double[terms[k].columns()];
        }
        this.unitZ = new boolean[terms.length];
        for (int k = 0; k < terms.length; k++) {
            unitZ[k] = terms[k].q() == 1 && allOnes(terms[k].z()); // a q-wide term with z ≡ 1 still needs its q columns
        }
    }

    private static boolean allOnes(double[] z) {
        for (double v : z) {
            if (v != 1.0) {
                return false;
            }
        }
        return true;
    }

    int rows() {
        return n;
    }

    /** Term k is a random intercept: one column, every z value 1. */
    boolean unitZ(int k) {
        return unitZ[k];
    }

    int p() {
        return p;
    }

    double[] x() {
        return x;
    }

    double[] offset() {
        return offset;
    }

    double[] y() {
        return y;
    }

    double[] weights() {
        return weights;
    }

    GroupedColumns[] terms() {
        return terms;
    }

    /**
     * Rows per chunk of a pass over the rows: fixed, so that chunked sums do not depend on the thread
     * count; the GLM fitter's, so that the GLM start sums its deviance as PIRLS does.
     */
    static final int CHUNK_ROWS = Irls.CHUNK_ROWS;

    /** Below this many rows a pass is too short (tens of microseconds) to be worth handing to another thread. */
    private static final int PARALLEL_ROWS = 4 * CHUNK_ROWS;

    int chunks() {
        return (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    }

    /** Whether passes over these rows are shared between threads. */
    boolean parallel() {
        return n >= PARALLEL_ROWS;
    }

    /**
     * body(c) for every chunk c: on the calling thread and {@link Parallel}'s helpers when the data
     * are long enough. Either way each chunk is computed alike, so the results are the same.
     */
    void forEachChunk(IntConsumer body) {
        if (parallel()) {
            Parallel.forEach(chunks(), body);
        } else {
            for (int c = 0; c < chunks(); c++) {
                body.accept(c);
            }
        }
    }

    int chunkStart(int c) {
        return Math.min(n, c * CHUNK_ROWS);
    }

    /** η = offset + Xβ + Σ_k Z_k λ_k b_k, written into {@code eta}. */
    void linearPredictor(double[][] lambda, double[] beta, double[][] b, double[] eta) {
        scaleModes(lambda, b);
        forEachChunk(c -> linearPredictor(beta, eta, chunkStart(c), chunkStart(c + 1)));
    }

    /** u_k = λ_k b_k per level into the reused buffers that {@link #linearPredictor(double[], double[], int, int)} reads. */
    void scaleModes(double[][] lambda, double[][] b) {
        for (int k = 0; k < terms.length; k++) {
            SmallBlocks.multiplyRightLowerTranspose(b[k], terms[k].levels(), lambda[k], terms[k].q(), u[k]);
        }
    }

    /** For rows [r0, r1): offset + Xβ (summed as in η) and Xβ alone (as in the working response). */
    void fixedParts(double[] beta, double[] withOffset, double[] xBeta, int r0, int r1) {
        LinearPredictor.fill(x, p, offset, beta, withOffset, r0, r1);
        LinearPredictor.fill(x, p, null, beta, xBeta, r0, r1);
    }

    /** η = fixed + Σ_k Z_k u_k for rows [r0, r1), u from the last {@link #scaleModes}. */
    void addRandom(double[] fixed, double[] eta, int r0, int r1) {
        System.arraycopy(fixed, r0, eta, r0, r1 - r0);
        addRandom(eta, r0, r1);
    }

    /**
     * η += Σ_k z_r' u_k[level] for rows [r0, r1), one pass per term (terms, and a term's columns, added
     * in order as in one row-by-row sum, so the sums are the same). Short passes with one kind of term
     * each: a random intercept's z is 1, and s + 1·u is exactly s + u, so it adds u alone.
     */
    private void addRandom(double[] eta, int r0, int r1) {
        addRandom(u, eta, r0, r1);
    }

    /** As {@link #addRandom(double[], int, int)} with u given per term, not the shared buffer: safe from several threads. */
    void addRandom(double[][] u, double[] eta, int r0, int r1) {
        for (int k = 0; k < terms.length; k++) {
            GroupedColumns g = terms[k];
            int[] codes = g.codes();
            double[] uk = u[k];
            int q = g.q();
            if (unitZ[k]) {
                addIntercepts(eta, codes, uk, r0, r1);
            } else if (q == 1) {
                addScalars(eta, codes, g.z(), uk, r0, r1);
            } else {
                addVectors(eta, codes, g.z(), uk, q, r0, r1);
            }
        }
    }

    private static void addIntercepts(double[] eta, int[] codes, double[] uk, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            eta[r] += uk[codes[r]];
        }
    }

    private static void addScalars(double[] eta, int[] codes, double[] z, double[] uk, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            eta[r] += z[r] * uk[codes[r]];
        }
    }

    private static void addVectors(double[] eta, int[] codes, double[] z, double[] uk, int q, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            double s = eta[r];
            int base = codes[r] * q;
            for (int a = 0; a < q; a++) {
                s += z[r * q + a] * uk[base + a];
            }
            eta[r] = s;
        }
    }

    /** η for rows [r0, r1) from β and the modes last given to {@link #scaleModes}. */
    void linearPredictor(double[] beta, double[] eta, int r0, int r1) {
        LinearPredictor.fill(x, p, offset, beta, eta, r0, r1);
        addRandom(eta, r0, r1);
    }
}
