package io.glimmer.nonlinear;

import java.util.ArrayList;
import java.util.List;

/**
 * A nonlinear model's mean re-read from its formula with the parameter names known (a saved model's):
 * every other name is a data column, and self-starting models expand as in fitting. Prediction for new
 * data evaluates it there, where the response need not be present.
 */
public final class MeanFunction {
    private final ModelExpression mean;
    private final List<String> columns;
    private final int parameterCount;

    private MeanFunction(ModelExpression mean, List<String> columns, int parameterCount) {
        this.mean = mean;
        this.columns = List.copyOf(columns);
        this.parameterCount = parameterCount;
    }

    /**
     * @param formula    {@code response ~ expression}, as the fit was given it
     * @param parameters the parameter names in the fit's order
     */
    public static MeanFunction parse(String formula, List<String> parameters) {
        List<String> columns = new ArrayList<>();
        ExpressionParser.TwoSided parsed = ExpressionParser.formula(formula, new ExpressionParser.Names() {
            @Override
            public ModelExpression resolve(String name, int position) {
                int k = parameters.indexOf(name);
                if (k >= 0) {
                    return new ModelExpression.Parameter(name, k);
                }
                if (!columns.contains(name)) {
                    columns.add(name);
                }
                return new ModelExpression.Column(name, columns.indexOf(name));
            }

            @Override
            public ModelExpression call(String name, List<ModelExpression> args, List<Integer> positions, int position) {
                // checked when the model was fitted
                return SelfStart.find(name).map(s -> s.expand(args)).orElse(null);
            }
        });
        return new MeanFunction(parsed.mean(), columns, parameters.size());
    }

    /** The data columns the mean reads, in the order {@link #values} takes them. */
    public List<String> columns() {
        return columns;
    }

    /**
     * f on every row.
     *
     * @param columns    the {@link #columns()}' values, each of length rows
     * @param parameters each parameter's value on every row, in the fit's order
     */
    public double[] values(int rows, double[][] columns, double[][] parameters) {
        if (parameters.length != parameterCount || columns.length != this.columns.size()) {
            throw new IllegalArgumentException(parameters.length + " parameters and " + columns.length + " columns for a mean of "
                    + parameterCount + " and " + this.columns.size());
        }
        return mean.values(new ModelExpression.Inputs(rows, columns, parameters)).clone();
    }
}
