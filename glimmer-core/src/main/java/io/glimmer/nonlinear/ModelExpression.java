package io.glimmer.nonlinear;

import java.util.Objects;

/**
 * The mean of a nonlinear model as an arithmetic expression of parameters and data columns
 * ({@code + - * / ^}, {@code exp}, {@code log}, {@code sqrt}, numbers). It is evaluated a whole
 * column at a time into primitive arrays (no boxing in the loops over rows) and differentiated
 * symbolically, so the fits use exact gradients. Build nodes with {@link Expressions}, which
 * simplifies as it builds (0 + x is x, 1 · x is x), so that derivatives stay small.
 */
public sealed interface ModelExpression {

    /**
     * The expression's value on every row. The array may be one of the inputs' own (a column, a
     * parameter's values): callers read it and never write into it.
     */
    double[] values(Inputs in);

    /** ∂/∂ parameter {@code index}, symbolic and simplified. */
    ModelExpression derivative(int index);

    /** R's spelling, with the parentheses its precedence needs. */
    String deparse();

    /** Binding strength for {@link #deparse()}: higher binds tighter. */
    default int precedence() {
        return 10;
    }

    /**
     * What an expression is evaluated on: per-row values of the columns it names and of the
     * parameters (a parameter varies by row when it has random effects or covariates).
     *
     * @param rows       number of rows
     * @param columns    column values by {@link Column#index()}
     * @param parameters parameter values by {@link Parameter#index()}, each of length rows
     */
    record Inputs(int rows, double[][] columns, double[][] parameters) {
    }

    /** A number. */
    record Constant(double value) implements ModelExpression {
        @Override
        public double[] values(Inputs in) {
            double[] out = new double[in.rows()];
            java.util.Arrays.fill(out, value);
            return out;
        }

        @Override
        public ModelExpression derivative(int index) {
            return Expressions.ZERO;
        }

        @Override
        public String deparse() {
            return io.glimmer.design.NumberFormat.r(value);
        }

        @Override
        public int precedence() {
            return value < 0 ? 3 : 10;
        }
    }

    /** A numeric column of the data. */
    record Column(String name, int index) implements ModelExpression {
        public Column {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public double[] values(Inputs in) {
            return in.columns()[index];
        }

        @Override
        public ModelExpression derivative(int parameter) {
            return Expressions.ZERO;
        }

        @Override
        public String deparse() {
            return name;
        }
    }

    /** A model parameter (Asym, xmid, ...). */
    record Parameter(String name, int index) implements ModelExpression {
        public Parameter {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public double[] values(Inputs in) {
            return in.parameters()[index];
        }

        @Override
        public ModelExpression derivative(int parameter) {
            return parameter == index ? Expressions.ONE : Expressions.ZERO;
        }

        @Override
        public String deparse() {
            return name;
        }
    }

    /** Unary minus. */
    record Negate(ModelExpression operand) implements ModelExpression {
        @Override
        public double[] values(Inputs in) {
            double[] a = operand.values(in);
            double[] out = new double[a.length];
            for (int r = 0; r < a.length; r++) {
                out[r] = -a[r];
            }
            return out;
        }

        @Override
        public ModelExpression derivative(int index) {
            return Expressions.negate(operand.derivative(index));
        }

        @Override
        public String deparse() {
            return "-" + Expressions.wrap(operand, precedence() + 1);
        }

        @Override
        public int precedence() {
            return 3;
        }
    }

    /** {@code left op right} for op one of + - * / ^. */
    record Arithmetic(char op, ModelExpression left, ModelExpression right) implements ModelExpression {
        public Arithmetic {
            if ("+-*/^".indexOf(op) < 0) {
                throw new IllegalArgumentException("not an arithmetic operator: " + op);
            }
        }

        @Override
        public double[] values(Inputs in) {
            double[] a = left.values(in);
            double[] b = right.values(in);
            double[] out = new double[in.rows()];
            switch (op) {
                case '+' -> {
                    for (int r = 0; r < out.length; r++) {
                        out[r] = a[r] + b[r];
                    }
                }
                case '-' -> {
                    for (int r = 0; r < out.length; r++) {
                        out[r] = a[r] - b[r];
                    }
                }
                case '*' -> {
                    for (int r = 0; r < out.length; r++) {
                        out[r] = a[r] * b[r];
                    }
                }
                case '/' -> {
                    for (int r = 0; r < out.length; r++) {
                        out[r] = a[r] / b[r];
                    }
                }
                default -> {
                    for (int r = 0; r < out.length; r++) {
                        out[r] = Math.pow(a[r], b[r]);
                    }
                }
            }
            return out;
        }

        @Override
        public ModelExpression derivative(int index) {
            ModelExpression da = left.derivative(index);
            ModelExpression db = right.derivative(index);
            return switch (op) {
                case '+' -> Expressions.add(da, db);
                case '-' -> Expressions.subtract(da, db);
                case '*' -> Expressions.add(Expressions.multiply(da, right), Expressions.multiply(left, db));
                // (a/b)' = a'/b − a b'/b²
                case '/' -> Expressions.subtract(Expressions.divide(da, right),
                        Expressions.divide(Expressions.multiply(left, db), Expressions.power(right, new Constant(2))));
                default -> powerDerivative(da, db);
            };
        }

        /**
         * (a^b)' = b a^(b−1) a' for a constant exponent; a^b log(a) b' for a base free of the parameter
         * ({@link PowerLog}, finite at a = 0, as in SSweibull's x^pwr at x = 0); else a^b (b' log a + b a'/a).
         */
        private ModelExpression powerDerivative(ModelExpression da, ModelExpression db) {
            if (right instanceof Constant c) {
                return Expressions.multiply(Expressions.multiply(c, Expressions.power(left, new Constant(c.value() - 1))), da);
            }
            if (da instanceof Constant z && z.value() == 0) {
                return Expressions.multiply(new PowerLog(left, right, 1), db);
            }
            ModelExpression inner = Expressions.add(Expressions.multiply(db, Expressions.call("log", left)),
                    Expressions.divide(Expressions.multiply(right, da), left));
            return Expressions.multiply(this, inner);
        }

        @Override
        public String deparse() {
            int p = precedence();
            boolean rightAssociative = op == '^';
            String l = Expressions.wrap(left, rightAssociative ? p + 1 : p);
            String r = Expressions.wrap(right, rightAssociative ? p : p + 1);
            return op == '^' ? l + "^" + r : l + " " + op + " " + r;
        }

        @Override
        public int precedence() {
            return switch (op) {
                case '+', '-' -> 1;
                case '*', '/' -> 2;
                default -> 4;
            };
        }
    }

    /** {@code exp}, {@code log} (natural) or {@code sqrt} of an expression. */
    record Function(String name, ModelExpression argument) implements ModelExpression {
        public Function {
            if (!Expressions.FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("not a model function: " + name);
            }
        }

        @Override
        public double[] values(Inputs in) {
            double[] a = argument.values(in);
            double[] out = new double[a.length];
            switch (name) {
                case "exp" -> {
                    for (int r = 0; r < a.length; r++) {
                        out[r] = Math.exp(a[r]);
                    }
                }
                case "log" -> {
                    for (int r = 0; r < a.length; r++) {
                        out[r] = Math.log(a[r]);
                    }
                }
                default -> {
                    for (int r = 0; r < a.length; r++) {
                        out[r] = Math.sqrt(a[r]);
                    }
                }
            }
            return out;
        }

        @Override
        public ModelExpression derivative(int index) {
            ModelExpression da = argument.derivative(index);
            return switch (name) {
                case "exp" -> Expressions.multiply(this, da);
                case "log" -> Expressions.divide(da, argument);
                default -> Expressions.divide(da, Expressions.multiply(new Constant(2), this));
            };
        }

        @Override
        public String deparse() {
            return name + "(" + argument.deparse() + ")";
        }
    }

    /**
     * a^b · log(a)^k, taken as 0 where a = 0 (its limit for b &gt; 0): the derivatives of a power in its
     * exponent, which would otherwise be 0 · ∞ at a zero base.
     */
    record PowerLog(ModelExpression base, ModelExpression exponent, int k) implements ModelExpression {
        @Override
        public double[] values(Inputs in) {
            double[] a = base.values(in);
            double[] b = exponent.values(in);
            double[] out = new double[a.length];
            for (int r = 0; r < a.length; r++) {
                out[r] = a[r] == 0 ? 0 : Math.pow(a[r], b[r]) * Math.pow(Math.log(a[r]), k);
            }
            return out;
        }

        @Override
        public ModelExpression derivative(int index) {
            ModelExpression da = base.derivative(index);
            ModelExpression db = exponent.derivative(index);
            if (da instanceof Constant z && z.value() == 0) {
                return Expressions.multiply(new PowerLog(base, exponent, k + 1), db);
            }
            // the general product rule, where a zero base depends on the parameters
            ModelExpression power = Expressions.power(base, exponent);
            ModelExpression log = Expressions.call("log", base);
            ModelExpression logK = Expressions.power(log, new Constant(k));
            ModelExpression dPower = power.derivative(index);
            ModelExpression dLogK = Expressions.multiply(Expressions.multiply(new Constant(k), Expressions.power(log, new Constant(k - 1))),
                    Expressions.divide(da, base));
            return Expressions.add(Expressions.multiply(dPower, logK), Expressions.multiply(power, dLogK));
        }

        @Override
        public String deparse() {
            String log = k == 1 ? "log(" + base.deparse() + ")" : "log(" + base.deparse() + ")^" + k;
            return Expressions.wrap(base, 5) + "^" + Expressions.wrap(exponent, 4) + " * " + log;
        }

        @Override
        public int precedence() {
            return 2;
        }
    }
}
