package io.glimmer.linalg;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

/**
 * The weighted cross-products of [Z₁ … Z_K F] (F: the dense columns, e.g. X and y), block by block:
 * Z_k'WZ_k block-diagonal, Z_i'WZ_j block-sparse, F'WZ_j and F'WF dense. The sparsity pattern is fixed
 * when built; {@link #compute} refills the values in one pass over the rows (a linear model does it
 * once, PIRLS once per iteration), split into fixed row chunks that run in parallel ({@link RowSums}).
 */
public final class CrossProducts {
    private final GroupedColumns[] terms;
    private final int width;
    private final BlockDiagonal[] diagonal;
    private final BlockSparse[][] offDiagonal;
    private final int[][][] slotOfRow;
    /** [i][j < i]: the slot-by-slot sums of a pair of scalar terms, or null (summed row by row in {@link RowSums}). */
    private final ScalarPairSums[][] pairSums;
    private final DMatrixRMaj[] denseByTerm;
    private final DMatrixRMaj denseDiagonal;
    /** The blocks' own arrays: the totals. */
    private final RowSums totals;
    /** Per row chunk, its partial sums (index 0 is the totals), made on first use. */
    private RowSums[] partials;
    /** The partials of chunks 1.. are all zero (fresh, or zeroed by the merge that read them). */
    private boolean partialsZero;

    /** Rows per chunk at least: below this a chunk's merge costs more than splitting saves. */
    private static final int CHUNK_ROWS = 16_384;
    private static final int MAX_CHUNKS = 8;
    /** At most this many doubles (64 MiB) of partial sums. */
    private static final long PARTIAL_LIMIT = 8_000_000;
    private static final int MERGE_SLICE = 1 << 15;

    private CrossProducts(GroupedColumns[] terms, int width) {
        this(terms, width, null);
    }

    /** @param given the off-diagonal blocks' patterns and values, [i][j &lt; i], or null to find the patterns from the terms' rows */
    private CrossProducts(GroupedColumns[] terms, int width, BlockSparse[][] given) {
        this.terms = terms.clone();
        this.width = width;
        int k = terms.length;
        diagonal = new BlockDiagonal[k];
        offDiagonal = new BlockSparse[k][];
        slotOfRow = new int[k][][];
        pairSums = new ScalarPairSums[k][];
        boolean[][] external = new boolean[k][];
        denseByTerm = new DMatrixRMaj[k];
        for (int i = 0; i < k; i++) {
            diagonal[i] = new BlockDiagonal(terms[i].levels(), terms[i].q());
            offDiagonal[i] = new BlockSparse[i];
            slotOfRow[i] = new int[i][];
            pairSums[i] = new ScalarPairSums[i];
            external[i] = new boolean[i];
            for (int j = 0; j < i; j++) {
                if (given != null) { // sums made elsewhere: nothing is ever summed here
                    slotOfRow[i][j] = new int[0];
                    offDiagonal[i][j] = given[i][j];
                    continue;
                }
                slotOfRow[i][j] = new int[terms[i].rows()];
                offDiagonal[i][j] = pattern(terms[i], terms[j], slotOfRow[i][j]);
                if (terms[i].q() == 1 && terms[j].q() == 1) {
                    pairSums[i][j] = new ScalarPairSums(terms[i], terms[j], slotOfRow[i][j], offDiagonal[i][j].storedBlocks());
                    external[i][j] = true;
                }
            }
            denseByTerm[i] = new DMatrixRMaj(width, terms[i].columns());
        }
        denseDiagonal = new DMatrixRMaj(width, width);
        double[][][] off = new double[k][][];
        for (int i = 0; i < k; i++) {
            off[i] = new double[i][];
            for (int j = 0; j < i; j++) {
                off[i][j] = offDiagonal[i][j].values();
            }
        }
        totals = new RowSums(Arrays.stream(diagonal).map(BlockDiagonal::values).toArray(double[][]::new), off,
                Arrays.stream(denseByTerm).map(m -> new double[m.data.length]).toArray(double[][]::new), denseDiagonal.data,
                external);
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
        fill(weights, new RowSums.DenseColumns(f, width, width - 1, f, width, width - 1), f.length / width);
    }

    /**
     * Refills every block from the rows, with the dense columns F = [x, last] given apart (PIRLS's
     * X and working response, without copying X into an n × width array every iteration).
     *
     * @param x    n × (width − 1) row-major (may be empty when width is 1)
     * @param last n values, the last dense column
     */
    public void compute(double[] weights, double[] x, double[] last) {
        fill(weights, new RowSums.DenseColumns(x, width - 1, width - 1, last, 1, 0), last.length);
    }

    /**
     * Rows are summed in fixed chunks (their number depends on the data only), chunk c into its own
     * arrays, then merged in chunk order: the chunks run in parallel and the sums do not depend on
     * the number of threads.
     */
    private void fill(double[] weights, RowSums.DenseColumns f, int n) {
        int chunks = chunkCount(n);
        if (chunks > 1 && (partials == null || partials.length != chunks)) {
            partials = new RowSums[chunks];
            partials[0] = totals;
            for (int c = 1; c < chunks; c++) {
                partials[c] = totals.emptyCopy();
            }
            partialsZero = true;
        }
        boolean clean = partialsZero;
        partialsZero = false;
        Parallel.forEach(chunks, c -> {
            RowSums s = c == 0 ? totals : partials[c];
            if (c == 0 || !clean) {
                s.zero();
            }
            s.accumulate(terms, slotOfRow, f, weights, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
        });
        if (chunks > 1) {
            merge();
            partialsZero = true;
        }
        sumPairs(weights, n, chunks);
        finish();
    }

    /**
     * The cross products of one random-effects term from sums made elsewhere (a distributed pass over
     * rows this process never holds), in the layouts {@link RowSums} fills.
     *
     * @param shape        the term's levels and q (its rows are not read; it may hold none)
     * @param diagonal     Z'WZ, levels·q² values, block by block
     * @param termByDense  F'WZ transposed: (level·q + b)·width + a holds Σ w f_a z_b
     * @param denseLower   F'WF, width² values, the lower triangle read
     */
    public static CrossProducts ofSums(GroupedColumns shape, int width, double[] diagonal, double[] termByDense, double[] denseLower) {
        return ofSums(new GroupedColumns[]{shape}, width, new double[][]{diagonal}, new double[][]{termByDense}, new BlockSparse[1][0],
                denseLower);
    }

    /**
     * As {@link #ofSums(GroupedColumns, int, double[], double[], double[])} for several terms (crossed
     * or nested), in the order {@link #structure} takes them.
     *
     * @param offDiagonal [i][j &lt; i]: Z_i'WZ_j with its pattern (one stored block per observed pair of
     *                    levels, block-columns sorted), taken as given, not copied
     */
    public static CrossProducts ofSums(GroupedColumns[] shapes, int width, double[][] diagonal, double[][] termByDense,
                                       BlockSparse[][] offDiagonal, double[] denseLower) {
        CrossProducts cp = new CrossProducts(shapes, width, offDiagonal);
        cp.refill(diagonal, termByDense, null, denseLower);
        return cp;
    }

    /**
     * Refills cross products made by {@link #ofSums} with new sums in the same layouts (PIRLS's next
     * weights, summed elsewhere).
     *
     * @param offDiagonal [i][j &lt; i]: Z_i'WZ_j's stored block values in its pattern's order, or null to keep them
     */
    public void refill(double[][] diagonal, double[][] termByDense, double[][][] offDiagonal, double[] denseLower) {
        for (int k = 0; k < terms.length; k++) {
            copyInto(diagonal[k], totals.diagonal[k]);
            copyInto(termByDense[k], totals.denseByTerm[k]);
            for (int j = 0; offDiagonal != null && j < k; j++) {
                copyInto(offDiagonal[k][j], this.offDiagonal[k][j].values());
            }
        }
        copyInto(denseLower, totals.denseDiagonal);
        finish();
    }

    private static void copyInto(double[] from, double[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("expected " + to.length + " sums, got " + from.length);
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private void sumPairs(double[] weights, int n, int chunks) {
        int[] bounds = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            bounds[c] = (int) ((long) n * c / chunks);
        }
        for (int i = 0; i < terms.length; i++) {
            for (int j = 0; j < i; j++) {
                if (pairSums[i][j] != null) {
                    pairSums[i][j].sum(weights, bounds, offDiagonal[i][j].values());
                }
            }
        }
    }

    /** F'WZ from the totals' transposed layout, and F'WF symmetrised. */
    private void finish() {
        for (int i = 0; i < terms.length; i++) { // F'WZ_i from its columns × width sums
            double[] t = totals.denseByTerm[i];
            double[] d = denseByTerm[i].data;
            int cols = terms[i].columns();
            for (int c = 0; c < cols; c++) {
                for (int a = 0; a < width; a++) {
                    d[a * cols + c] = t[c * width + a];
                }
            }
        }
        double[] fd = denseDiagonal.data;
        for (int a = 0; a < width; a++) { // symmetrise F'WF
            for (int b = a + 1; b < width; b++) {
                fd[a * width + b] = fd[b * width + a];
            }
        }
    }

    /** Chunks of at least {@link #CHUNK_ROWS} rows, at most 8, and their partial sums within {@link #PARTIAL_LIMIT} doubles. */
    private int chunkCount(int n) {
        long size = totals.size();
        int chunks = (int) Math.min(MAX_CHUNKS, Math.max(1, n / CHUNK_ROWS));
        while (chunks > 1 && (chunks - 1) * size > PARTIAL_LIMIT) {
            chunks--;
        }
        return chunks;
    }

    /**
     * totals += partial 1, 2, … in that order, element by element, in slices spread over threads;
     * each partial is zeroed as it is read (while in cache), which spares the next fill a pass.
     */
    private void merge() {
        double[][] total = totals.arrays();
        double[][][] parts = new double[partials.length][][];
        for (int c = 1; c < partials.length; c++) {
            parts[c] = partials[c].arrays();
        }
        java.util.List<int[]> slices = new java.util.ArrayList<>(); // {array, from, to}
        for (int a = 0; a < total.length; a++) {
            for (int from = 0; from < total[a].length; from += MERGE_SLICE) {
                slices.add(new int[]{a, from, Math.min(total[a].length, from + MERGE_SLICE)});
            }
        }
        Parallel.forEach(slices.size(), i -> {
            int[] sl = slices.get(i);
            double[] t = total[sl[0]];
            for (int c = 1; c < parts.length; c++) {
                double[] p = parts[c][sl[0]];
                for (int e = sl[1]; e < sl[2]; e++) {
                    t[e] += p[e];
                    p[e] = 0;
                }
            }
        });
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
