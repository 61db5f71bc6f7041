package io.glimmer.glmm;

import io.glimmer.family.Family;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.SmallBlocks;

import java.util.SplittableRandom;

/**
 * The Metropolis–Hastings E-step (McCulloch 1997), Metropolis within Gibbs: one level's block b_kj at a
 * time, the others held. McCulloch's candidate was the prior; here it is a Gaussian random walk scaled
 * by the block's conditional precision at the modes, I + λ'Z_j'WZ_jλ (W the GLM weights there), with the
 * factor 2.38/√q of Roberts, Gelman &amp; Gilks (1997): the prior candidate is accepted too rarely when a
 * level has many rows. The ratio needs only the level's rows and its prior N(0, I); the chain keeps each
 * row's η and log density, so a candidate costs one density per row of its level, and a sweep over every
 * level of every term is one pass over the rows per term.
 */
final class MetropolisDraws extends ChainDraws {
    private final double[][][] steps;
    private final double[] scale;
    /** Per term, each row's coefficients z_r'λ_k on its level's block (rows × q). */
    private final double[][] coefficients;
    private final int longestLevel;
    /**
     * Per term, whether a level's move shifts all its rows' η by one amount (a random intercept, z ≡ 1) in a logit
     * binomial model: then the chain keeps e^η per row and a candidate costs one exp per level and a log per row.
     */
    private final boolean[] sharedShift;
    /** Whether any term has {@link #sharedShift}: only then is e^η kept. */
    private final boolean keepsExp;

    MetropolisDraws(DrawTarget target, Family family, Pirls.Mode mode, double[] modeEta, SplittableRandom rng) {
        super(target, mode.b(), rng);
        double[] w = new double[modeEta.length];
        double[] prior = target.data.weights();
        for (int r = 0; r < w.length; r++) {
            double mu = family.link().inverse(modeEta[r]);
            double dmu = family.link().muEta(modeEta[r]);
            w[r] = prior[r] * dmu * dmu / family.distribution().variance(mu);
        }
        int terms = target.q.length;
        this.steps = new double[terms][][];
        this.scale = new double[terms];
        this.coefficients = new double[terms][];
        int longest = 0;
        for (int k = 0; k < terms; k++) {
            steps[k] = levelPrecisionFactors(k, w);
            scale[k] = 2.38 / Math.sqrt(target.q[k]);
            int qk = target.q[k];
            coefficients[k] = new double[w.length * qk];
            double[] zl = new double[qk];
            for (int r = 0; r < w.length; r++) {
                rowCoefficients(k, r, zl);
                System.arraycopy(zl, 0, coefficients[k], r * qk, qk);
            }
            for (int j = 0; j < target.data.terms()[k].levels(); j++) {
                longest = Math.max(longest, levelRows[k].start()[j + 1] - levelRows[k].start()[j]);
            }
        }
        this.longestLevel = longest;
        this.sharedShift = new boolean[terms];
        boolean any = false;
        for (int k = 0; k < terms; k++) {
            sharedShift[k] = target.density.logitBinomial() && target.data.unitZ(k);
            any |= sharedShift[k];
        }
        this.keepsExp = any;
    }

    @Override
    String sampler() {
        return "metropolis";
    }

    @Override
    void sweep(Chain chain) {
        double[] eta = chain.eta;
        if (chain.rowDensity == null) {
            chain.rowDensity = new double[eta.length];
            for (int r = 0; r < eta.length; r++) {
                chain.rowDensity[r] = target.density.row(r, eta[r]);
            }
        }
        double[] density = chain.rowDensity;
        if (keepsExp && chain.expEta == null) {
            chain.expEta = new double[eta.length];
            for (int r = 0; r < eta.length; r++) {
                chain.expEta[r] = Math.exp(eta[r]);
            }
        }
        double[] expEta = chain.expEta;
        double[] shifted = new double[longestLevel];
        double[] candidate = new double[longestLevel];
        double[] shiftedExp = new double[longestLevel];
        GroupedColumns[] terms = target.data.terms();
        for (int k = 0; k < terms.length; k++) {
            int qk = terms[k].q();
            double[] bk = chain.b[k];
            double[] delta = new double[qk];
            double[] ck = coefficients[k];
            LevelRows lr = levelRows[k];
            int[] rows = lr.rows();
            for (int j = 0; j < terms[k].levels(); j++) {
                for (int a = 0; a < qk; a++) {
                    delta[a] = scale[k] * chain.rng.nextGaussian();
                }
                SmallBlocks.solveLowerTranspose(steps[k][j], 0, qk, delta, 0); // δ ~ N(0, s² P⁻¹)
                double logRatio = 0;
                for (int a = 0; a < qk; a++) {
                    double old = bk[j * qk + a];
                    double proposed = old + delta[a];
                    logRatio -= (proposed * proposed - old * old) / 2;
                }
                int first = lr.start()[j];
                int count = lr.start()[j + 1] - first;
                boolean shared = sharedShift[k] && count > 0;
                if (shared) { // every row's η moves by one amount: e^η by one factor
                    double s0 = ck[rows[first]] * delta[0];
                    double factor = Math.exp(s0);
                    for (int i = 0; i < count; i++) {
                        int r = rows[first + i];
                        shifted[i] = eta[r] + s0;
                        shiftedExp[i] = expEta[r] * factor;
                        candidate[i] = target.density.rowFromExp(r, shifted[i], shiftedExp[i]);
                        logRatio += candidate[i] - density[r];
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        int r = rows[first + i];
                        double s = 0;
                        for (int a = 0; a < qk; a++) {
                            s += ck[r * qk + a] * delta[a];
                        }
                        shifted[i] = eta[r] + s;
                        candidate[i] = target.density.row(r, shifted[i]);
                        logRatio += candidate[i] - density[r];
                    }
                }
                if (logRatio >= 0 || Math.log(chain.rng.nextDouble()) < logRatio) {
                    for (int a = 0; a < qk; a++) {
                        bk[j * qk + a] += delta[a];
                    }
                    for (int i = 0; i < count; i++) {
                        int r = rows[first + i];
                        eta[r] = shifted[i];
                        density[r] = candidate[i];
                        if (keepsExp) {
                            expEta[r] = shared ? shiftedExp[i] : Math.exp(shifted[i]);
                        }
                    }
                }
            }
        }
        ridgeMoves(chain);
    }

    /** The kept row densities' sum in row order, plus the density's constant: log p(y | u) without another pass. */
    @Override
    double logLikelihood(Chain chain, double[][] u, double[] eta) {
        double s = 0;
        for (double x : chain.rowDensity) {
            s += x;
        }
        return s + target.density.rowConstant();
    }
}
