package io.glimmer.design;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.formula.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final StoredCoding coding;
    private final Map<String, StoredCoding.Scaling> scalings = new LinkedHashMap<>();

    public ExpressionEvaluator(DataFrame data) {
        this(data, null);
    }

    /**
     * An evaluator for new data coded as the training data were: categorical expressions take the
     * stored levels and scale() the stored centre and scale.
     *
     * @param coding the training data's coding, or null to code these data by themselves
     */
    public ExpressionEvaluator(DataFrame data, StoredCoding coding) {
        this.data = data;
        this.coding = coding;
    }

    /** The centre and scale of every scale() evaluated so far, by the call's text. */
    public Map<String, StoredCoding.Scaling> scalings() {
        return java.util.Collections.unmodifiableMap(scalings);
    }

    /** The functions of one argument applied value by value. */
    private static final Map<String, DoubleUnaryOperator> ELEMENTWISE = Map.of(
            "log", Math::log, "log2", x -> Math.log(x) / Math.log(2), "log10", Math::log10, "log1p", Math::log1p,
            "exp", Math::exp, "sqrt", Math::sqrt, "abs", Math::abs);

    public Column evaluate(Expr expr) {
        String label = expr.deparse();
        if (expr instanceof Expr.Variable v) {
            Column c = data.column(v.name());
            return recode(rename(c, label), label);
        }
        if (expr instanceof Expr.Call call && (call.function().equals("factor") || call.function().equals("as.factor"))) {
            requireArgs(call, 1);
            return recode(asFactor(evaluate(call.args().get(0)), label), label);
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
            throw new InputException(data.source() + ": column '" + v.name() + "' is used as a number in '" + expr.deparse() + "', but "
                    + ((CategoricalColumn) c).whyNotNumeric());
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
        if (f.equals("log") && call.args().size() == 2) {
            double[] base = numeric(call.args().get(1));
            return combine(numeric(call.args().get(0)), base, (x, b) -> Math.log(x) / Math.log(b));
        }
        DoubleUnaryOperator elementwise = ELEMENTWISE.get(f);
        if (elementwise == null && !f.equals("I") && !f.equals("offset") && !f.equals("scale")) {
            throw new InputException("unknown function '" + f + "' in '" + call.deparse()
                    + "' (known: I, log, log2, log10, log1p, exp, sqrt, abs, scale, offset, factor)");
        }
        requireArgs(call, 1);
        double[] x = numeric(call.args().get(0));
        if (elementwise != null) {
            return map(x, elementwise);
        }
        return f.equals("scale") ? scale(call.deparse(), x) : x; // I() and offset() leave the values as they are
    }

    private static void requireArgs(Expr.Call call, int n) {
        if (call.args().size() != n) {
            throw new InputException("'" + call.function() + "' takes " + n + " argument" + (n == 1 ? "" : "s") + " in '" + call.deparse() + "'");
        }
    }

    /**
     * R's scale(): centre by the mean and divide by the standard deviation of the non-missing values;
     * with stored coding, by the training data's constants (as R's predict uses the fit's predvars).
     */
    private double[] scale(String key, double[] x) {
        StoredCoding.Scaling stored = coding == null ? null : coding.scaling().get(key);
        StoredCoding.Scaling s = stored != null ? stored : scaling(x);
        scalings.put(key, s);
        return map(x, v -> (v - s.center()) / s.scale());
    }

    private static StoredCoding.Scaling scaling(double[] x) {
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
        return new StoredCoding.Scaling(mean, sd);
    }

    /**
     * With stored coding, a categorical expression is recoded into the training levels; a numeric
     * column where the training data had categories is matched to levels by value ("2" and 2.0 agree).
     */
    private Column recode(Column c, String label) {
        List<String> stored = coding == null ? null : coding.levels().get(label);
        if (stored == null) {
            return c;
        }
        Map<String, Integer> byName = new java.util.HashMap<>();
        Map<Double, Integer> byValue = new java.util.HashMap<>();
        for (int l = 0; l < stored.size(); l++) {
            byName.put(stored.get(l), l);
            try {
                byValue.putIfAbsent(Double.parseDouble(stored.get(l).strip()), l);
            } catch (NumberFormatException e) {
                // not a number: matched by name only
            }
        }
        int[] codes = new int[c.size()];
        for (int r = 0; r < codes.length; r++) {
            if (c.isMissing(r)) {
                codes[r] = -1;
                continue;
            }
            String name = c instanceof CategoricalColumn k ? k.level(r) : NumberFormat.r(((NumericColumn) c).get(r));
            Integer code = c instanceof CategoricalColumn ? byName.get(name) : byValue.get(((NumericColumn) c).get(r));
            if (code == null) {
                throw new InputException(data.source() + ": '" + label + "' has level '" + name + "' at row " + (r + 1)
                        + ", which the model was not fitted with (levels: " + String.join(", ", stored) + ")");
            }
            codes[r] = code;
        }
        return new CategoricalColumn(label, codes, stored);
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
            return n.withName(label);
        }
        return ((CategoricalColumn) c).withName(label);
    }

    /** factor(x): numeric values become levels sorted numerically, written as R writes numbers. */
    static CategoricalColumn asFactor(Column c, String label) {
        if (c instanceof CategoricalColumn k) {
            return k.withName(label);
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
