package io.glimmer.nonlinear;

import io.glimmer.error.InputException;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.formula.FormulaException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed nonlinear model {@code response ~ expression}: the names that are numeric columns of
 * the data are covariates, every other name is a parameter, which needs a value in {@code --start}
 * unless the expression is one self-starting model (then R's initial-value algorithm gives it).
 *
 * @param text       the formula as written
 * @param response   the response column
 * @param mean       the model for the mean
 * @param parameters parameter names in order of first appearance in the formula (not --start's order: a Java
 *                   caller's Map.of has none), as nlme's fixed = A + B + C ~ 1 lists them when written in that order
 * @param columns    the covariate columns the expression reads, by {@link ModelExpression.Column#index()}
 * @param selfStart  the self-starting model when the whole mean is one, else null
 * @param selfStartArguments its arguments as written (inputs, then parameters)
 */
public record NonlinearFormula(String text, String response, ModelExpression mean, List<String> parameters, List<String> columns,
                               SelfStart selfStart, List<ModelExpression> selfStartArguments) {
    public NonlinearFormula {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        selfStartArguments = selfStartArguments == null ? List.of() : List.copyOf(selfStartArguments);
    }

    /**
     * @param start the --start values by name (may be empty)
     * @throws InputException naming the position of an unusable name, or a parameter without a start
     */
    public static NonlinearFormula parse(String text, DataFrame data, Map<String, Double> start) {
        Resolver names = new Resolver(text, data);
        ExpressionParser.TwoSided parsed = ExpressionParser.formula(text, names);
        if (!data.has(parsed.response())) {
            throw new FormulaException("the response '" + parsed.response() + "' is not a column of the data (columns: "
                    + String.join(", ", data.names()) + ")", parsed.responsePosition(), text);
        }
        if (!(data.column(parsed.response()) instanceof NumericColumn)) {
            throw new FormulaException("the response '" + parsed.response() + "' is categorical; a nonlinear model needs a numeric response",
                    parsed.responsePosition(), text);
        }
        boolean selfStarted = names.selfStart != null && parsed.mean() == names.selfStartExpression;
        for (Map.Entry<String, Integer> p : names.parameters.entrySet()) {
            if (!start.containsKey(p.getKey()) && !selfStarted) {
                throw new FormulaException("the parameter '" + p.getKey() + "' has no start value: give one with {--start} " + p.getKey()
                        + "=VALUE (names that are not columns of the data are parameters)", names.firstSeen.get(p.getKey()), text);
            }
        }
        for (String name : start.keySet()) {
            if (data.has(name)) {
                throw new InputException("{--start} names '" + name + "', which is a column of the data, not a parameter of \"" + text + "\"");
            }
            if (!names.firstSeen.containsKey(name)) {
                throw new InputException("{--start} names '" + name + "', which is not a parameter of \"" + text + "\" (its parameters: "
                        + String.join(", ", names.firstSeen.keySet()) + ")");
            }
        }
        return new NonlinearFormula(text, parsed.response(), parsed.mean(), new ArrayList<>(names.parameters.keySet()), names.columns,
                selfStarted ? names.selfStart : null, selfStarted ? names.selfStartArguments : null);
    }

    /** Index of a parameter, or −1. */
    public int parameterIndex(String name) {
        return parameters.indexOf(name);
    }

    /** Columns are covariates; other names parameters, numbered in order of first appearance. */
    private static final class Resolver implements ExpressionParser.Names {
        private final String text;
        private final DataFrame data;
        private final Map<String, Integer> parameters = new LinkedHashMap<>();
        private final Map<String, Integer> firstSeen = new LinkedHashMap<>();
        private final List<String> columns = new ArrayList<>();
        private SelfStart selfStart;
        private ModelExpression selfStartExpression;
        private List<ModelExpression> selfStartArguments;

        Resolver(String text, DataFrame data) {
            this.text = text;
            this.data = data;
        }

        @Override
        public ModelExpression resolve(String name, int position) {
            if (data.has(name)) {
                Column c = data.column(name);
                if (!(c instanceof NumericColumn)) {
                    throw new FormulaException("the column '" + name + "' is categorical; the model's expression takes numeric columns"
                            + " (a parameter cannot depend on a categorical covariate yet)", position, text);
                }
                if (!columns.contains(name)) {
                    columns.add(name);
                }
                return new ModelExpression.Column(name, columns.indexOf(name));
            }
            firstSeen.putIfAbsent(name, position);
            Integer index = parameters.computeIfAbsent(name, n -> parameters.size());
            return new ModelExpression.Parameter(name, index);
        }

        @Override
        public ModelExpression call(String name, List<ModelExpression> args, List<Integer> positions, int position) {
            SelfStart model = SelfStart.find(name).orElse(null);
            if (model == null) {
                return null;
            }
            List<String> formals = model.arguments();
            if (args.size() != formals.size()) {
                throw new FormulaException(name + "() takes " + formals.size() + " arguments (" + String.join(", ", formals) + "), not "
                        + args.size(), position, text);
            }
            for (int i = 0; i < formals.size(); i++) {
                boolean isParameter = args.get(i) instanceof ModelExpression.Parameter;
                if (i < model.inputCount() && !columnsOnly(args.get(i))) {
                    throw new FormulaException("argument '" + formals.get(i) + "' of " + name + " must be an expression of data columns",
                            positions.get(i), text);
                }
                if (i >= model.inputCount() && !isParameter) {
                    throw new FormulaException("argument '" + formals.get(i) + "' of " + name + " must be a parameter name (not a column "
                            + "or expression)", positions.get(i), text);
                }
            }
            ModelExpression expanded = model.expand(args);
            if (selfStart == null) {
                selfStart = model;
                selfStartExpression = expanded;
                selfStartArguments = args;
            }
            return expanded;
        }

        private static boolean columnsOnly(ModelExpression e) {
            if (e instanceof ModelExpression.Parameter) {
                return false;
            }
            if (e instanceof ModelExpression.Negate n) {
                return columnsOnly(n.operand());
            }
            if (e instanceof ModelExpression.Arithmetic a) {
                return columnsOnly(a.left()) && columnsOnly(a.right());
            }
            if (e instanceof ModelExpression.Function f) {
                return columnsOnly(f.argument());
            }
            return true; // a constant or a column
        }
    }
}
