package io.glimmer.report.plot;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;

import java.util.List;

/**
 * The picture of Z's sparsity pattern: rows (observations) down, columns (random effects, terms in
 * the design's order, each level's effects together) across, as in the texts' picture of all
 * doctors and then of the first ten. Rows and columns are counted into at most {@link #MAX_CELLS}
 * bins each; a cell holds the number of non-zero entries of Z that fall in it.
 *
 * @param rows    rows of Z shown: [firstRow, firstRow + rows)
 * @param columns columns of Z shown: [0, columns)
 * @param counts  [row bin][column bin] non-zeros
 */
public record SparsityPattern(String title, int firstRow, int rows, int columns, int[][] counts, long nonZeros) {
    public static final int MAX_CELLS = 300;

    /** All of Z. */
    public static SparsityPattern whole(PlotSource source) {
        return of(source, Integer.MAX_VALUE, "Z: all " + source.design().q() + " columns");
    }

    /** Z's first {@code k} columns, over the rows with a non-zero in them. */
    public static SparsityPattern firstColumns(PlotSource source, int k) {
        int q = Math.min(k, source.design().q());
        return of(source, q, "Z: the first " + q + " columns");
    }

    private static SparsityPattern of(PlotSource source, int maxColumns, String title) {
        source.requireModes("sparsity");
        List<RandomEffectsTerm> terms = source.design().randomTerms();
        int n = source.design().rows();
        int columns = Math.min(maxColumns, source.design().q());
        int firstRow = 0;
        int lastRow = n - 1;
        if (columns < source.design().q()) { // zoom to the rows that reach the columns shown
            firstRow = n;
            lastRow = -1;
            for (int r = 0; r < n; r++) {
                if (anyNonZero(terms, r, columns)) {
                    firstRow = Math.min(firstRow, r);
                    lastRow = r;
                }
            }
            if (lastRow < 0) {
                firstRow = 0;
                lastRow = n - 1;
            }
        }
        int rows = lastRow - firstRow + 1;
        int rowBins = Math.min(rows, MAX_CELLS);
        int colBins = Math.min(columns, MAX_CELLS);
        int[][] counts = new int[rowBins][colBins];
        long nonZeros = 0;
        for (int r = firstRow; r <= lastRow; r++) {
            int rb = (int) ((long) (r - firstRow) * rowBins / rows);
            int offset = 0;
            for (RandomEffectsTerm t : terms) {
                GroupedColumns z = t.columns();
                for (int a = 0; a < z.q(); a++) {
                    int col = offset + z.codes()[r] * z.q() + a;
                    if (col < columns && z.z()[r * z.q() + a] != 0) {
                        counts[rb][(int) ((long) col * colBins / columns)]++;
                        nonZeros++;
                    }
                }
                offset += z.columns();
            }
        }
        return new SparsityPattern(title, firstRow, rows, columns, counts, nonZeros);
    }

    private static boolean anyNonZero(List<RandomEffectsTerm> terms, int r, int columns) {
        int offset = 0;
        for (RandomEffectsTerm t : terms) {
            GroupedColumns z = t.columns();
            for (int a = 0; a < z.q(); a++) {
                if (offset + z.codes()[r] * z.q() + a < columns && z.z()[r * z.q() + a] != 0) {
                    return true;
                }
            }
            offset += z.columns();
        }
        return false;
    }

    @Override
    public int[][] counts() {
        int[][] c = new int[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }
}
