package io.glimmer.response;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.NumberFormat;
import io.glimmer.error.InputException;
import io.glimmer.formula.Expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * An ordered categorical response (family ordinal): one column whose categories are ordered by
 * {@code levels} when given, otherwise numbers by value and text in the order of the data's levels
 * (numerically where every level is a number, else by code point: give the order of words). The
 * response becomes each row's category number 1 … K; categories are those that occur, and a level
 * given that never occurs, or a value not among the levels given, is an error rather than dropped.
 */
public final class OrdinalResponse {
    private OrdinalResponse() {
    }

    /**
     * @param levels the categories in order, or empty for the column's own order
     * @throws InputException for a cbind response, a value outside the levels, an unused level or a single category
     */
    public static Response of(ModelFrame frame, Expr response, List<String> levels, String weightsColumn) {
        if (response == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        if (response instanceof Expr.Call c && c.function().equals("cbind")) {
            throw new InputException("an ordinal response is one column of ordered categories, not " + c.deparse()
                    + " (cbind(successes, failures) is a binomial response)");
        }
        double[] prior = Response.priorWeights(frame, weightsColumn);
        String name = response.deparse();
        List<String> text = values(frame.column(response));
        List<String> categories = levels.isEmpty() ? observedOrder(frame.column(response), text) : givenOrder(levels, text, name, frame.keptRows());
        if (categories.size() < 2) {
            throw new InputException("the ordinal response '" + name + "' has a single category (" + (categories.isEmpty() ? "none" : categories.get(0))
                    + ") in the rows used; an ordinal model needs at least two");
        }
        double[] y = new double[text.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = categories.indexOf(text.get(r)) + 1;
        }
        return new Response(y, prior, categories);
    }

    /** Each row's category as text: a level, or a number as R writes it. */
    private static List<String> values(Column column) {
        List<String> text = new ArrayList<>(column.size());
        for (int r = 0; r < column.size(); r++) {
            text.add(column instanceof CategoricalColumn cat ? cat.level(r) : NumberFormat.r(((NumericColumn) column).values()[r]));
        }
        return text;
    }

    private static List<String> observedOrder(Column column, List<String> text) {
        if (column instanceof CategoricalColumn cat) {
            return cat.levels(); // the frame has dropped the levels no row uses
        }
        TreeSet<Double> numbers = new TreeSet<>();
        for (double v : ((NumericColumn) column).values()) {
            numbers.add(v);
        }
        return numbers.stream().map(NumberFormat::r).toList();
    }

    private static List<String> givenOrder(List<String> levels, List<String> text, String name, int[] dataRows) {
        if (new HashSet<>(levels).size() != levels.size()) {
            throw new InputException("{--levels} names a category twice: " + String.join(",", levels));
        }
        HashSet<String> seen = new HashSet<>(text);
        for (int r = 0; r < text.size(); r++) {
            if (!levels.contains(text.get(r))) {
                throw new InputException("the ordinal response '" + name + "' is '" + text.get(r) + "' in row " + (dataRows[r] + 1)
                        + ", which is not among {--levels} " + String.join(",", levels));
            }
        }
        for (String level : levels) {
            if (!seen.contains(level)) {
                throw new InputException("category '" + level + "' of {--levels} does not occur in the ordinal response '" + name
                        + "' in the rows used; its thresholds could not be estimated");
            }
        }
        return List.copyOf(levels);
    }
}
