package io.glimmer.design;

import io.glimmer.data.DataFrame;
import io.glimmer.error.InputException;
import io.glimmer.formula.Formula;

import java.util.ArrayList;
import java.util.List;

/**
 * The zero-inflation model's design (glmmTMB's ziformula): a one-sided formula of fixed effects,
 * {@code ~ x1 + f}, coded as the conditional model's fixed effects are (treatment contrasts, R's
 * term order), over the conditional model's rows; aliased columns are dropped as {@link RankCheck} drops them.
 *
 * @param text           the formula as written
 * @param formula        parsed
 * @param x              n × pz, full rank, rows those of the conditional model's design
 * @param droppedColumns aliased columns removed
 * @param coding         levels and scale() constants, to code new data the same way
 */
public record ZeroInflationDesign(String text, Formula formula, ModelMatrix x, List<String> droppedColumns, StoredCoding coding) {
    public ZeroInflationDesign {
        droppedColumns = List.copyOf(droppedColumns);
    }

    /**
     * Parses and checks the formula against the data's columns: one-sided, fixed effects only, no
     * offset, every variable a column.
     */
    public static Formula parse(String text, DataFrame data) {
        Formula f = Formula.parse(oneSided(text));
        if (f.response() != null) {
            throw new InputException("the zero-inflation formula {--zi} is one-sided, e.g. '~ x1 + x2'; '" + text
                    + "' has a response (" + f.response().deparse() + ")");
        }
        if (!f.randomTerms().isEmpty()) {
            throw new InputException("the zero-inflation formula {--zi} takes fixed effects only (as glmmTMB's ziformula is mostly used); '"
                    + text + "' has the random-effects term (" + f.randomTerms().get(0).label() + ")");
        }
        if (!f.offsets().isEmpty()) {
            throw new InputException("offsets are not supported in the zero-inflation formula {--zi} ('" + text + "')");
        }
        if (!f.intercept() && f.fixedTerms().isEmpty()) {
            throw new InputException("the zero-inflation formula {--zi} '" + text + "' has no term; leave out {--zi} for no zero inflation");
        }
        for (String v : f.variables()) {
            if (!data.has(v)) {
                throw new InputException("the zero-inflation formula {--zi} uses '" + v + "', which is not a column of " + data.source()
                        + " (columns: " + String.join(", ", data.names()) + ")");
            }
        }
        return f;
    }

    /**
     * The design on the conditional model's rows.
     *
     * @param rows the data restricted to the conditional model's rows (none may miss a variable of the formula)
     */
    public static ZeroInflationDesign of(String text, DataFrame rows) {
        Formula f = parse(text, rows);
        ModelFrame frame = ModelFrame.of(rows, f, null);
        if (frame.dropped() > 0) { // e.g. log(x) of x <= 0: the rows would no longer be the model's
            throw new InputException("the zero-inflation formula {--zi} '" + text + "' has a missing or undefined value on "
                    + frame.dropped() + " of the model's rows");
        }
        ModelMatrix full = ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms());
        int[] keep = RankCheck.independentColumns(full);
        List<String> dropped = new ArrayList<>(full.names());
        ModelMatrix x = keep.length < full.columns() ? full.select(keep) : full;
        dropped.removeAll(x.names());
        return new ZeroInflationDesign(text, f, x, dropped, frame.coding(f));
    }

    /** The formula with its tilde: "x1 + x2" is read as "~ x1 + x2". */
    public static String oneSided(String text) {
        return text.contains("~") ? text : "~ " + text;
    }

    /** Each row's probability of a structural zero, p₀ = logit⁻¹(x_zi'γ). */
    public static double[] zeroProbabilities(ModelMatrix x, double[] gamma) {
        double[] p0 = new double[x.rows()];
        for (int r = 0; r < p0.length; r++) {
            p0[r] = zeroProbability(x, r, gamma);
        }
        return p0;
    }

    /** One row's p₀ = logit⁻¹(x_zi'γ). */
    public static double zeroProbability(ModelMatrix x, int row, double[] gamma) {
        return 1 / (1 + Math.exp(-LinearPredictor.row(x.values(), gamma.length, row, gamma, 0)));
    }

    /** Number of zero-inflation coefficients. */
    public int pz() {
        return x.columns();
    }
}
