package io.glimmer.lmm;

import io.glimmer.design.RandomEffectsTerm;

import java.util.List;

/**
 * The map from the covariance parameters θ to the relative covariance factors Λ(θ): for each
 * random-effects term a q × q lower-triangular λ whose lower triangle, column by column, is the
 * term's slice of θ (lme4's layout). Diagonal elements are bounded below by zero.
 */
public final class CovarianceStructure {
    /** lme4's threshold for calling a fit singular: a diagonal θ below it is on the boundary. */
    public static final double SINGULAR_TOLERANCE = 1e-4;

    private final int[] q;
    private final int[] offset;
    private final int size;

    public CovarianceStructure(List<RandomEffectsTerm> terms) {
        q = new int[terms.size()];
        offset = new int[terms.size()];
        int s = 0;
        for (int k = 0; k < terms.size(); k++) {
            q[k] = terms.get(k).q();
            offset[k] = s;
            s += terms.get(k).thetaCount();
        }
        size = s;
    }

    public int size() {
        return size;
    }

    public int terms() {
        return q.length;
    }

    /** lme4's start: identity factors (1 on the diagonal, 0 off it). */
    public double[] start() {
        double[] t = new double[size];
        for (int k = 0; k < q.length; k++) {
            int i = offset[k];
            for (int col = 0; col < q[k]; col++) {
                for (int row = col; row < q[k]; row++) {
                    t[i++] = row == col ? 1 : 0;
                }
            }
        }
        return t;
    }

    public double[] lower() {
        double[] lo = new double[size];
        for (int i = 0; i < size; i++) {
            lo[i] = isDiagonal(i) ? 0 : Double.NEGATIVE_INFINITY;
        }
        return lo;
    }

    public double[] upper() {
        double[] up = new double[size];
        java.util.Arrays.fill(up, Double.POSITIVE_INFINITY);
        return up;
    }

    /** Whether θ_i is a diagonal element of its λ (and so bounded below by zero). */
    public boolean isDiagonal(int i) {
        for (int k = 0; k < q.length; k++) {
            if (i >= offset[k] && i < offset[k] + q[k] * (q[k] + 1) / 2) {
                int j = i - offset[k];
                for (int col = 0; col < q[k]; col++) {
                    int len = q[k] - col;
                    if (j < len) {
                        return j == 0;
                    }
                    j -= len;
                }
            }
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** Fills λ_k (row-major q × q) from θ; {@code out} is reused between evaluations. */
    public void lambdas(double[] theta, double[][] out) {
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            double[] l = out[k];
            java.util.Arrays.fill(l, 0);
            int i = offset[k];
            for (int col = 0; col < qk; col++) {
                for (int row = col; row < qk; row++) {
                    l[row * qk + col] = theta[i++];
                }
            }
        }
    }

    /** θ from the factors λ_k (row-major lower triangular): the inverse of {@link #lambdas}. */
    public double[] theta(double[][] lambdas) {
        double[] theta = new double[size];
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            int i = offset[k];
            for (int col = 0; col < qk; col++) {
                for (int row = col; row < qk; row++) {
                    theta[i++] = lambdas[k][row * qk + col];
                }
            }
        }
        return theta;
    }

    public double[][] newLambdas() {
        double[][] out = new double[q.length][];
        for (int k = 0; k < q.length; k++) {
            out[k] = new double[q[k] * q[k]];
        }
        return out;
    }

    /** True when some diagonal θ is (numerically) zero: a variance on its boundary. */
    public boolean singular(double[] theta) {
        for (int i = 0; i < size; i++) {
            if (isDiagonal(i) && theta[i] < SINGULAR_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    /** The covariance of term k's effects, scale² λλ'. */
    public double[][] covariance(double[] theta, int k, double scale2) {
        double[][] l = newLambdas();
        lambdas(theta, l);
        int qk = q[k];
        double[][] cov = new double[qk][qk];
        for (int a = 0; a < qk; a++) {
            for (int b = 0; b < qk; b++) {
                double s = 0;
                for (int t = 0; t < qk; t++) {
                    s += l[k][a * qk + t] * l[k][b * qk + t];
                }
                cov[a][b] = scale2 * s;
            }
        }
        return cov;
    }
}
