package io.glimmer.glmm;

import java.util.SplittableRandom;

import org.hipparchus.special.Gamma;

/**
 * The importance-sampling proposal for the spherical random effects b given y at (θ, β): the
 * Laplace approximation's Gaussian N(b̂, s (L L')⁻¹) around the conditional modes b̂, L the factor
 * PIRLS leaves at the mode, or the multivariate t with the same centre and scale and {@code df}
 * degrees of freedom. A draw is b̂ + √s L'⁻¹ z (z standard normal, divided by √(χ²_ν/ν) for the t).
 * Valid until PIRLS runs again (it holds PIRLS's factor).
 */
final class LaplaceProposal {
    private final Pirls pirls;
    private final Pirls.Mode mode;
    private final double priorVariance;
    private final int df;
    private final int q;
    private final double halfLogDet;
    private final double tConstant;
    /** α, the prior's share in a level's defensive mixture ({@link #drawLevels}) for a GLMM. */
    static final double DEFENSIVE = 0.1;
    private final double defensive;

    private LaplaceProposal(Pirls pirls, Pirls.Mode mode, double priorVariance, int df, double defensive) {
        this.pirls = pirls;
        this.defensive = defensive;
        this.mode = mode;
        this.priorVariance = priorVariance;
        this.df = df;
        int total = 0;
        for (double[] bk : mode.b()) {
            total += bk.length;
        }
        this.q = total;
        this.halfLogDet = pirls.factor().logDetRandom() / 2;
        // The t's log density less the terms it shares with the prior's (−q/2 log 2πs cancels in the weight).
        this.tConstant = df == 0 ? 0 : Gamma.logGamma((df + q) / 2.0) - Gamma.logGamma(df / 2.0) - q / 2.0 * Math.log(df / 2.0);
    }

    /**
     * The proposal around the modes at (Λ, β), PIRLS started from {@code start}; null when PIRLS fails.
     *
     * @param priorVariance s, the prior variance of each spherical effect
     * @param df            0 for the Gaussian, else the t's degrees of freedom
     * @param defensive     α of a level's defensive mixture ({@link #drawLevels}): {@link #DEFENSIVE} for a GLMM, 0 for a
     *                      linear mixed model, whose p(b | y) is the Laplace Gaussian exactly (every weight then equals the likelihood)
     */
    static LaplaceProposal at(Pirls pirls, double[][] lambdas, double[] beta, double[][] start, double priorVariance, int df, double defensive) {
        Pirls.Mode m = pirls.run(lambdas, beta, start, false, Pirls.SETTLED);
        return m == null ? null : new LaplaceProposal(pirls, m, priorVariance, df, defensive);
    }

    Pirls.Mode mode() {
        return mode;
    }

    /**
     * Whether the proposal factorises over levels, so that each level can be weighted on its own: one
     * random-effects term (p(b | y) and the Gaussian proposal are then products over its levels).
     */
    boolean levelwise() {
        return mode.b().length == 1 && df == 0;
    }

    /**
     * For a {@link #levelwise} proposal: one draw of the term's b, level by level from the defensive
     * mixture g_j = (1 − α) N(b̂_j, s (L_j L_j')⁻¹) + α N(0, s I) (Hesterberg 1995; α as {@link #at} was given),
     * into b; per level j, log N(b_j; 0, s I) − log g_j(b_j), without the constant −q/2 log 2πs they
     * share, into out[j]. Why the mixture: where a level's responses are all 0 (or all 1) and σ is
     * large, p(b_j | y) has the prior's tail on one side, far wider than the Gaussian's curvature at the
     * mode; Gaussian draws then give unbounded weights whose variance (and its estimate) is unreliable.
     * With the prior in the mixture, each level's weight p(y_j | b_j) N(b_j; 0, sI)/g_j(b_j) is at most
     * p(y_j | b_j)/α. Per level: one uniform (which component), then q standard normals.
     */
    void drawLevels(SplittableRandom rng, double[] b, double[] out) {
        io.glimmer.linalg.BlockDiagonal first = pirls.factor().firstBlock();
        int qk = first.q();
        double[] l = first.values();
        double[] modes = mode.b()[0];
        double sd = Math.sqrt(priorVariance);
        double logMixture = Math.log1p(-defensive);
        double logDefensive = Math.log(defensive); // −∞ for α = 0: the mixture is the Laplace Gaussian
        for (int j = 0; j < out.length; j++) {
            int base = j * qk * qk;
            int at = j * qk;
            boolean fromPrior = rng.nextDouble() < defensive;
            for (int a = 0; a < qk; a++) {
                b[at + a] = rng.nextGaussian();
            }
            if (fromPrior) {
                for (int a = 0; a < qk; a++) {
                    b[at + a] *= sd;
                }
            } else { // b̂_j + √s L_j'⁻¹ z: back substitution with the level's lower-triangular block
                for (int a = qk - 1; a >= 0; a--) {
                    double x = b[at + a];
                    for (int c = a + 1; c < qk; c++) {
                        x -= l[base + c * qk + a] * b[at + c];
                    }
                    b[at + a] = x / l[base + a * qk + a];
                }
                for (int a = 0; a < qk; a++) {
                    b[at + a] = modes[at + a] + sd * b[at + a];
                }
            }
            double logDet = 0;
            double z2 = 0;
            double norm2 = 0;
            for (int a = 0; a < qk; a++) {
                logDet += Math.log(l[base + a * qk + a]);
                double z = 0;
                for (int c = a; c < qk; c++) {
                    z += l[base + c * qk + a] * (b[at + c] - modes[at + c]);
                }
                z /= sd;
                z2 += z * z;
                norm2 += b[at + a] * b[at + a];
            }
            double logPrior = -norm2 / (2 * priorVariance);
            double logLaplace = logDet - z2 / 2;
            double hi = Math.max(logMixture + logLaplace, logDefensive + logPrior);
            double logProposal = hi + Math.log(Math.exp(logMixture + logLaplace - hi) + Math.exp(logDefensive + logPrior - hi));
            out[j] = logPrior - logProposal;
        }
    }

    /**
     * Writes one draw into b (shaped as the modes) and returns log N(b; 0, s I) − log g(b), both
     * without the constant −q/2 log 2πs they share: add log p(y | b) for the log importance weight.
     */
    double draw(SplittableRandom rng, double[][] b) {
        double z2 = 0;
        for (double[] bk : b) {
            for (int j = 0; j < bk.length; j++) {
                double z = rng.nextGaussian();
                bk[j] = z;
                z2 += z * z;
            }
        }
        double stretch = 1;
        if (df > 0) { // t = z / √(χ²_ν / ν), χ²_ν a sum of ν squared normals
            double chi2 = 0;
            for (int d = 0; d < df; d++) {
                double e = rng.nextGaussian();
                chi2 += e * e;
            }
            stretch = Math.sqrt(df / chi2);
        }
        pirls.factor().solveRandomTranspose(b);
        double[][] modes = mode.b();
        double sd = Math.sqrt(priorVariance);
        double norm2 = 0;
        for (int k = 0; k < b.length; k++) {
            for (int j = 0; j < b[k].length; j++) {
                b[k][j] = modes[k][j] + sd * stretch * b[k][j];
                norm2 += b[k][j] * b[k][j];
            }
        }
        double logProposal = df == 0 ? halfLogDet - z2 / 2
                : tConstant + halfLogDet - (df + q) / 2.0 * Math.log1p(z2 * stretch * stretch / df);
        return -norm2 / (2 * priorVariance) - logProposal;
    }
}
