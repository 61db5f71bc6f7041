package io.glimmer.linalg;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

/**
 * The weighted cross-products of [Z₁ … Z_K F] (F: the dense columns, e.g. X and y), block by block:
 * Z_k'WZ_k block-diagonal, Z_i'WZ_j block-sparse, F'WZ_j and F'WF dense. The sparsity pattern is fixed
 * when built; {@link #compute} refills the values in one pass over the rows (a linear model does it
 * once, PIRLS once per iteration).
 */
public final class CrossProducts {
    private final GroupedColumns[] terms;
    private final int width;
    private final BlockDiagonal[] diagonal;
    private final BlockSparse[][] offDiagonal;
    private final int[][][] slotOfRow;
    private final DMatrixRMaj[] denseByTerm;
    private final DMatrixRMaj denseDiagonal;

    private CrossProducts(GroupedColumns[] terms, int width) {
        this.terms = terms.clone();
        this.width = width;
        int k = terms.length;
        diagonal = new BlockDiagonal[k];
        offDiagonal = new BlockSparse[k][];
        slotOfRow = new int[k][][];
        denseByTerm = new DMatrixRMaj[k];
        for (int i = 0; i < k; i++) {
            diagonal[i] = new BlockDiagonal(terms[i].levels(), terms[i].q());
            offDiagonal[i] = new BlockSparse[i];
            slotOfRow[i] = new int[i][];
            for (int j = 0; j < i; j++) {
                slotOfRow[i][j] = new int[terms[i].rows()];
                offDiagonal[i][j] = pattern(terms[i], terms[j], slotOfRow[i][j]);
            }
            denseByTerm[i] = new DMatrixRMaj(width, terms[i].columns());
        }
        denseDiagonal = new DMatrixRMaj(width, width);
    }

    /** The pattern for terms ordered as given (callers put the term with most columns first). */
    public static CrossProducts structure(GroupedColumns[] terms, int width) {
        return new CrossProducts(terms, width);
    }

    /** Block pattern of Z_i'Z_j: one stored block per observed pair of levels, columns sorted. */
    private static BlockSparse pattern(GroupedColumns ti, GroupedColumns tj, int[] slotOfRow) {
        int n = ti.rows();
        Map<Long, Integer> pairIndex = new HashMap<>();
        long[] pairs = new long[n];
        int distinct = 0;
        int[] firstSeen = new int[n];
        for (int r = 0; r < n; r++) {
            long key = (long) tj.codes()[r] * ti.levels() + ti.codes()[r];
            Integer idx = pairIndex.get(key);
            if (idx == null) {
                idx = distinct;
                pairIndex.put(key, distinct);
                pairs[distinct] = key;
                distinct++;
            }
            firstSeen[r] = idx;
        }
        long[] sorted = Arrays.copyOf(pairs, distinct);
        Arrays.sort(sorted); // column-major order: by column level, then row level
        int[] colStart = new int[tj.levels() + 1];
        int[] rowIndex = new int[distinct];
        int[] slotOfPair = new int[distinct];
        Map<Long, Integer> slot = new HashMap<>(distinct * 2);
        for (int s = 0; s < distinct; s++) {
            int col = (int) (sorted[s] / ti.levels());
            rowIndex[s] = (int) (sorted[s] % ti.levels());
            colStart[col + 1]++;
            slot.put(sorted[s], s);
        }
        for (int c = 0; c < tj.levels(); c++) {
            colStart[c + 1] += colStart[c];
        }
        for (int p = 0; p < distinct; p++) {
            slotOfPair[p] = slot.get(pairs[p]);
        }
        for (int r = 0; r < n; r++) {
            slotOfRow[r] = slotOfPair[firstSeen[r]];
        }
        return new BlockSparse(ti.levels(), tj.levels(), ti.q(), tj.q(), colStart, rowIndex,
                new double[distinct * ti.q() * tj.q()]);
    }

    /**
     * Refills every block from the rows.
     *
     * @param weights prior or working weights per row, or null for all ones
     * @param f       the dense columns, n × width row-major
     */
    public void compute(double[] weights, double[] f) {
        int k = terms.length;
        for (int i = 0; i < k; i++) {
            Arrays.fill(diagonal[i].values(), 0);
            for (int j = 0; j < i; j++) {
                Arrays.fill(offDiagonal[i][j].values(), 0);
            }
            denseByTerm[i].zero();
        }
        denseDiagonal.zero();
        int n = f.length / Math.max(1, width);
        double[] fd = denseDiagonal.data;
        for (int r = 0; r < n; r++) {
            double w = weights == null ? 1.0 : weights[r];
            if (w == 0) {
                continue;
            }
            int fo = r * width;
            for (int a = 0; a < width; a++) {
                double fa = w * f[fo + a];
                for (int b = 0; b <= a; b++) {
                    fd[a * width + b] += fa * f[fo + b];
                }
            }
            for (int i = 0; i < k; i++) {
                GroupedColumns ti = terms[i];
                int qi = ti.q();
                int li = ti.codes()[r];
                double[] zi = ti.z();
                int zo = r * qi;
                double[] dv = diagonal[i].values();
                int dOff = li * qi * qi;
                for (int a = 0; a < qi; a++) {
                    double za = w * zi[zo + a];
                    for (int b = 0; b < qi; b++) {
                        dv[dOff + a * qi + b] += za * zi[zo + b];
                    }
                }
                double[] fz = denseByTerm[i].data;
                int cols = ti.columns();
                for (int a = 0; a < width; a++) {
                    double fa = w * f[fo + a];
                    for (int b = 0; b < qi; b++) {
                        fz[a * cols + li * qi + b] += fa * zi[zo + b];
                    }
                }
                for (int j = 0; j < i; j++) {
                    GroupedColumns tj = terms[j];
                    int qj = tj.q();
                    double[] ov = offDiagonal[i][j].values();
                    int off = slotOfRow[i][j][r] * qi * qj;
                    int zjo = r * qj;
                    for (int a = 0; a < qi; a++) {
                        double za = w * zi[zo + a];
                        for (int b = 0; b < qj; b++) {
                            ov[off + a * qj + b] += za * tj.z()[zjo + b];
                        }
                    }
                }
            }
        }
        for (int a = 0; a < width; a++) { // symmetrise F'WF
            for (int b = a + 1; b < width; b++) {
                fd[a * width + b] = fd[b * width + a];
            }
        }
    }

    public int termCount() {
        return terms.length;
    }

    public GroupedColumns term(int k) {
        return terms[k];
    }

    /** Number of dense columns (F). */
    public int width() {
        return width;
    }

    public BlockDiagonal diagonal(int k) {
        return diagonal[k];
    }

    public BlockSparse offDiagonal(int i, int j) {
        return offDiagonal[i][j];
    }

    public DMatrixRMaj denseByTerm(int k) {
        return denseByTerm[k];
    }

    public DMatrixRMaj denseDiagonal() {
        return denseDiagonal;
    }
}
