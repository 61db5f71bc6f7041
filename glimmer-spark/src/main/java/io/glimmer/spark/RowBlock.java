package io.glimmer.spark;

import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One partition's rows as primitive columns, cached on its executor between passes: X (unscaled),
 * the response less any offset and, per random-effects term (in the formula's order), each row's
 * grouping level (as a code into this block's own distinct levels, which each pass maps to the
 * global index) and the term's Z values.
 */
final class RowBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    final int rows;
    final int p;
    final double[] x;
    final double[] response;
    /** Per random-effects term, in the formula's order. */
    final Term[] terms;

    /**
     * One term's rows.
     *
     * @param q      columns of Z
     * @param z      rows × q, row-major
     * @param levels this block's distinct levels, in order of first appearance
     * @param codes  each row's level, an index into {@code levels}
     */
    record Term(int q, double[] z, String[] levels, int[] codes) implements Serializable {
        /** This term's level codes mapped to the global index. */
        int[] globalCodes(Map<String, Integer> index) {
            int[] map = new int[levels.length];
            for (int i = 0; i < levels.length; i++) {
                map[i] = index.get(levels[i]);
            }
            int[] out = new int[codes.length];
            for (int r = 0; r < codes.length; r++) {
                out[r] = map[codes[r]];
            }
            return out;
        }
    }

    private RowBlock(int rows, int p, double[] x, double[] response, Term[] terms) {
        this.rows = rows;
        this.p = p;
        this.x = x;
        this.response = response;
        this.terms = terms;
    }

    /** Codes the rows (complete, columns in the plan's order, numbers as doubles, categories as strings) by the core's design code. */
    static RowBlock of(Iterator<Row> it, ModelPlan plan) {
        DataFrame data = PartitionColumns.read(it, plan);
        int n = data.rows();
        ModelFrame frame = plan.frame(data);
        Formula f = plan.parsed();
        ModelMatrix x = plan.fixed(frame);
        double[] response = frame.numeric(f.response()).clone();
        for (Expr o : f.offsets()) {
            double[] v = frame.numeric(o);
            for (int r = 0; r < n; r++) {
                response[r] -= v[r];
            }
        }
        checkFinite(plan.source(), f.response().deparse(), response);
        checkFixed(plan.source(), x);
        return new RowBlock(n, x.columns(), x.values(), response, terms(plan, frame, n));
    }

    /** Per random-effects term (formula order) of a frame's n rows: Z and each row's level as a code into the rows' own levels. */
    static Term[] terms(ModelPlan plan, ModelFrame frame, int n) {
        Term[] terms = new Term[plan.randomTerms().size()];
        for (int k = 0; k < terms.length; k++) {
            ModelMatrix z = plan.random(frame, k);
            String[] group = frame.groupLevels(plan.randomTerms().get(k).grouping());
            Map<String, Integer> local = new HashMap<>();
            int[] codes = new int[n];
            for (int r = 0; r < n; r++) {
                codes[r] = local.computeIfAbsent(group[r], g -> local.size());
            }
            String[] levels = new String[local.size()];
            local.forEach((g, v) -> levels[v] = g);
            terms[k] = new Term(z.columns(), z.values(), levels, codes);
        }
        return terms;
    }

    /** A one-line error for a non-finite value in X. */
    static void checkFixed(String source, ModelMatrix x) {
        for (int j = 0; j < x.columns(); j++) {
            for (int r = 0; r < x.rows(); r++) {
                if (!Double.isFinite(x.get(r, j))) {
                    throw new InputException(source + ": the fixed-effect column '" + x.names().get(j) + "' is not finite ("
                            + x.get(r, j) + ") in a row");
                }
            }
        }
    }

    private static void checkFinite(String source, String name, double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new InputException(source + ": the response '" + name + "' is not finite (" + d + ") in a row");
            }
        }
    }
}
