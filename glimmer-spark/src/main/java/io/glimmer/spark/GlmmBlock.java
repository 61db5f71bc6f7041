package io.glimmer.spark;

import io.glimmer.data.DataFrame;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Family;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * One partition's rows of a GLMM as primitive columns, cached between PIRLS passes: X (scaled once
 * the scaling is known), the response and prior weights as the core's {@link Response} makes them,
 * the offset, and per random-effects term in the model's order its rows' global level codes and Z.
 */
final class GlmmBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    final int rows;
    final int p;
    final double[] x;
    final double[] y;
    final double[] weights;
    /** Σ of the formula's offsets per row, or null for none. */
    final double[] offset;
    /** Per term, formula order until {@link #prepared}: this block's own levels and codes. */
    final RowBlock.Term[] terms;
    /** Per model term (after {@link #prepared}): each row's global level, and Z (rows × q). */
    final int[][] codes;
    final double[][] z;
    /**
     * [m][j &lt; m] (after {@link #prepared}): each row's slot among this block's distinct level pairs
     * of terms m and j, and those pairs' keys (j's level · m's levels + m's level) in slot order,
     * ascending (so a {@link PairPattern} places them by one walk).
     */
    final int[][][] pairSlots;
    final long[][][] pairKeys;

    private GlmmBlock(int rows, int p, double[] x, double[] y, double[] weights, double[] offset, RowBlock.Term[] terms, int[][] codes,
                      double[][] z, int[][][] pairSlots, long[][][] pairKeys) {
        this.rows = rows;
        this.p = p;
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.offset = offset;
        this.terms = terms;
        this.codes = codes;
        this.z = z;
        this.pairSlots = pairSlots;
        this.pairKeys = pairKeys;
    }

    /** Codes the rows (complete, columns in the plan's order) by the core's design and response code. */
    static GlmmBlock of(Iterator<Row> it, ModelPlan plan, Family family) {
        DataFrame data = PartitionColumns.read(it, plan);
        int n = data.rows();
        ModelFrame frame = plan.frame(data);
        Formula f = plan.parsed();
        ModelMatrix x = plan.fixed(frame);
        RowBlock.checkFixed(plan.source(), x);
        Response response = Response.ofPart(frame, f.response(), family, null);
        double[] offset = null;
        for (Expr o : f.offsets()) {
            double[] v = frame.numeric(o);
            offset = offset == null ? new double[n] : offset;
            for (int r = 0; r < n; r++) {
                offset[r] += v[r];
            }
        }
        RowBlock.Term[] terms = RowBlock.terms(plan, frame, n);
        return new GlmmBlock(n, x.columns(), x.values(), response.y(), response.weights(), offset, terms, null, null, null, null);
    }

    /** X divided by the predictor scaling, the terms in the model's order with global codes. */
    GlmmBlock prepared(double[] scale, TermLayout layout) {
        double[] scaled = new double[x.length];
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < p; a++) {
                scaled[r * p + a] = x[r * p + a] / scale[a];
            }
        }
        int k = layout.terms();
        int[][] global = new int[k][];
        double[][] values = new double[k][];
        for (int m = 0; m < k; m++) {
            RowBlock.Term t = terms[layout.formulaIndex()[m]];
            global[m] = t.globalCodes(layout.index().get(m));
            values[m] = t.z();
        }
        int[][][] slots = new int[k][][];
        long[][][] keys = new long[k][][];
        for (int m = 0; m < k; m++) {
            slots[m] = new int[m][];
            keys[m] = new long[m][];
            long rowLevels = layout.levels(m);
            for (int j = 0; j < m; j++) {
                long[] rowKeys = new long[rows];
                for (int r = 0; r < rows; r++) {
                    rowKeys[r] = global[j][r] * rowLevels + global[m][r];
                }
                long[] sorted = Arrays.stream(rowKeys).sorted().distinct().toArray();
                slots[m][j] = new int[rows];
                for (int r = 0; r < rows; r++) {
                    slots[m][j][r] = Arrays.binarySearch(sorted, rowKeys[r]);
                }
                keys[m][j] = sorted;
            }
        }
        return new GlmmBlock(rows, p, scaled, y, weights, offset, null, global, values, slots, keys);
    }
}
