package io.glimmer.spark;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ModelMatrixBuilder;
import io.glimmer.design.StoredCoding;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every task needs to code its rows as the core codes a whole data set: the formula, the
 * columns it reads (numeric or categorical) and each categorical column's levels over all complete
 * rows. X and Z rows are made by the core's own model-matrix code with these levels stored, so
 * every partition has the same columns, whatever levels its own rows happen to use.
 *
 * @param source      the data's name, for messages
 * @param formula     the formula as written
 * @param columns     the data columns the formula reads, in the order the rows hold them
 * @param categorical for each column, whether it is categorical
 * @param levels      each categorical column's levels, sorted by the core's rule
 */
record ModelPlan(String source, String formula, List<String> columns, boolean[] categorical, Map<String, List<String>> levels)
        implements Serializable {

    Formula parsed() {
        return Formula.parse(formula);
    }

    /** The first random-effects term (a GLMM on Spark has one so far). */
    RandomTerm randomTerm() {
        return parsed().randomTerms().get(0);
    }

    /** The random-effects terms in the formula's order. */
    List<RandomTerm> randomTerms() {
        return parsed().randomTerms();
    }

    /** Every expression the rows are evaluated for: the core model frame's (response or cbind's parts, factors, offsets, grouping). */
    List<Expr> expressions() {
        return ModelFrame.expressions(parsed());
    }

    /** The model frame of some rows, coded with the stored levels (no row dropped: the rows given are complete). */
    ModelFrame frame(DataFrame rows) {
        Map<String, List<String>> coded = new LinkedHashMap<>();
        levels.forEach(coded::put);
        return ModelFrame.forNewData(rows, expressions(), new StoredCoding(coded, Map.of()));
    }

    ModelMatrix fixed(ModelFrame frame) {
        Formula f = parsed();
        return ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms());
    }

    ModelMatrix random(ModelFrame frame) {
        return random(frame, 0);
    }

    /** Z of the formula's k-th random-effects term. */
    ModelMatrix random(ModelFrame frame, int k) {
        RandomTerm rt = randomTerms().get(k);
        return ModelMatrixBuilder.build(frame, rt.intercept(), rt.terms());
    }

    /** A data frame of the given column values (NaN or null where missing), categorical columns coded by the stored levels. */
    DataFrame dataFrame(double[][] numeric, String[][] text) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (!categorical[c]) {
                cols.add(new NumericColumn(name, numeric[c]));
                continue;
            }
            List<String> lv = levels.get(name);
            Map<String, Integer> code = new HashMap<>(lv.size() * 2);
            for (int i = 0; i < lv.size(); i++) {
                code.put(lv.get(i), i);
            }
            int[] codes = new int[text[c].length];
            for (int r = 0; r < codes.length; r++) {
                Integer k = text[c][r] == null ? null : code.get(text[c][r]);
                if (k == null) {
                    throw new InputException(source + ": column '" + name + "' has a value not seen when its levels were read ("
                            + text[c][r] + "); the data changed during the fit");
                }
                codes[r] = k;
            }
            cols.add(new CategoricalColumn(name, codes, lv));
        }
        return DataFrame.of(source, cols);
    }

    /** No rows: what the driver builds the column names from. */
    DataFrame empty() {
        double[][] numeric = new double[columns.size()][0];
        String[][] text = new String[columns.size()][0];
        return dataFrame(numeric, text);
    }
}
