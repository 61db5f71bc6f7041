package io.glimmer.design;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;
import io.glimmer.formula.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows and variables a model uses, as R's model.frame with na.omit and drop.unused.levels:
 * every expression of the formula is evaluated on the whole data, rows with a missing value in any
 * of them are removed (and counted), and categorical variables keep only the levels still present.
 */
public final class ModelFrame {
    private final DataFrame source;
    private final Map<String, Column> columns;
    private final int rows;
    private final int dropped;
    private final int[] keptRows;
    private final Map<String, StoredCoding.Scaling> scalings;

    private ModelFrame(DataFrame source, Map<String, Column> columns, int[] keptRows, int dropped) {
        this(source, columns, keptRows, dropped, Map.of());
    }

    private ModelFrame(DataFrame source, Map<String, Column> columns, int[] keptRows, int dropped,
                       Map<String, StoredCoding.Scaling> scalings) {
        this.source = source;
        this.columns = columns;
        this.rows = keptRows.length;
        this.dropped = dropped;
        this.keptRows = keptRows;
        this.scalings = Map.copyOf(scalings);
    }

    /**
     * New data for prediction, coded as the training data were: the given expressions evaluated
     * on every row with the stored levels and scale() constants. No row is dropped; a missing value
     * stays missing (NaN or code -1), and levels are the stored ones whether or not they occur.
     */
    public static ModelFrame forNewData(DataFrame data, List<Expr> expressions, StoredCoding coding) {
        ExpressionEvaluator eval = new ExpressionEvaluator(data, coding);
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Expr e : expressions) {
            cols.computeIfAbsent(e.deparse(), k -> eval.evaluate(e));
        }
        int[] all = new int[data.rows()];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        return new ModelFrame(data, cols, all, 0, eval.scalings());
    }

    /**
     * The coding a prediction needs to reproduce this frame's model matrices: the levels of every
     * categorical expression of the fixed and random-effect terms, and the scale() constants.
     */
    public StoredCoding coding(Formula formula) {
        List<Expr> used = new ArrayList<>();
        for (Term t : formula.fixedTerms()) {
            used.addAll(t.factors());
        }
        for (RandomTerm rt : formula.randomTerms()) {
            for (Term t : rt.terms()) {
                used.addAll(t.factors());
            }
        }
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Expr e : used) {
            Column c = columns.get(e.deparse());
            if (c instanceof CategoricalColumn cat) {
                levels.put(e.deparse(), cat.levels());
            }
        }
        return new StoredCoding(levels, scalings);
    }

    /**
     * The level of a grouping factor (an interaction "la:lb" for several parts) on every row, as
     * random-effects terms name them; null where a part is missing. The parts must be in this frame.
     */
    public String[] groupLevels(List<Expr> grouping) {
        List<CategoricalColumn> parts = new ArrayList<>();
        for (Expr e : grouping) {
            parts.add(ExpressionEvaluator.asFactor(column(e), e.deparse()));
        }
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            StringBuilder name = new StringBuilder();
            for (int p = 0; p < parts.size() && name != null; p++) {
                String level = parts.get(p).level(r);
                if (level == null) {
                    name = null;
                } else {
                    name.append(p > 0 ? ":" : "").append(level);
                }
            }
            out[r] = name == null ? null : name.toString();
        }
        return out;
    }

    /**
     * Evaluates everything the formula (and the optional weights column) refers to.
     */
    public static ModelFrame of(DataFrame data, Formula formula, String weightsColumn) {
        ExpressionEvaluator eval = new ExpressionEvaluator(data);
        Map<String, Column> full = new LinkedHashMap<>();
        for (Expr e : expressions(formula)) {
            full.computeIfAbsent(e.deparse(), k -> eval.evaluate(e));
        }
        if (weightsColumn != null) {
            full.put(weightsKey(weightsColumn), eval.evaluate(new Expr.Variable(weightsColumn)));
        }
        int n = data.rows();
        // Column by column within a block of rows: one tight pass each instead of every column's test on every row.
        boolean[] missing = new boolean[n];
        Column[] used = full.values().toArray(new Column[0]);
        RowBlocks.each(n, (from, to) -> {
            for (Column c : used) {
                for (int r = from; r < to; r++) {
                    missing[r] |= c.isMissing(r);
                }
            }
        });
        int kept = 0;
        for (int r = 0; r < n; r++) {
            kept += missing[r] ? 0 : 1;
        }
        if (kept == 0) {
            throw new InputException(data.source() + ": every row has a missing value in a variable the model uses (" + String.join(", ", full.keySet()) + ")");
        }
        int[] rows = new int[kept];
        for (int r = 0, i = 0; r < n; r++) {
            if (!missing[r]) {
                rows[i++] = r;
            }
        }
        // No row dropped (the usual case): the evaluated columns are kept as they are, not copied (they are immutable).
        boolean all = kept == n;
        Map<String, Column> subset = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : full.entrySet()) {
            Column c = all ? withoutUnusedLevels(e.getValue()) : subset(e.getValue(), rows);
            if (c instanceof NumericColumn num) {
                checkFinite(data, num, rows);
            }
            subset.put(e.getKey(), c);
        }
        return new ModelFrame(data, subset, rows, n - kept, eval.scalings());
    }

    private static String weightsKey(String column) {
        return "\u0000weights:" + column;
    }

    /** Every expression the formula evaluates: response parts, term factors, offsets, random terms. */
    public static List<Expr> expressions(Formula f) {
        List<Expr> out = new ArrayList<>();
        Expr response = f.response();
        if (response instanceof Expr.Call c && c.function().equals("cbind")) {
            out.addAll(c.args());
        } else if (response != null) {
            out.add(response);
        }
        for (Term t : f.fixedTerms()) {
            out.addAll(t.factors());
        }
        out.addAll(f.offsets());
        for (RandomTerm rt : f.randomTerms()) {
            for (Term t : rt.terms()) {
                out.addAll(t.factors());
            }
            out.addAll(rt.grouping());
        }
        return out;
    }

    private static void checkFinite(DataFrame data, NumericColumn c, int[] rows) {
        int i = RowBlocks.first(c.size(), r -> Double.isInfinite(c.get(r)));
        if (i >= 0) {
            throw new InputException(data.source() + ": '" + c.name() + "' is infinite (" + (c.get(i) > 0 ? "Inf" : "-Inf")
                    + ") at row " + (rows[i] + 1));
        }
    }

    /** The rows kept, without the levels they no longer use. */
    private static Column subset(Column c, int[] rows) {
        return withoutUnusedLevels(c.subset(rows));
    }

    private static Column withoutUnusedLevels(Column c) {
        return c instanceof CategoricalColumn cat ? cat.withoutUnusedLevels() : c;
    }

    /** The evaluated (and subset) values of an expression of the formula. */
    public Column column(Expr e) {
        Column c = columns.get(e.deparse());
        if (c == null) {
            throw new IllegalStateException("expression not in the model frame: " + e.deparse());
        }
        return c;
    }

    public double[] numeric(Expr e) {
        Column c = column(e);
        if (c instanceof NumericColumn n) {
            return n.values();
        }
        if (e instanceof Expr.Variable v && source.column(v.name()) instanceof CategoricalColumn cat) {
            throw new InputException(source.source() + ": column '" + v.name() + "' is used where a number is needed, but "
                    + cat.whyNotNumeric());
        }
        throw new InputException(source.source() + ": '" + e.deparse() + "' is categorical where a number is needed");
    }

    /** The prior-weights column, subset to the model's rows. */
    public double[] weights(String column) {
        Column c = columns.get(weightsKey(column));
        if (!(c instanceof NumericColumn n)) {
            throw new InputException(source.source() + ": weights column '" + column + "' is not numeric");
        }
        return n.values();
    }

    public int rows() {
        return rows;
    }

    /** Rows removed because a variable the model uses was missing. */
    public int dropped() {
        return dropped;
    }

    /** Row numbers (0-based, in the original data) of the rows kept. */
    public int[] keptRows() {
        return keptRows.clone();
    }

    public DataFrame source() {
        return source;
    }
}
