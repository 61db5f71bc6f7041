package io.glimmer.glmm;

import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.Parallel;

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

    GlmmData(Design design, GlmmResponse response) {
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
    }

    int rows() {
        return n;
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

    /** Rows per chunk of a pass over the rows: fixed, so that chunked sums do not depend on the thread count. */
    static final int CHUNK_ROWS = 4096;

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
            int q = terms[k].q();
            double[] uk = u[k];
            for (int level = 0; level < terms[k].levels(); level++) {
                for (int a = 0; a < q; a++) {
                    double s = 0;
                    for (int t = 0; t <= a; t++) {
                        s += lambda[k][a * q + t] * b[k][level * q + t];
                    }
                    uk[level * q + a] = s;
                }
            }
        }
    }

    /** For rows [r0, r1): offset + Xβ (summed as in η) and Xβ alone (as in the working response). */
    void fixedParts(double[] beta, double[] withOffset, double[] xBeta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            double s = offset == null ? 0 : offset[r];
            double xb = 0;
            for (int j = 0; j < p; j++) {
                s += x[r * p + j] * beta[j];
                xb += x[r * p + j] * beta[j];
            }
            withOffset[r] = s;
            xBeta[r] = xb;
        }
    }

    /** η = fixed + Σ_k Z_k u_k for rows [r0, r1), u from the last {@link #scaleModes}. */
    void addRandom(double[] fixed, double[] eta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            eta[r] = randomPart(r, fixed[r]);
        }
    }

    /** s + Σ_k z_r' u_k[level], added term by term in order. */
    private double randomPart(int r, double s) {
        for (int k = 0; k < terms.length; k++) {
            GroupedColumns g = terms[k];
            int q = g.q();
            int base = g.codes()[r] * q;
            for (int a = 0; a < q; a++) {
                s += g.z()[r * q + a] * u[k][base + a];
            }
        }
        return s;
    }

    /** η for rows [r0, r1) from β and the modes last given to {@link #scaleModes}. */
    void linearPredictor(double[] beta, double[] eta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            double s = offset == null ? 0 : offset[r];
            for (int j = 0; j < p; j++) {
                s += x[r * p + j] * beta[j];
            }
            eta[r] = randomPart(r, s);
        }
    }
}
