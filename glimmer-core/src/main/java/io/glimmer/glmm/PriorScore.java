package io.glimmer.glmm;

import io.glimmer.linalg.SmallBlocks;

/**
 * The random effects' part of the complete-data log-likelihood for one term as a function of its λ:
 * f(λ; S) = −J log|λ| − ½ tr(λ⁻¹ S λ⁻ᵀ), S = Σ_j u_j u_j' over the J levels (the 2π constant left out).
 * Linear in S, so its mean over draws is f at the mean S. Derivatives are in θ's order (λ's lower
 * triangle column by column): ∂f/∂λ_rc = A_cr with A = −J M + M S Mᵀ M, M = λ⁻¹.
 */
final class PriorScore {
    private PriorScore() {
    }

    /** S = Σ_j u_j u_j' (q × q, row-major) of one term's effects. */
    static double[] crossProduct(double[] u, int q) {
        double[] s = new double[q * q];
        for (int j = 0; j < u.length / q; j++) {
            for (int a = 0; a < q; a++) {
                for (int c = 0; c < q; c++) {
                    s[a * q + c] += u[j * q + a] * u[j * q + c];
                }
            }
        }
        return s;
    }

    static double value(double[] lambda, int q, int levels, double[] s) {
        double logDet = 0;
        for (int a = 0; a < q; a++) {
            logDet += Math.log(lambda[a * q + a]);
        }
        double trace = 0; // tr(M S Mᵀ), M = λ⁻¹
        double[] m = inverse(lambda, q);
        for (int a = 0; a < q; a++) {
            for (int c = 0; c < q; c++) {
                for (int e = 0; e < q; e++) {
                    trace += m[a * q + c] * s[c * q + e] * m[a * q + e];
                }
            }
        }
        return -levels * logDet - trace / 2;
    }

    /** ∂f/∂θ for this term's θ entries, written to out[offset …]. */
    static void gradient(double[] lambda, int q, int levels, double[] s, double[] out, int offset) {
        double[] m = inverse(lambda, q);
        double[] msm = multiply(multiply(m, s, q, false), m, q, true); // M S Mᵀ
        double[] a = multiply(msm, m, q, false);
        int i = offset;
        for (int col = 0; col < q; col++) {
            for (int row = col; row < q; row++) {
                out[i++] = -levels * m[col * q + row] + a[col * q + row];
            }
        }
    }

    /** ∂²f/∂θ∂θ' (size × size, row-major) by central differences of the gradient. */
    static double[] hessian(double[] lambda, int q, int levels, double[] s) {
        int size = q * (q + 1) / 2;
        double[] h = new double[size * size];
        double[] up = new double[size];
        double[] down = new double[size];
        int i = 0;
        for (int col = 0; col < q; col++) {
            for (int row = col; row < q; row++) {
                double[] l = lambda.clone();
                double step = 1e-5 * Math.max(1, Math.abs(lambda[row * q + col]));
                l[row * q + col] = lambda[row * q + col] + step;
                gradient(l, q, levels, s, up, 0);
                l[row * q + col] = lambda[row * q + col] - step;
                gradient(l, q, levels, s, down, 0);
                for (int c = 0; c < size; c++) {
                    h[i * size + c] = (up[c] - down[c]) / (2 * step);
                }
                i++;
            }
        }
        for (int a = 0; a < size; a++) {
            for (int c = 0; c < a; c++) {
                double mean = (h[a * size + c] + h[c * size + a]) / 2;
                h[a * size + c] = mean;
                h[c * size + a] = mean;
            }
        }
        return h;
    }

    /** λ⁻¹ of a lower-triangular q × q λ (row-major), column by column. */
    private static double[] inverse(double[] lambda, int q) {
        double[] m = new double[q * q];
        double[] e = new double[q];
        for (int c = 0; c < q; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            SmallBlocks.solveLower(lambda, 0, q, e, 0);
            for (int r = 0; r < q; r++) {
                m[r * q + c] = e[r];
            }
        }
        return m;
    }

    /** A B, or A Bᵀ when {@code transposeB}. */
    private static double[] multiply(double[] a, double[] b, int q, boolean transposeB) {
        double[] out = new double[q * q];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                double s = 0;
                for (int e = 0; e < q; e++) {
                    s += a[r * q + e] * (transposeB ? b[c * q + e] : b[e * q + c]);
                }
                out[r * q + c] = s;
            }
        }
        return out;
    }
}
