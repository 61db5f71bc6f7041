package io.glimmer.linalg;

import java.util.Arrays;

/**
 * The diagonal q × q blocks of A⁻¹ for the random-effects part A = Λ'Z'WZΛ + I of a factored
 * {@link BlockedCholesky}, read from the factor L rather than by inverting A again.
 * <p>
 * Split L into the first term's block-diagonal L₁₁, its block-sparse column L₂₁ and the dense
 * rest L₂₂ (the later terms). Then (A⁻¹)₂₂ = S⁻¹ = X'X with X = L₂₂⁻¹, and the first term's block
 * of level l is L₁₁,ₗ⁻ᵀ (I + L₂₁[:, l]' S⁻¹ L₂₁[:, l]) L₁₁,ₗ⁻¹, which needs S⁻¹ only where the
 * level's column of L₂₁ has blocks. The dense work is m³/3 for X and m³/3 for X'X (m = columns of
 * the later terms), in the same vectorised kernels as the factorisation; nothing when there is one term.
 */
public final class SelectedInverse {
    /** Columns of X computed together (one vector per row of L₂₂). */
    private static final int CHUNK = 64;

    private SelectedInverse() {
    }

    /** [term][level] the q × q block of A⁻¹ (row-major), at the factor's last {@link BlockedCholesky#factor}. */
    public static double[][][] diagonalBlocks(BlockedCholesky f) {
        return new Parts(f).diagonalBlocks();
    }

    /**
     * [group][level] the Q × Q block of A⁻¹ (row-major) of one level of several terms on the same
     * grouping factor, Q the sum of their q, in the order the terms are listed: the diagonal blocks
     * of {@link #diagonalBlocks} and the covariances between the terms at the same level.
     *
     * @param groups per group, the indices of its terms; the terms of a group have the same levels
     */
    public static double[][][] levelBlocks(BlockedCholesky f, int[][] groups) {
        Parts parts = new Parts(f);
        double[][][] diagonal = parts.diagonalBlocks();
        CrossProducts cp = f.crossProducts();
        double[][][] out = new double[groups.length][][];
        for (int g = 0; g < groups.length; g++) {
            int[] ts = groups[g];
            int[] start = starts(f, ts);
            int size = start[ts.length];
            int levels = cp.term(ts[0]).levels();
            out[g] = new double[levels][size * size];
            for (int l = 0; l < levels; l++) {
                double[] v = out[g][l];
                for (int i = 0; i < ts.length; i++) {
                    int qi = cp.term(ts[i]).q();
                    put(v, size, start[i], start[i], diagonal[ts[i]][l], qi, qi, false);
                    for (int j = 0; j < i; j++) {
                        int qj = cp.term(ts[j]).q();
                        double[] c = parts.between(ts[i], ts[j], l); // qi × qj
                        put(v, size, start[i], start[j], c, qi, qj, false);
                        put(v, size, start[j], start[i], c, qi, qj, true);
                    }
                }
            }
        }
        return out;
    }

    /** Where each of the terms' effects start in their joint block, and (last) its size. */
    public static int[] starts(BlockedCholesky f, int[] terms) {
        int[] start = new int[terms.length + 1];
        for (int i = 0; i < terms.length; i++) {
            start[i + 1] = start[i] + f.crossProducts().term(terms[i]).q();
        }
        return start;
    }

    /** Writes the r × c block b (or its transpose) into the size × size matrix v at (row0, col0). */
    private static void put(double[] v, int size, int row0, int col0, double[] b, int r, int c, boolean transpose) {
        for (int a = 0; a < r; a++) {
            for (int d = 0; d < c; d++) {
                if (transpose) {
                    v[(row0 + d) * size + col0 + a] = b[a * c + d];
                } else {
                    v[(row0 + a) * size + col0 + d] = b[a * c + d];
                }
            }
        }
    }

    /** S⁻¹ of the later terms and where each term starts in it, computed once per factor. */
    private static final class Parts {
        final BlockedCholesky f;
        final int[] offset; // column offsets of terms 1.. within L₂₂
        final int m;
        final double[] sInverse; // m × m, both triangles

        Parts(BlockedCholesky f) {
            this.f = f;
            CrossProducts cp = f.crossProducts();
            int k = cp.termCount();
            offset = new int[k + 1];
            for (int t = 1; t < k; t++) {
                offset[t + 1] = offset[t] + cp.term(t).columns();
            }
            m = k == 0 ? 0 : offset[k];
            sInverse = m == 0 ? new double[0] : schurInverse(f, offset, m);
            for (int r = 0; r < m; r++) { // mirror the lower triangle: rows are read whole below
                for (int c = r + 1; c < m; c++) {
                    sInverse[r * m + c] = sInverse[c * m + r];
                }
            }
        }

        double[][][] diagonalBlocks() {
            CrossProducts cp = f.crossProducts();
            int k = cp.termCount();
            double[][][] blocks = new double[k][][];
            if (k == 0) {
                return blocks;
            }
            for (int t = 1; t < k; t++) {
                int q = cp.term(t).q();
                blocks[t] = new double[cp.term(t).levels()][];
                for (int l = 0; l < blocks[t].length; l++) {
                    blocks[t][l] = between(t, t, l);
                }
            }
            blocks[0] = firstTerm(f, offset, m, sInverse);
            return blocks;
        }

        /**
         * The qt × qu block of A⁻¹ between level l of term t and level l of term u (t ≥ 1). For two
         * later terms it is read from S⁻¹; against the first term it is −S⁻¹ L₂₁[:, l] L₁₁,ₗ⁻¹, the
         * lower-left block of A⁻¹ = L⁻ᵀL⁻¹, which needs S⁻¹ only where L₂₁'s column l has blocks.
         */
        double[] between(int t, int u, int l) {
            CrossProducts cp = f.crossProducts();
            int qt = cp.term(t).q();
            int qu = cp.term(u).q();
            double[] out = new double[qt * qu];
            int rowBase = offset[t] + l * qt;
            if (u != 0) {
                int colBase = offset[u] + l * qu;
                for (int a = 0; a < qt; a++) {
                    for (int b = 0; b < qu; b++) {
                        out[a * qu + b] = sInverse[(rowBase + a) * m + colBase + b];
                    }
                }
                return out;
            }
            double[] sb = new double[qt * qu]; // Σ S⁻¹_(t,l),ρ B_ρ over the blocks of column l
            for (int i = 1; i < cp.termCount(); i++) {
                BlockSparse bi = f.firstColumn(i);
                int qi = bi.qr();
                double[] vi = bi.values();
                for (int x = bi.colStart()[l]; x < bi.colStart()[l + 1]; x++) {
                    int rho = offset[i] + bi.rowIndex()[x] * qi;
                    for (int a = 0; a < qt; a++) {
                        for (int c = 0; c < qi; c++) {
                            double s = sInverse[(rowBase + a) * m + rho + c];
                            for (int d = 0; d < qu; d++) {
                                sb[a * qu + d] += s * vi[(x * qi + c) * qu + d];
                            }
                        }
                    }
                }
            }
            double[] lInv = new double[qu * qu];
            lowerInverse(f.firstBlock().values(), l * qu * qu, qu, lInv);
            for (int a = 0; a < qt; a++) {
                for (int b = 0; b < qu; b++) {
                    double s = 0;
                    for (int d = b; d < qu; d++) {
                        s += sb[a * qu + d] * lInv[d * qu + b];
                    }
                    out[a * qu + b] = -s;
                }
            }
            return out;
        }
    }

    private static double symmetric(double[] lower, int m, int r, int c) {
        return r >= c ? lower[r * m + c] : lower[c * m + r];
    }

    /** S⁻¹ = X'X with X = L₂₂⁻¹: the lower triangle of an m × m row-major array. */
    private static double[] schurInverse(BlockedCholesky f, int[] offset, int m) {
        int k = offset.length - 1;
        if (k == 2) { // one later term: its diagonal block is all of L₂₂
            return schurInverse(f.diagonalBlock(1).data, m);
        }
        double[] l = new double[m * m];
        for (int j = 1; j < k; j++) {
            copy(f.diagonalBlock(j).data, f.diagonalBlock(j).numCols, l, m, offset[j], offset[j]);
            for (int i = j + 1; i < k; i++) {
                copy(f.betweenBlock(i, j).data, f.betweenBlock(i, j).numCols, l, m, offset[i], offset[j]);
            }
        }
        return schurInverse(l, m);
    }

    /** X'X for X = L⁻¹, L the m × m lower triangle of a row-major array. */
    private static double[] schurInverse(double[] l, int m) {
        double[][] x = new double[m][m];
        int chunks = (m + CHUNK - 1) / CHUNK;
        Parallel.forEach(chunks, c -> inverseColumns(l, m, c * CHUNK, Math.min(m, (c + 1) * CHUNK), x));
        double[] s = new double[m * m];
        double[][] rows = new double[DenseCholesky.BLOCK][];
        for (int t0 = 0; t0 < m; t0 += DenseCholesky.BLOCK) {
            int w = Math.min(DenseCholesky.BLOCK, m - t0);
            System.arraycopy(x, t0, rows, 0, w);
            // rows t0.. of X are zero right of column t0 + w − 1: only the leading block is touched
            LowerUpdate.subtract(s, 0, m, t0 + w, rows, w);
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = -s[i];
        }
        return s;
    }

    private static void copy(double[] src, int srcCols, double[] dst, int m, int row0, int col0) {
        int rows = src.length / Math.max(1, srcCols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * srcCols, dst, (row0 + r) * m + col0, srcCols);
        }
    }

    /**
     * Columns [c0, c1) of X = L⁻¹ by forward substitution, vectorised across the columns: v[j] holds
     * X[j][c0..c1), and X[j][c] = 0 for j < c.
     */
    private static void inverseColumns(double[] l, int m, int c0, int c1, double[][] x) {
        int len = c1 - c0;
        double[][] v = new double[m][];
        for (int j = c0; j < m; j++) {
            v[j] = new double[len];
            if (j < c1) {
                v[j][j - c0] = 1;
            }
            int lr = j * m;
            int s = c0;
            for (; s + 3 < j; s += 4) {
                double l0 = l[lr + s];
                double l1 = l[lr + s + 1];
                double l2 = l[lr + s + 2];
                double l3 = l[lr + s + 3];
                if (l0 != 0 || l1 != 0 || l2 != 0 || l3 != 0) { // nested terms: L₂₂ mostly zero
                    LowerUpdate.axpy4(v[j], v[s], v[s + 1], v[s + 2], v[s + 3], 0, len, l0, l1, l2, l3);
                }
            }
            for (; s < j; s++) {
                if (l[lr + s] != 0) {
                    LowerUpdate.axpy1(v[j], v[s], 0, len, l[lr + s]);
                }
            }
            double d = l[lr + j];
            for (int r = 0; r < len; r++) {
                v[j][r] /= d;
            }
            System.arraycopy(v[j], 0, x[j], c0, len);
        }
    }

    /** Level l's block L₁₁,ₗ⁻ᵀ (I + Σ_{ρ,σ} B_ρ' S⁻¹_ρσ B_σ) L₁₁,ₗ⁻¹ over the blocks B of L₂₁'s column l. */
    private static double[][] firstTerm(BlockedCholesky f, int[] offset, int m, double[] sInverse) {
        CrossProducts cp = f.crossProducts();
        int k = cp.termCount();
        int q0 = cp.term(0).q();
        int levels = cp.term(0).levels();
        double[] l11 = f.firstBlock().values();
        double[][] out = new double[levels][];
        double[] inner = new double[q0 * q0];
        double[] lInv = new double[q0 * q0];
        for (int l = 0; l < levels; l++) {
            Arrays.fill(inner, 0);
            for (int d = 0; d < q0; d++) {
                inner[d * q0 + d] = 1;
            }
            for (int i = 1; i < k; i++) {
                BlockSparse bi = f.firstColumn(i);
                for (int j = 1; j < k; j++) {
                    addQuadratic(bi, offset[i], f.firstColumn(j), offset[j], l, sInverse, m, inner, q0);
                }
            }
            lowerInverse(l11, l * q0 * q0, q0, lInv);
            double[] v = new double[q0 * q0];
            for (int a = 0; a < q0; a++) { // (L⁻ᵀ M L⁻¹)_ab = Σ_cd L⁻¹_ca M_cd L⁻¹_db
                for (int b = 0; b < q0; b++) {
                    double s = 0;
                    for (int c = a; c < q0; c++) {
                        for (int d = b; d < q0; d++) {
                            s += lInv[c * q0 + a] * inner[c * q0 + d] * lInv[d * q0 + b];
                        }
                    }
                    v[a * q0 + b] = s;
                }
            }
            out[l] = v;
        }
        return out;
    }

    /** inner += Σ B_ρ' S⁻¹_ρσ B_σ over the stored blocks ρ of bi and σ of bj in column l. */
    private static void addQuadratic(BlockSparse bi, int offI, BlockSparse bj, int offJ, int l, double[] sInverse, int m,
                                     double[] inner, int q0) {
        int qi = bi.qr();
        int qj = bj.qr();
        double[] vi = bi.values();
        double[] vj = bj.values();
        if (qi == 1 && qj == 1 && q0 == 1) { // the same sums in a local, S⁻¹ read along its rows
            double sum = inner[0];
            int[] ri = bi.rowIndex();
            int[] rj = bj.rowIndex();
            int yStart = bj.colStart()[l];
            int yEnd = bj.colStart()[l + 1];
            for (int x = bi.colStart()[l]; x < bi.colStart()[l + 1]; x++) {
                int row = (offI + ri[x]) * m + offJ;
                double vx = vi[x];
                for (int y = yStart; y < yEnd; y++) {
                    double s = sInverse[row + rj[y]];
                    if (s != 0) {
                        sum += vx * s * vj[y];
                    }
                }
            }
            inner[0] = sum;
            return;
        }
        for (int x = bi.colStart()[l]; x < bi.colStart()[l + 1]; x++) {
            int rho = offI + bi.rowIndex()[x] * qi;
            int xo = x * qi * q0;
            for (int y = bj.colStart()[l]; y < bj.colStart()[l + 1]; y++) {
                int sigma = offJ + bj.rowIndex()[y] * qj;
                int yo = y * qj * q0;
                for (int a = 0; a < qi; a++) {
                    for (int b = 0; b < qj; b++) {
                        double s = symmetric(sInverse, m, rho + a, sigma + b);
                        if (s == 0) {
                            continue;
                        }
                        for (int c = 0; c < q0; c++) {
                            double left = vi[xo + a * q0 + c] * s;
                            for (int d = 0; d < q0; d++) {
                                inner[c * q0 + d] += left * vj[yo + b * q0 + d];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The inverse of the q × q lower-triangular block at off, into out (lower triangular). */
    private static void lowerInverse(double[] l, int off, int q, double[] out) {
        Arrays.fill(out, 0);
        for (int c = 0; c < q; c++) {
            out[c * q + c] = 1 / l[off + c * q + c];
            for (int r = c + 1; r < q; r++) {
                double s = 0;
                for (int t = c; t < r; t++) {
                    s -= l[off + r * q + t] * out[t * q + c];
                }
                out[r * q + c] = s / l[off + r * q + r];
            }
        }
    }
}
