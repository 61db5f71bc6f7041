package io.glimmer.design;

import io.glimmer.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.formula.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Evaluates a formula expression on every row of a data frame, as R's model.frame does before
 * missing rows are removed: the result is a column named by the expression's deparsed text.
 * Numeric results use NaN for missing; a bare categorical variable or factor(x) stays categorical.
 */
public final class ExpressionEvaluator {
    private final DataFrame data;

    public ExpressionEvaluator(DataFrame data) {
        this.data = data;
    }

    public Column evaluate(Expr expr) {
        String label = expr.deparse();
        if (expr instanceof Expr.Variable v) {
            Column c = data.column(v.name());
            return rename(c, label);
        }
        if (expr instanceof Expr.Call call && (call.function().equals("factor") || call.function().equals("as.factor"))) {
            requireArgs(call, 1);
            return asFactor(evaluate(call.args().get(0)), label);
        }
        return new NumericColumn(label, numeric(expr));
    }

    /** The expression's values as numbers; a categorical variable here is an error naming it. */
    public double[] numeric(Expr expr) {
        if (expr instanceof Expr.Variable v) {
            Column c = data.column(v.name());
            if (c instanceof NumericColumn n) {
                return n.values();
            }
            throw new InputException(data.source() + ": column '" + v.name() + "' is categorical but is used as a number in '" + expr.deparse() + "'");
        }
        if (expr instanceof Expr.Constant k) {
            double[] out = new double[data.rows()];
            java.util.Arrays.fill(out, k.value());
            return out;
        }
        if (expr instanceof Expr.Paren p) {
            return numeric(p.inner());
        }
        if (expr instanceof Expr.Negate neg) {
            return map(numeric(neg.operand()), x -> -x);
        }
        if (expr instanceof Expr.Binary b) {
            return combine(numeric(b.left()), numeric(b.right()), operator(b.op(), expr));
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        throw new InputException("cannot evaluate '" + expr.deparse() + "'");
    }

    private double[] call(Expr.Call call) {
        String f = call.function();
        switch (f) {
            case "I":
                requireArgs(call, 1);
                return numeric(call.args().get(0));
            case "log":
                if (call.args().size() == 2) {
                    double[] base = numeric(call.args().get(1));
                    return combine(numeric(call.args().get(0)), base, (x, b) -> Math.log(x) / Math.log(b));
                }
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), Math::log);
            case "log2":
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), x -> Math.log(x) / Math.log(2));
            case "log10":
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), Math::log10);
            case "log1p":
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), Math::log1p);
            case "exp":
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), Math::exp);
            case "sqrt":
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), Math::sqrt);
            case "abs":
                requireArgs(call, 1);
                return map(numeric(call.args().get(0)), Math::abs);
            case "offset":
                requireArgs(call, 1);
                return numeric(call.args().get(0));
            case "scale":
                requireArgs(call, 1);
                return scale(numeric(call.args().get(0)));
            default:
                throw new InputException("unknown function '" + f + "' in '" + call.deparse()
                        + "' (known: I, log, log2, log10, log1p, exp, sqrt, abs, scale, offset, factor)");
        }
    }

    private static void requireArgs(Expr.Call call, int n) {
        if (call.args().size() != n) {
            throw new InputException("'" + call.function() + "' takes " + n + " argument" + (n == 1 ? "" : "s") + " in '" + call.deparse() + "'");
        }
    }

    /** R's scale(): centre by the mean and divide by the standard deviation of the non-missing values. */
    private static double[] scale(double[] x) {
        double sum = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        return map(x, v -> (v - mean) / sd);
    }

    private static DoubleBinaryOperator operator(String op, Expr expr) {
        return switch (op) {
            case "+" -> Double::sum;
            case "-" -> (a, b) -> a - b;
            case "*" -> (a, b) -> a * b;
            case "/" -> (a, b) -> a / b;
            case "^" -> Math::pow;
            default -> throw new InputException("operator '" + op + "' cannot be evaluated in '" + expr.deparse() + "' (wrap arithmetic in I())");
        };
    }

    private static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Double.isNaN(x[i]) ? Double.NaN : f.applyAsDouble(x[i]);
        }
        return out;
    }

    private static double[] combine(double[] a, double[] b, DoubleBinaryOperator f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.isNaN(a[i]) || Double.isNaN(b[i]) ? Double.NaN : f.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    private static Column rename(Column c, String label) {
        if (c.name().equals(label)) {
            return c;
        }
        if (c instanceof NumericColumn n) {
            return new NumericColumn(label, n.values());
        }
        CategoricalColumn k = (CategoricalColumn) c;
        return new CategoricalColumn(label, k.codes(), k.levels());
    }

    /** factor(x): numeric values become levels sorted numerically, written as R writes numbers. */
    static CategoricalColumn asFactor(Column c, String label) {
        if (c instanceof CategoricalColumn k) {
            return new CategoricalColumn(label, k.codes(), k.levels());
        }
        double[] v = ((NumericColumn) c).values();
        TreeSet<Double> distinct = new TreeSet<>();
        for (double x : v) {
            if (!Double.isNaN(x)) {
                distinct.add(x);
            }
        }
        List<Double> sorted = new ArrayList<>(distinct);
        List<String> levels = new ArrayList<>();
        for (double x : sorted) {
            levels.add(NumberFormat.r(x));
        }
        int[] codes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            codes[i] = Double.isNaN(v[i]) ? -1 : java.util.Collections.binarySearch(sorted, v[i]);
        }
        return new CategoricalColumn(label, codes, levels);
    }
}
