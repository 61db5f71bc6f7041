package io.glimmer.ddf;

import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.lmm.LinearMixedModel;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * pbkrtest's Kenward–Roger method (vcovAdj, Lb_ddf, KRmodcomp), as lmerTest calls it. The marginal
 * covariance Σ = Σᵢ γᵢGᵢ is linear in the variance parameters γ (each variance and covariance of each
 * random-effects term, then σ²); with Φ = cov(β̂) = (X'Σ⁻¹X)⁻¹, Pᵢ = −X'Σ⁻¹GᵢΣ⁻¹X and
 * Qᵢⱼ = X'Σ⁻¹GᵢΣ⁻¹GⱼΣ⁻¹X, the expected information of γ gives W = cov(γ̂), and the adjusted covariance
 * is Φ_A = Φ + 2Φ[Σᵢⱼ Wᵢⱼ(Qᵢⱼ − PᵢΦPⱼ)]Φ. Σ is dense n × n, as in pbkrtest, so the rows are limited.
 */
public final class KenwardRoger implements ContrastTests {
    /** The most rows the dense n × n matrices are built for (800 MB each at 10,000). */
    public static final int MAX_ROWS = 10_000;
    /** pbkrtest's threshold on the information's smallest |eigenvalue| for a generalised inverse. */
    private static final double SINGULAR_INFORMATION = 1e-10;

    private final RealMatrix phi;
    private final RealMatrix adjusted;
    private final RealMatrix[] p;
    private final RealMatrix w;

    private KenwardRoger(RealMatrix phi, RealMatrix adjusted, RealMatrix[] p, RealMatrix w) {
        this.phi = phi;
        this.adjusted = adjusted;
        this.p = p;
        this.w = w;
    }

    /** At the REML estimates θ̂ and σ̂ of the model. */
    public static KenwardRoger of(LinearMixedModel model, double[] theta, double sigma) {
        Design design = model.design();
        int n = design.rows();
        if (n > MAX_ROWS) {
            throw new InputException("Kenward-Roger degrees of freedom use dense n x n matrices (as pbkrtest); " + n
                    + " rows is more than the " + MAX_ROWS + " allowed: use {--ddf satterthwaite}");
        }
        RealMatrix x = new Array2DRowRealMatrix(design.rows(), design.p());
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < design.p(); j++) {
                x.setEntry(r, j, design.x().get(r, j));
            }
        }
        List<RealMatrix> g = new ArrayList<>();
        List<Double> gamma = new ArrayList<>();
        List<RandomEffectsTerm> terms = design.randomTerms();
        for (int k = 0; k < terms.size(); k++) {
            double[][] cov = model.covariance().covariance(theta, k, sigma * sigma);
            GroupedColumns c = terms.get(k).columns();
            int[][] byLevel = rowsByLevel(c);
            for (int a = 0; a < c.q(); a++) {
                for (int b = a; b < c.q(); b++) {
                    g.add(termDerivative(c, byLevel, a, b, n));
                    gamma.add(cov[a][b]);
                }
            }
        }
        double[] weights = model.weights();
        RealMatrix residual = new Array2DRowRealMatrix(n, n);
        for (int r = 0; r < n; r++) {
            residual.setEntry(r, r, weights == null ? 1 : 1 / weights[r]);
        }
        g.add(residual);
        gamma.add(sigma * sigma);
        RealMatrix sigmaMatrix = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < g.size(); i++) {
            sigmaMatrix = sigmaMatrix.add(g.get(i).scalarMultiply(gamma.get(i)));
        }
        RealMatrix phi = MatrixUtils.createRealMatrix(model.fixedEffectsCovariance(theta, sigma));
        return adjust(phi, sigmaMatrix, g, x);
    }

    private static int[][] rowsByLevel(GroupedColumns c) {
        int[] count = new int[c.levels()];
        for (int code : c.codes()) {
            count[code]++;
        }
        int[][] rows = new int[c.levels()][];
        for (int l = 0; l < rows.length; l++) {
            rows[l] = new int[count[l]];
            count[l] = 0;
        }
        int[] codes = c.codes();
        for (int r = 0; r < codes.length; r++) {
            rows[codes[r]][count[codes[r]]++] = r;
        }
        return rows;
    }

    /** ∂Σ/∂γ for the (a, b) element of a term's covariance: z_a z_b' (+ z_b z_a' off the diagonal) within each level. */
    private static RealMatrix termDerivative(GroupedColumns c, int[][] byLevel, int a, int b, int n) {
        int q = c.q();
        double[] z = c.z();
        double[][] m = new double[n][n];
        for (int[] rows : byLevel) {
            for (int r : rows) {
                for (int s : rows) {
                    double v = z[r * q + a] * z[s * q + b];
                    if (a != b) {
                        v += z[r * q + b] * z[s * q + a];
                    }
                    m[r][s] = v;
                }
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    /** pbkrtest's vcovAdj_internal. */
    private static KenwardRoger adjust(RealMatrix phi, RealMatrix sigma, List<RealMatrix> g, RealMatrix x) {
        int m = g.size();
        RealMatrix sigmaInv = new CholeskyDecomposition(symmetricUpper(sigma)).getSolver().getInverse();
        RealMatrix tt = sigmaInv.multiply(x);
        RealMatrix[] hh = new RealMatrix[m];
        RealMatrix[] oo = new RealMatrix[m];
        for (int i = 0; i < m; i++) {
            hh[i] = g.get(i).multiply(sigmaInv);
            oo[i] = hh[i].multiply(x);
        }
        RealMatrix[] pp = new RealMatrix[m];
        RealMatrix[][] qq = new RealMatrix[m][m];
        for (int i = 0; i < m; i++) {
            RealMatrix ot = oo[i].transpose();
            pp[i] = symmetricUpper(ot.multiply(tt).scalarMultiply(-1));
            RealMatrix otInv = ot.multiply(sigmaInv);
            for (int j = i; j < m; j++) {
                qq[i][j] = otInv.multiply(oo[j]);
            }
        }
        double[][] information = new double[m][m];
        for (int i = 0; i < m; i++) {
            RealMatrix phiP = phi.multiply(pp[i]);
            for (int j = i; j < m; j++) {
                double v = traceOfProduct(hh[i], hh[j]) - 2 * elementwise(phi, qq[i][j]) + elementwise(phiP, pp[j].multiply(phi));
                information[i][j] = v;
                information[j][i] = v;
            }
        }
        RealMatrix ie = MatrixUtils.createRealMatrix(information);
        double smallest = Double.POSITIVE_INFINITY;
        for (double e : new EigenDecompositionSymmetric(ie).getEigenvalues()) {
            smallest = Math.min(smallest, Math.abs(e));
        }
        RealMatrix inverse = smallest > SINGULAR_INFORMATION ? MatrixUtils.inverse(ie) : new SingularValueDecomposition(ie).getSolver().getInverse();
        RealMatrix w = symmetricUpper(inverse.scalarMultiply(2));
        RealMatrix uu = new Array2DRowRealMatrix(phi.getRowDimension(), phi.getColumnDimension());
        for (int i = 0; i < m - 1; i++) {
            for (int j = i + 1; j < m; j++) {
                uu = uu.add(qq[i][j].subtract(pp[i].multiply(phi).multiply(pp[j])).scalarMultiply(w.getEntry(i, j)));
            }
        }
        uu = uu.add(uu.transpose());
        for (int i = 0; i < m; i++) {
            uu = uu.add(qq[i][i].subtract(pp[i].multiply(phi).multiply(pp[i])).scalarMultiply(w.getEntry(i, i)));
        }
        RealMatrix adjusted = phi.add(phi.multiply(uu).multiply(phi).scalarMultiply(2));
        return new KenwardRoger(phi, adjusted, pp, w);
    }

    /** Matrix's forceSymmetric: the upper triangle mirrored. */
    private static RealMatrix symmetricUpper(RealMatrix a) {
        RealMatrix s = a.copy();
        for (int i = 0; i < a.getRowDimension(); i++) {
            for (int j = 0; j < i; j++) {
                s.setEntry(i, j, a.getEntry(j, i));
            }
        }
        return s;
    }

    /** tr(AB) = Σ A_ab B_ba. */
    private static double traceOfProduct(RealMatrix a, RealMatrix b) {
        return elementwise(a, b.transpose());
    }

    /** Σ A_ab B_ab. */
    private static double elementwise(RealMatrix a, RealMatrix b) {
        double s = 0;
        for (int i = 0; i < a.getRowDimension(); i++) {
            for (int j = 0; j < a.getColumnDimension(); j++) {
                s += a.getEntry(i, j) * b.getEntry(i, j);
            }
        }
        return s;
    }

    /** The adjusted covariance Φ_A (pbkrtest's vcovAdj): the standard errors Kenward–Roger reports. */
    @Override
    public double[][] covariance() {
        return adjusted.getData();
    }

    /** The unadjusted covariance Φ = (X'Σ̂⁻¹X)⁻¹ (lme4's vcov). */
    public double[][] unadjustedCovariance() {
        return phi.getData();
    }

    @Override
    public double df(double[] l) {
        return statistics(MatrixUtils.createRealMatrix(new double[][] {l}), 1)[0];
    }

    /** {df2, F scaling} for the hypothesis L (q its rank): pbkrtest's Lb_ddf and .KR_adjust. */
    private double[] statistics(RealMatrix l, int q) {
        RealMatrix lt = l.transpose();
        RealMatrix theta = lt.multiply(MatrixUtils.inverse(l.multiply(phi).multiply(lt))).multiply(l);
        RealMatrix thetaPhi = theta.multiply(phi);
        double a1 = 0;
        double a2 = 0;
        int m = p.length;
        RealMatrix[] u = new RealMatrix[m];
        for (int i = 0; i < m; i++) {
            u[i] = thetaPhi.multiply(p[i]).multiply(phi);
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double e = i == j ? 1 : 2;
                a1 += e * w.getEntry(i, j) * u[i].getTrace() * u[j].getTrace();
                a2 += e * w.getEntry(i, j) * traceOfProduct(u[i], u[j]);
            }
        }
        double b = (a1 + 6 * a2) / (2 * q);
        double g = ((q + 1) * a1 - (q + 4) * a2) / ((q + 2) * a2);
        double c1 = g / (3 * q + 2 * (1 - g));
        double c2 = (q - g) / (3 * q + 2 * (1 - g));
        double c3 = (q + 2 - g) / (3 * q + 2 * (1 - g));
        double v0 = 1 + c1 * b;
        if (Math.abs(v0) < 1e-10) {
            v0 = 0;
        }
        double v1 = 1 - c2 * b;
        double v2 = 1 - c3 * b;
        double ratio = Math.abs(1 - a2 / q) < 1e-14 && Math.abs(v1) < 1e-14 ? 1 : (1 - a2 / q) / v1; // pbkrtest's .divZero
        double rho = ratio * ratio * v0 / v2 / q;
        double df2 = 4 + (q + 2) / (q * rho - 1);
        double scaling = Math.abs(df2 - 2) < 0.01 ? 1 : df2 * (1 - a2 / q) / (df2 - 2);
        return new double[] {df2, scaling};
    }

    @Override
    public FTest fTest(double[][] l, double[] beta) {
        if (l.length == 0) {
            return FTest.missing();
        }
        RealMatrix lm = MatrixUtils.createRealMatrix(l);
        int q = new SingularValueDecomposition(lm).getRank();
        double[] stats = statistics(lm, q);
        double[] lb = lm.operate(beta);
        double wald = 0;
        double[] solved = MatrixUtils.inverse(lm.multiply(adjusted).multiply(lm.transpose())).operate(lb);
        for (int i = 0; i < lb.length; i++) {
            wald += lb[i] * solved[i];
        }
        double f = stats[1] * wald / q;
        return new FTest(q, stats[0], f, DenseAlgebra.upperF(f, q, stats[0]), stats[1]);
    }
}
