package io.glimmer.ddf;

import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.optim.RichardsonDerivatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * lmerTest's Satterthwaite degrees of freedom. The variance parameters are v = (θ, σ); their
 * asymptotic covariance A is 2H⁻¹, H the Hessian of the REML criterion or ML deviance at v̂ with
 * neither profiled out ({@link LinearMixedModel#criterion}); Jᵢ = ∂cov(β̂)/∂vᵢ. A contrast l'β with
 * variance s² = l'cov(β̂)l has ν = 2s⁴ / (g'Ag), gᵢ = l'Jᵢl. Both derivatives are numDeriv's
 * Richardson differences, as lmerTest takes them.
 */
public final class Satterthwaite implements ContrastTests {
    /** lmerTest's tolerance for the Hessian's eigenvalues: those below are left out of its inverse. */
    private static final double HESSIAN_TOLERANCE = 1e-8;
    /** contestMD's eps: eigenvalues of L cov(β̂) L' below eps × the largest make a row not estimable. */
    private static final double RANK_TOLERANCE = Math.sqrt(Math.ulp(1.0));
    /** get_Fstat_ddf's tol: ν's this close are averaged instead of combined. */
    private static final double EQUAL_DF = 1e-8;

    private final double[][] covariance;
    private final double[][][] jacobian;
    private final double[][] parameterCovariance;
    private final List<String> warnings;

    private Satterthwaite(double[][] covariance, double[][][] jacobian, double[][] parameterCovariance, List<String> warnings) {
        this.covariance = covariance;
        this.jacobian = jacobian;
        this.parameterCovariance = parameterCovariance;
        this.warnings = List.copyOf(warnings);
    }

    /** At the estimates θ̂ and σ̂ of the model (REML or ML, as the model was made). */
    public static Satterthwaite of(LinearMixedModel model, double[] theta, double sigma) {
        int k = theta.length;
        double[] v = new double[k + 1];
        System.arraycopy(theta, 0, v, 0, k);
        v[k] = sigma;
        double[][] h = RichardsonDerivatives.hessian(x -> model.criterion(head(x), x[k]), v);
        double[][] a = DenseAlgebra.positivePartInverse(h, HESSIAN_TOLERANCE);
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 2;
            }
        }
        double[][] columns = RichardsonDerivatives.jacobian(x -> flatten(model.fixedEffectsCovariance(head(x), x[k])), v);
        double[][] cov = model.fixedEffectsCovariance(theta, sigma);
        int p = cov.length;
        double[][][] jac = new double[k + 1][p][p];
        for (int i = 0; i <= k; i++) {
            for (int r = 0; r < p; r++) {
                System.arraycopy(columns[i], r * p, jac[i][r], 0, p);
            }
        }
        return new Satterthwaite(cov, jac, a, hessianWarnings(h));
    }

    /** lmerTest's warnings when the Hessian has negative or nearly zero eigenvalues (left out of its inverse). */
    private static List<String> hessianWarnings(double[][] h) {
        List<String> out = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        List<String> zero = new ArrayList<>();
        for (double e : new EigenDecompositionSymmetric(DenseAlgebra.matrix(h)).getEigenvalues()) {
            if (e < -HESSIAN_TOLERANCE) {
                negative.add(String.format(Locale.ROOT, "%.1e", e));
            } else if (e <= HESSIAN_TOLERANCE) {
                zero.add(String.format(Locale.ROOT, "%.1e", e));
            }
        }
        if (!negative.isEmpty()) {
            out.add("Satterthwaite: the Hessian of the variance parameters has " + negative.size() + " negative eigenvalue(s) ("
                    + String.join(" ", negative) + "), left out of its inverse: the model may not have converged");
        }
        if (!zero.isEmpty()) {
            out.add("Satterthwaite: the Hessian of the variance parameters has " + zero.size() + " eigenvalue(s) close to zero ("
                    + String.join(" ", zero) + "), left out of its inverse");
        }
        return out;
    }

    private static double[] head(double[] x) {
        double[] t = new double[x.length - 1];
        System.arraycopy(x, 0, t, 0, t.length);
        return t;
    }

    private static double[] flatten(double[][] m) {
        int p = m.length;
        double[] f = new double[p * p];
        for (int r = 0; r < p; r++) {
            System.arraycopy(m[r], 0, f, r * p, p);
        }
        return f;
    }

    /** What lmerTest warns about the Hessian of the variance parameters, if anything. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    @Override
    public double df(double[] l) {
        double variance = DenseAlgebra.quadraticForm(l, covariance);
        return 2 * variance * variance / DenseAlgebra.quadraticForm(gradient(l), parameterCovariance);
    }

    /** gᵢ = l'Jᵢl: the gradient of the contrast's variance in the variance parameters. */
    private double[] gradient(double[] l) {
        double[] g = new double[jacobian.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = DenseAlgebra.quadraticForm(l, jacobian[i]);
        }
        return g;
    }

    @Override
    public FTest fTest(double[][] l, double[] beta) {
        if (l.length == 0) {
            return FTest.missing();
        }
        if (l.length == 1) {
            return oneRow(l[0], beta);
        }
        int rows = l.length;
        double[][] vl = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                vl[i][j] = bilinear(l[i], covariance, l[j]);
            }
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(DenseAlgebra.matrix(vl));
        double[] d = e.getEigenvalues(); // decreasing
        double tolerance = Math.max(RANK_TOLERANCE * d[0], 0);
        int q = 0;
        while (q < rows && d[q] > tolerance) {
            q++;
        }
        if (q == 0) {
            return FTest.missing();
        }
        double[][] ptl = new double[q][];
        for (int m = 0; m < q; m++) {
            double[] vec = e.getEigenvector(m).toArray();
            double[] row = new double[beta.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += vec[i] * l[i][j];
                }
            }
            ptl[m] = row;
        }
        if (q == 1) {
            return oneRow(ptl[0], beta);
        }
        double f = 0;
        double[] nu = new double[q];
        for (int m = 0; m < q; m++) {
            double c = dot(ptl[m], beta);
            f += c * c / d[m];
            nu[m] = 2 * d[m] * d[m] / DenseAlgebra.quadraticForm(gradient(ptl[m]), parameterCovariance);
        }
        f /= q;
        double ddf = combined(nu);
        return new FTest(q, ddf, f, DenseAlgebra.upperF(f, q, ddf), 1);
    }

    /** One contrast: F = t², the t test's Satterthwaite degrees of freedom. */
    private FTest oneRow(double[] l, double[] beta) {
        double t = dot(l, beta) / Math.sqrt(DenseAlgebra.quadraticForm(l, covariance));
        double ddf = df(l);
        return new FTest(1, ddf, t * t, DenseAlgebra.upperF(t * t, 1, ddf), 1);
    }

    /** get_Fstat_ddf: the F statistic's df from those of its q independent t² parts (matching the mean of F). */
    static double combined(double[] nu) {
        if (nu.length == 1) {
            return nu[0];
        }
        boolean equal = true;
        double mean = 0;
        for (int m = 0; m < nu.length; m++) {
            equal &= m == 0 || Math.abs(nu[m] - nu[m - 1]) < EQUAL_DF;
            mean += nu[m] / nu.length;
        }
        if (equal) {
            return mean;
        }
        double e = 0;
        for (double v : nu) {
            if (v <= 2) {
                return 2;
            }
            e += v / (v - 2);
        }
        return 2 * e / (e - nu.length);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double bilinear(double[] a, double[][] m, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += a[i] * m[i][j] * b[j];
            }
        }
        return s;
    }
}
