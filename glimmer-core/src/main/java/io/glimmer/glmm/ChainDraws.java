package io.glimmer.glmm;

import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.SmallBlocks;

import java.util.SplittableRandom;

/**
 * A Markov-chain E-step: {@link #CHAINS} chains over the spherical random effects b, each started at the
 * conditional modes, run {@link #BURN_IN} sweeps before its first draw, then one draw per sweep. The
 * chains run in parallel, each with its own generator split from the sample's in chain order, and
 * their draws are appended chain after chain (each a run for batch means). A sweep updates one level's
 * block b_kj at a time, which touches only that level's rows ({@link LevelRows}); the chain keeps η.
 */
abstract class ChainDraws extends DrawSample {
    static final int CHAINS = 4;
    static final int BURN_IN = 50;
    /** A term with λ at or below this has no ridge to move along (its effects are pinned at 0). */
    private static final double RIDGE_LEAST = 1e-6;
    final DrawTarget target;
    final LevelRows[] levelRows;
    private final Chain[] chains = new Chain[CHAINS];
    private boolean started;
    /** Sweeps per kept draw (1: every state is kept). */
    private int thin = 1;

    /** One chain's state: b per term, η, and its generator; a sampler may keep per-row values of its own. */
    static final class Chain {
        final double[][] b;
        final double[] eta;
        final SplittableRandom rng;
        /** Each row's log density at η (up to the density's constant), for samplers that keep it; else null. */
        double[] rowDensity;
        /** Each row's e^η, for samplers that keep it (a logit chain moves it by a product); else null. */
        double[] expEta;

        Chain(double[][] b, double[] eta, SplittableRandom rng) {
            this.b = b;
            this.eta = eta;
            this.rng = rng;
        }
    }

    ChainDraws(DrawTarget target, double[][] modes, SplittableRandom rng) {
        this.target = target;
        GroupedColumns[] terms = target.data.terms();
        this.levelRows = new LevelRows[terms.length];
        for (int k = 0; k < terms.length; k++) {
            levelRows[k] = LevelRows.of(terms[k]);
        }
        for (int c = 0; c < CHAINS; c++) {
            double[][] b = Pirls.copy(modes);
            double[] eta = new double[target.data.rows()];
            target.linearPredictor(target.toU(b), eta);
            chains[c] = new Chain(b, eta, rng.split());
        }
    }

    /**
     * Keeps one state in {@code sweeps}: autocorrelated states carry less information than their count, and
     * every kept draw costs the M-step a pass over the rows, so a chain whose states are about {@code sweeps}
     * apart in effective terms is thinned to that (MacEachern &amp; Berliner 1994: thinning never improves a
     * mean's precision per sweep, but it spares the per-draw work that follows).
     */
    final void thin(int sweeps) {
        this.thin = Math.max(1, sweeps);
    }

    /** Sweeps per kept draw. */
    final int thinning() {
        return thin;
    }

    /** One sweep of the chain over every level of every term (and any latent data). */
    abstract void sweep(Chain chain);

    /** log p(y | u) of the chain's current state: afresh from u ({@code eta} a buffer) unless a sampler keeps it. */
    double logLikelihood(Chain chain, double[][] u, double[] eta) {
        return target.logLikelihood(u, eta);
    }

    @Override
    final void add(int m) {
        int[] counts = new int[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            counts[c] = m / CHAINS + (c < m % CHAINS ? 1 : 0);
        }
        double[][][][] u = new double[CHAINS][][][];
        double[][] logLik = new double[CHAINS][];
        boolean burn = !started;
        started = true;
        target.runner.forEach(CHAINS, c -> {
            Chain chain = chains[c];
            for (int s = 0; burn && s < BURN_IN; s++) {
                sweep(chain);
            }
            u[c] = new double[counts[c]][][];
            logLik[c] = new double[counts[c]];
            double[] eta = new double[chain.eta.length];
            for (int i = 0; i < counts[c]; i++) {
                for (int s = 0; s < thin; s++) {
                    sweep(chain);
                }
                u[c][i] = target.toU(chain.b);
                logLik[c][i] = logLikelihood(chain, u[c][i], eta);
            }
        });
        for (int c = 0; c < CHAINS; c++) {
            int from = size();
            for (int i = 0; i < counts[c]; i++) {
                append(u[c][i], logLik[c][i], 0);
            }
            run(from, size());
        }
    }

    /**
     * Per level of term k, the Cholesky factor (q × q, lower) of I + λ'(Σ_i w_i z_i z_i')λ over the
     * level's rows: the precision of b_kj given the rest, for row weights w.
     */
    final double[][] levelPrecisionFactors(int k, double[] w) {
        GroupedColumns term = target.data.terms()[k];
        int qk = term.q();
        LevelRows lr = levelRows[k];
        double[][] factors = new double[term.levels()][];
        double[] zl = new double[qk];
        for (int j = 0; j < term.levels(); j++) {
            double[] p = new double[qk * qk];
            for (int i = lr.start()[j]; i < lr.start()[j + 1]; i++) {
                int r = lr.rows()[i];
                rowCoefficients(k, r, zl);
                for (int a = 0; a < qk; a++) {
                    for (int c = 0; c <= a; c++) {
                        p[a * qk + c] += w[r] * zl[a] * zl[c];
                    }
                }
            }
            for (int a = 0; a < qk; a++) {
                p[a * qk + a] += 1;
            }
            SmallBlocks.cholesky(p, 0, qk); // positive definite: I plus a cross product
            factors[j] = p;
        }
        return factors;
    }

    /**
     * The crossed-intercepts ridge move: for every pair of random intercepts k, l, the shift u_k + c,
     * u_l − c leaves every η unchanged, so c's conditional is Gaussian from the two priors alone, precision
     * J_k/λ_k² + J_l/λ_l², and is drawn exactly (a Gibbs step touching no rows). One level at a time moves
     * along that ridge only by steps of a level's posterior width, which is what makes the chain, and
     * every Monte Carlo average over it, slow on crossed designs.
     */
    final void ridgeMoves(Chain chain) {
        GroupedColumns[] terms = target.data.terms();
        for (int k = 0; k < terms.length; k++) {
            for (int l = k + 1; l < terms.length; l++) {
                double lk = target.lambdas[k][0];
                double ll = target.lambdas[l][0];
                if (!target.data.unitZ(k) || !target.data.unitZ(l) || !(lk > RIDGE_LEAST) || !(ll > RIDGE_LEAST)) {
                    continue;
                }
                double[] bk = chain.b[k];
                double[] bl = chain.b[l];
                double sk = 0;
                for (double v : bk) {
                    sk += v;
                }
                double sl = 0;
                for (double v : bl) {
                    sl += v;
                }
                double precision = bk.length / (lk * lk) + bl.length / (ll * ll);
                double c = (-sk / lk + sl / ll) / precision + chain.rng.nextGaussian() / Math.sqrt(precision);
                for (int j = 0; j < bk.length; j++) {
                    bk[j] += c / lk;
                }
                for (int j = 0; j < bl.length; j++) {
                    bl[j] -= c / ll;
                }
            }
        }
    }

    /** Row r's coefficients z_r'λ_k on b_kj, into {@code out}. */
    final void rowCoefficients(int k, int r, double[] out) {
        GroupedColumns term = target.data.terms()[k];
        int qk = term.q();
        double[] lambda = target.lambdas[k];
        double[] z = term.z();
        for (int a = 0; a < qk; a++) {
            double s = 0;
            for (int c = a; c < qk; c++) {
                s += z[r * qk + c] * lambda[c * qk + a];
            }
            out[a] = s;
        }
    }
}
