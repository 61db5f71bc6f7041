package io.glimmer.predict;

import io.glimmer.linalg.BlockSparse;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.SmallBlocks;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Conditional variances of the random effects given the data at the estimates, as lme4's
 * {@code ranef(fit, condVar = TRUE)}: the diagonal of s² Λ (Λ'Z'WZΛ + I)⁻¹ Λ' within each level's
 * block, on the scale of u. W is the prior weights of a linear model or the PIRLS weights at the
 * mode of a GLMM; s² is σ² or the GLMM's dispersion (1 for binomial and Poisson).
 *
 * <p>Exact for any number of terms: with A = Λ'Z'WZΛ + I split into the first term's block-diagonal
 * part A₁₁ and the rest, the diagonal blocks of A⁻¹ are those of the Schur complement's inverse S⁻¹
 * (S = A₂₂ − A₂₁A₁₁⁻¹A₁₂) for the later terms, and A₁₁⁻¹ + G S⁻¹ G' with G = A₁₁⁻¹A₁₂ for the first.
 * The dense part is the size of the blocked factor's dense part, so the cost is that of one more
 * factorisation.
 */
public final class ConditionalVariances {
    private ConditionalVariances() {
    }

    /**
     * @param cp      the weighted cross-products the fit was factored from
     * @param lambdas relative covariance factors λ_k (q_k × q_k lower, row-major) at θ̂
     * @param scale2  σ² (linear model) or the dispersion (GLMM)
     * @return per term, levels·q conditional variances (level-major), like the modes
     */
    public static double[][] of(CrossProducts cp, double[][] lambdas, double scale2) {
        int k = cp.termCount();
        double[][][] blocks = new double[k][][]; // [term][level] q×q block of A⁻¹
        double[][] firstInverse = firstTermInverses(cp, lambdas[0]);
        if (k == 1) {
            blocks[0] = firstInverse;
        } else {
            withLaterTerms(cp, lambdas, firstInverse, blocks);
        }
        double[][] out = new double[k][];
        for (int t = 0; t < k; t++) {
            int q = cp.term(t).q();
            int levels = cp.term(t).levels();
            out[t] = new double[levels * q];
            for (int l = 0; l < levels; l++) {
                double[] v = blocks[t][l];
                for (int a = 0; a < q; a++) { // (λ V λ')_aa
                    double s = 0;
                    for (int x = 0; x <= a; x++) {
                        for (int y = 0; y <= a; y++) {
                            s += lambdas[t][a * q + x] * v[x * q + y] * lambdas[t][a * q + y];
                        }
                    }
                    out[t][l * q + a] = scale2 * s;
                }
            }
        }
        return out;
    }

    /** (λ₀' D_l λ₀ + I)⁻¹ for every level l of the first term. */
    private static double[][] firstTermInverses(CrossProducts cp, double[] lambda) {
        int q = cp.term(0).q();
        int levels = cp.term(0).levels();
        double[] d = cp.diagonal(0).values();
        double[][] inv = new double[levels][];
        double[] a = new double[q * q];
        double[] tmp = new double[q * q];
        for (int l = 0; l < levels; l++) {
            SmallBlocks.scale(lambda, q, d, l * q * q, lambda, q, a, 0, tmp);
            for (int i = 0; i < q; i++) {
                a[i * q + i] += 1;
            }
            inv[l] = inverse(a, q);
        }
        return inv;
    }

    private static double[] inverse(double[] a, int q) {
        DMatrixRMaj m = new DMatrixRMaj(q, q, true, a);
        DMatrixRMaj inv = new DMatrixRMaj(q, q);
        if (!CommonOps_DDRM.invertSPD(m, inv)) {
            throw new IllegalStateException("the penalised random-effects system is not positive definite");
        }
        return inv.data.clone();
    }

    private static void withLaterTerms(CrossProducts cp, double[][] lambdas, double[][] firstInverse, double[][][] blocks) {
        int k = cp.termCount();
        int q0 = cp.term(0).q();
        int[] offset = new int[k + 1];
        for (int t = 1; t < k; t++) {
            offset[t + 1] = offset[t] + cp.term(t).columns();
        }
        int m = offset[k];
        DMatrixRMaj s = new DMatrixRMaj(m, m);
        // A₂₂: diagonal blocks λ' D λ + I, and the crossed blocks between later terms
        for (int t = 1; t < k; t++) {
            int q = cp.term(t).q();
            double[] d = cp.diagonal(t).values();
            double[] block = new double[q * q];
            double[] tmp = new double[q * q];
            for (int l = 0; l < cp.term(t).levels(); l++) {
                SmallBlocks.scale(lambdas[t], q, d, l * q * q, lambdas[t], q, block, 0, tmp);
                int base = offset[t] + l * q;
                for (int x = 0; x < q; x++) {
                    for (int y = 0; y < q; y++) {
                        s.data[(base + x) * m + base + y] = block[x * q + y] + (x == y ? 1 : 0);
                    }
                }
            }
            for (int j = 1; j < t; j++) {
                BlockSparse b = cp.offDiagonal(t, j);
                int rowBase = offset[t];
                int colBase = offset[j];
                forEachScaled(b, lambdas[t], lambdas[j], (r, c, v) -> {
                    int qi = b.qr();
                    int qj = b.qc();
                    for (int x = 0; x < qi; x++) {
                        for (int y = 0; y < qj; y++) {
                            int row = rowBase + r * qi + x;
                            int col = colBase + c * qj + y;
                            s.data[row * m + col] = v[x * qj + y];
                            s.data[col * m + row] = v[x * qj + y];
                        }
                    }
                });
            }
        }
        // A₂₁ by first-term level: the later-term rows each level touches, with their λ-scaled blocks
        int levels0 = cp.term(0).levels();
        java.util.List<java.util.List<int[]>> rowsOf = new java.util.ArrayList<>();
        java.util.List<java.util.List<double[]>> blocksOf = new java.util.ArrayList<>();
        for (int l = 0; l < levels0; l++) {
            rowsOf.add(new java.util.ArrayList<>());
            blocksOf.add(new java.util.ArrayList<>());
        }
        for (int t = 1; t < k; t++) {
            BlockSparse b = cp.offDiagonal(t, 0);
            int term = t;
            forEachScaled(b, lambdas[t], lambdas[0], (r, c, v) -> {
                rowsOf.get(c).add(new int[]{offset[term] + r * b.qr(), b.qr()});
                blocksOf.get(c).add(v.clone());
            });
        }
        // S = A₂₂ − Σ_l A₂₁[:, l] A₁₁,l⁻¹ A₁₂[l, :]; G_l = A₁₁,l⁻¹ A₁₂[l, :] kept for later
        double[][][] g = new double[levels0][][];
        for (int l = 0; l < levels0; l++) {
            int n = rowsOf.get(l).size();
            g[l] = new double[n][];
            for (int x = 0; x < n; x++) {
                int qx = rowsOf.get(l).get(x)[1];
                g[l][x] = times(firstInverse[l], q0, blocksOf.get(l).get(x), qx); // q0 × qx
            }
            for (int x = 0; x < n; x++) {
                int[] rx = rowsOf.get(l).get(x);
                double[] bx = blocksOf.get(l).get(x); // qx × q0
                for (int y = 0; y < n; y++) {
                    int[] ry = rowsOf.get(l).get(y);
                    double[] gy = g[l][y]; // q0 × qy
                    for (int a = 0; a < rx[1]; a++) {
                        for (int b = 0; b < ry[1]; b++) {
                            double v = 0;
                            for (int c = 0; c < q0; c++) {
                                v += bx[a * q0 + c] * gy[c * ry[1] + b];
                            }
                            s.data[(rx[0] + a) * m + ry[0] + b] -= v;
                        }
                    }
                }
            }
        }
        DMatrixRMaj sInverse = new DMatrixRMaj(m, m);
        if (!CommonOps_DDRM.invertSPD(s, sInverse)) {
            throw new IllegalStateException("the Schur complement of the random-effects system is not positive definite");
        }
        for (int t = 1; t < k; t++) {
            int q = cp.term(t).q();
            blocks[t] = new double[cp.term(t).levels()][];
            for (int l = 0; l < cp.term(t).levels(); l++) {
                double[] v = new double[q * q];
                int base = offset[t] + l * q;
                for (int x = 0; x < q; x++) {
                    for (int y = 0; y < q; y++) {
                        v[x * q + y] = sInverse.data[(base + x) * m + base + y];
                    }
                }
                blocks[t][l] = v;
            }
        }
        blocks[0] = new double[levels0][];
        for (int l = 0; l < levels0; l++) {
            double[] v = firstInverse[l].clone();
            int n = rowsOf.get(l).size();
            for (int x = 0; x < n; x++) {
                int[] rx = rowsOf.get(l).get(x);
                for (int y = 0; y < n; y++) {
                    int[] ry = rowsOf.get(l).get(y);
                    for (int a = 0; a < q0; a++) {
                        for (int b = 0; b < q0; b++) {
                            double sum = 0;
                            for (int c = 0; c < rx[1]; c++) {
                                double gc = g[l][x][a * rx[1] + c];
                                for (int d = 0; d < ry[1]; d++) {
                                    sum += gc * sInverse.data[(rx[0] + c) * m + ry[0] + d] * g[l][y][b * ry[1] + d];
                                }
                            }
                            v[a * q0 + b] += sum;
                        }
                    }
                }
            }
            blocks[0][l] = v;
        }
    }

    /** inv (q0 × q0) times the transpose of b (qx × q0): a q0 × qx block. */
    private static double[] times(double[] inv, int q0, double[] b, int qx) {
        double[] out = new double[q0 * qx];
        for (int a = 0; a < q0; a++) {
            for (int x = 0; x < qx; x++) {
                double s = 0;
                for (int c = 0; c < q0; c++) {
                    s += inv[a * q0 + c] * b[x * q0 + c];
                }
                out[a * qx + x] = s;
            }
        }
        return out;
    }

    private interface BlockVisitor {
        void visit(int blockRow, int blockCol, double[] scaled);
    }

    /** Every stored block B of Z_i'WZ_j, as λ_i' B λ_j. */
    private static void forEachScaled(BlockSparse b, double[] li, double[] lj, BlockVisitor visitor) {
        int qi = b.qr();
        int qj = b.qc();
        double[] scaled = new double[qi * qj];
        double[] tmp = new double[qi * qj];
        for (int c = 0; c < b.blockCols(); c++) {
            for (int p = b.colStart()[c]; p < b.colStart()[c + 1]; p++) {
                SmallBlocks.scale(li, qi, b.values(), p * qi * qj, lj, qj, scaled, 0, tmp);
                visitor.visit(b.rowIndex()[p], c, scaled);
            }
        }
    }
}
