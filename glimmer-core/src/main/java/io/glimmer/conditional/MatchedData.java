package io.glimmer.conditional;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.Design;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.RankCheck;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * The checked inputs of a conditional logistic regression, as clogit sees them: 0/1 response,
 * covariates without intercept (the strata absorb it), optional offset, one stratum key per row.
 * Rows with a missing value in the formula's variables or in the strata column are dropped.
 *
 * @param x        covariates, n × p row-major, without the intercept
 * @param names    their names
 * @param y        0/1 response
 * @param offset   offsets, or null
 * @param strata   stratum key of each row
 * @param dropped  rows dropped for missing values
 * @param warnings what the design already had to say (aliased columns)
 */
record MatchedData(double[] x, List<String> names, double[] y, double[] offset, Object[] strata, int dropped,
                   List<String> warnings) {

    int rows() {
        return y.length;
    }

    /**
     * The matched data of a design whose rows all have a stratum.
     *
     * @param strataColumn each row's stratum, one per row of the design
     * @param droppedBefore rows removed before the design for a missing stratum
     */
    static MatchedData of(Design design, Column strataColumn, int droppedBefore) {
        ModelFrame frame = design.frame();
        double[] yAll = response(frame, design.formula().response());
        int pAll = design.p();
        List<String> namesAll = design.x().names();
        int intercept = namesAll.indexOf("(Intercept)"); // absorbed by the strata, dropped silently as clogit does
        List<String> names = new ArrayList<>(namesAll);
        if (intercept >= 0) {
            names.remove(intercept);
        }
        int p = names.size();
        int n = design.rows();
        double[] x = new double[n * p];
        double[] y = new double[n];
        double[] offset = design.offset() == null ? null : new double[n];
        Object[] strata = new Object[n];
        double[] xAll = design.x().values();
        for (int r = 0; r < n; r++) {
            for (int j = 0, t = 0; j < pAll; j++) {
                if (j != intercept) {
                    x[r * p + t++] = xAll[r * pAll + j];
                }
            }
            y[r] = yAll[r];
            if (offset != null) {
                offset[r] = design.offset()[r];
            }
            strata[r] = key(strataColumn, r);
        }
        List<String> warnings = new ArrayList<>();
        RankCheck.warning(design.droppedColumns()).ifPresent(warnings::add);
        return new MatchedData(x, List.copyOf(names), y, offset, strata, frame.dropped() + droppedBefore, warnings);
    }

    static void checkOptions(DataFrame data, Formula f, FitOptions options) {
        if (options.strata() == null || options.strata().isBlank()) {
            throw new InputException("conditional logistic regression needs {--strata COLUMN} naming the matched sets");
        }
        if (!data.has(options.strata())) {
            throw new InputException(data.source() + ": no strata column '" + options.strata() + "' (columns: "
                    + String.join(", ", data.names()) + ")");
        }
        if (!f.randomTerms().isEmpty()) {
            throw new InputException("conditional logistic regression has no random effects; remove ("
                    + f.randomTerms().get(0).label() + ") from the formula (the strata take the place of a grouping factor)");
        }
        for (Term t : f.fixedTerms()) {
            for (Expr e : t.factors()) {
                if (e instanceof Expr.Call c && c.function().equals("strata")) {
                    throw new InputException("give the strata with {--strata " + c.args().get(0).deparse() + "}, not as '" + c.deparse() + "' in the formula");
                }
            }
        }
        if (options.family() != null && !options.family().equals("binomial") || options.link() != null && !options.link().equals("logit")) {
            throw new InputException("conditional logistic regression is binomial with the logit link; drop {--family}/{--link} or use binomial/logit");
        }
        if (options.weights() != null) {
            throw new InputException("conditional logistic regression (exact method) does not take {--weights}");
        }
        if (f.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        if (f.response() instanceof Expr.Call c && c.function().equals("cbind")) {
            throw new InputException("conditional logistic regression needs a 0/1 response, not " + c.deparse());
        }
    }

    /** 0/1 numbers, or a two-level category (first level 0, as R's binomial). */
    static double[] response(ModelFrame frame, Expr response) {
        Column c = frame.column(response);
        if (c instanceof CategoricalColumn cat) {
            if (cat.levelCount() != 2) {
                throw new InputException("the response '" + response.deparse() + "' is categorical with " + cat.levelCount()
                        + " levels; conditional logistic regression needs 0/1 (or two levels)");
            }
            double[] y = new double[cat.size()];
            for (int r = 0; r < y.length; r++) {
                y[r] = cat.code(r);
            }
            return y;
        }
        double[] y = ((NumericColumn) c).values();
        for (int r = 0; r < y.length; r++) {
            if (y[r] != 0 && y[r] != 1) {
                throw new InputException("row " + (frame.keptRows()[r] + 1) + ": the response '" + response.deparse() + "' is "
                        + (y[r] == Math.rint(y[r]) ? String.valueOf((long) y[r]) : String.valueOf(y[r])) + "; conditional logistic regression needs 0 (control) or 1 (case)");
            }
        }
        return y;
    }

    private static Object key(Column c, int row) {
        if (c instanceof CategoricalColumn cat) {
            return cat.code(row);
        }
        return ((NumericColumn) c).get(row);
    }
}
