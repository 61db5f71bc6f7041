package io.glimmer.correlation;

import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.RankCheck;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.linalg.SmallBlocks;

import java.util.List;

/**
 * Whitened data without random effects (nlme's gls): least squares from the Cholesky factor L of
 * [X y]'[X y]. Its last diagonal is the residual norm r, so −2 log-likelihood profiled over β and
 * σ is n(1 + log(2πr²/n)) (ML) or log|X'X| + (n − p)(1 + log(2πr²/(n − p))) (REML), the linear
 * mixed model's formulas with no random-effects block.
 */
final class WhitenedLeastSquares implements WhitenedModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Design design;
    private final boolean reml;
    private final int n;
    private final int p;
    private final double[] l; // (p + 1) × (p + 1), lower; null when X'X is singular

    /** @param design the whitened design (X whitened, no random terms); @param y the whitened response */
    WhitenedLeastSquares(Design design, double[] y, boolean reml) {
        this.design = design;
        this.reml = reml;
        this.n = design.rows();
        this.p = design.p();
        int w = p + 1;
        double[] x = design.x().values();
        double[] a = new double[w * w];
        double[] row = new double[w];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, r * p, row, 0, p);
            row[p] = y[r];
            for (int i = 0; i < w; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i * w + j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < w; i++) {
            for (int j = i + 1; j < w; j++) {
                a[i * w + j] = a[j * w + i];
            }
        }
        this.l = SmallBlocks.cholesky(a, 0, w) ? a : null;
    }

    private double diag(int i) {
        return l[i * (p + 1) + i];
    }

    @Override
    public double objective(double[] theta) {
        if (l == null) {
            return Double.POSITIVE_INFINITY;
        }
        double r2 = diag(p) * diag(p);
        if (!reml) {
            return n * (1 + LOG_2PI + Math.log(r2 / n));
        }
        double logDetX = 0;
        for (int i = 0; i < p; i++) {
            logDetX += 2 * Math.log(diag(i));
        }
        return logDetX + (n - p) * (1 + LOG_2PI + Math.log(r2 / (n - p)));
    }

    @Override
    public MixedModelFit estimatesAt(double[] theta) {
        int w = p + 1;
        double sigma2 = diag(p) * diag(p) / (reml ? n - p : n);
        double[] beta = new double[p]; // L_X' β = (row p of L)
        for (int i = p - 1; i >= 0; i--) {
            double s = l[p * w + i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * w + i] * beta[k];
            }
            beta[i] = s / diag(i);
        }
        double[][] vcov = SmallBlocks.inverseCrossProduct(l, w, p, sigma2); // σ² (L_X L_X')⁻¹
        double[] fitted = LinearPredictor.of(design.x(), null, beta);
        MixedModelFit.Builder b = MixedModelFit.builder()
                .formula(design.formula().text())
                .method(reml ? "REML" : "ML")
                .nObs(n).nDropped(design.frame().dropped())
                .logLikelihood(-objective(theta) / 2)
                .df(p + 1)
                .remlCriterion(reml ? objective(theta) : null)
                .residualStdDev(Math.sqrt(sigma2))
                .fixedEffects(FixedEffectsTable.withoutPValues(design.x().names(), beta, vcov))
                .fixedEffectsCovariance(vcov)
                .theta(new double[0])
                .fitted(fitted);
        RankCheck.warning(design.droppedColumns()).ifPresent(b::warning);
        return b.build();
    }
}
