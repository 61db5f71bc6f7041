package io.glimmer.glmm;

import io.glimmer.family.Family;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.SmallBlocks;

import java.util.SplittableRandom;

/**
 * The Metropolis–Hastings E-step (McCulloch 1997): one level's block b_kj at a time, the others held.
 * McCulloch's candidate was the prior; here it is a Gaussian random walk scaled by the block's
 * conditional precision at the modes, I + λ'Z_j'WZ_jλ (W the GLM weights there), with the factor
 * 2.38/√q of Roberts, Gelman &amp; Gilks (1997): the prior candidate is accepted too rarely when a level
 * has many rows. The ratio needs only the level's rows and its prior N(0, I).
 */
final class MetropolisDraws extends ChainDraws {
    private final double[][][] steps;
    private final double[] scale;

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
        for (int k = 0; k < terms; k++) {
            steps[k] = levelPrecisionFactors(k, w);
            scale[k] = 2.38 / Math.sqrt(target.q[k]);
        }
    }

    @Override
    String sampler() {
        return "metropolis";
    }

    @Override
    void sweep(Chain chain) {
        GroupedColumns[] terms = target.data.terms();
        for (int k = 0; k < terms.length; k++) {
            int qk = terms[k].q();
            double[] bk = chain.b[k];
            double[] delta = new double[qk];
            double[] coefficients = new double[qk];
            LevelRows lr = levelRows[k];
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
                for (int i = lr.start()[j]; i < lr.start()[j + 1]; i++) {
                    int r = lr.rows()[i];
                    double shift = shift(k, r, delta, coefficients);
                    logRatio += target.density.row(r, chain.eta[r] + shift) - target.density.row(r, chain.eta[r]);
                }
                if (logRatio >= 0 || Math.log(chain.rng.nextDouble()) < logRatio) {
                    for (int a = 0; a < qk; a++) {
                        bk[j * qk + a] += delta[a];
                    }
                    for (int i = lr.start()[j]; i < lr.start()[j + 1]; i++) {
                        int r = lr.rows()[i];
                        chain.eta[r] += shift(k, r, delta, coefficients);
                    }
                }
            }
        }
    }

    /** z_r'λ_k δ: the change in row r's η when b_kj moves by δ. */
    private double shift(int k, int r, double[] delta, double[] coefficients) {
        rowCoefficients(k, r, coefficients);
        double s = 0;
        for (int a = 0; a < delta.length; a++) {
            s += coefficients[a] * delta[a];
        }
        return s;
    }
}
