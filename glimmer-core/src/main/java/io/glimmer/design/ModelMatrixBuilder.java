package io.glimmer.design;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.NumericColumn;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Term;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a model matrix from terms as R's model.matrix does with treatment contrasts. A categorical
 * factor in a term is coded by contrasts (its first level dropped) when the term without that factor
 * is also in the model (the intercept standing for the empty term); otherwise by one indicator per
 * level. Without an intercept only the first categorical main effect gets indicators for every level
 * (R's model.matrix does the same; coding later ones fully would repeat the intercept).
 * Columns of an interaction vary the first factor fastest; names join the parts with ':'.
 */
public final class ModelMatrixBuilder {
    private ModelMatrixBuilder() {
    }

    public static ModelMatrix build(ModelFrame frame, boolean intercept, List<Term> terms) {
        return assigned(frame, intercept, terms, null);
    }

    /**
     * R's "assign" attribute of the model matrix: for each column, 0 for the intercept or k for the
     * k-th term (1-based), before any aliased column is dropped.
     */
    public static int[] assign(ModelFrame frame, boolean intercept, List<Term> terms) {
        List<Integer> assign = new ArrayList<>();
        assigned(frame, intercept, terms, assign);
        return assign.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The model matrix, each column's term appended to {@code assign} when it is not null. */
    private static ModelMatrix assigned(ModelFrame frame, boolean intercept, List<Term> terms, List<Integer> assign) {
        int n = frame.rows();
        checkSize(frame, intercept, terms);
        Set<Set<String>> present = new HashSet<>();
        if (intercept) {
            present.add(Set.of());
        }
        for (Term t : terms) {
            present.add(keys(t.factors()));
        }
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        // One column of ones, shared (only read): the intercept and the start of every term's product.
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        if (intercept) {
            names.add("(Intercept)");
            if (assign != null) {
                assign.add(0);
            }
            columns.add(ones);
        }
        for (Term t : terms) {
            List<String> partNames = List.of("");
            List<double[]> partValues = new ArrayList<>();
            partValues.add(ones);
            boolean firstFactor = true;
            for (Expr f : t.factors()) {
                Column c = frame.column(f);
                Set<String> rest = keys(t.factors());
                rest.remove(f.deparse());
                List<String> fNames = new ArrayList<>();
                List<double[]> fValues = new ArrayList<>();
                boolean contrasts = present.contains(rest);
                codings(c, contrasts, n, fNames, fValues);
                if (rest.isEmpty() && !contrasts && c instanceof CategoricalColumn) {
                    present.add(Set.of()); // the full coding now spans the intercept
                }
                // expand: the earlier factors vary fastest
                List<String> newNames = new ArrayList<>();
                List<double[]> newValues = new ArrayList<>();
                for (int b = 0; b < fNames.size(); b++) {
                    for (int a = 0; a < partNames.size(); a++) {
                        newNames.add(firstFactor ? fNames.get(b) : partNames.get(a) + ":" + fNames.get(b));
                        double[] pa = partValues.get(a);
                        double[] fb = fValues.get(b);
                        newValues.add(pa == ones ? fb : product(pa, fb)); // 1 * x is x exactly: no pass
                    }
                }
                partNames = newNames;
                partValues = newValues;
                firstFactor = false;
            }
            names.addAll(partNames);
            columns.addAll(partValues);
            if (assign != null) {
                partNames.forEach(name -> assign.add(terms.indexOf(t) + 1));
            }
        }
        int p = names.size();
        double[][] cols = columns.toArray(new double[0][]);
        double[] values = new double[n * p];
        RowBlocks.each(n, (from, to) -> {
            for (int r = from; r < to; r++) { // row by row: the row-major matrix is written in order
                for (int j = 0; j < p; j++) {
                    values[r * p + j] = cols[j][r];
                }
            }
        });
        return new ModelMatrix(names, values, n);
    }

    private static double[] product(double[] a, double[] b) {
        double[] v = new double[a.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = a[r] * b[r];
        }
        return v;
    }

    /**
     * The model matrix with exactly the named columns, in that order: for new data coded with a fit's
     * stored levels ({@link ModelFrame#forNewData}), the columns the fit estimated (aliased ones left out).
     */
    public static ModelMatrix build(ModelFrame frame, boolean intercept, List<Term> terms, List<String> columns) {
        ModelMatrix full = build(frame, intercept, terms);
        int[] keep = new int[columns.size()];
        for (int j = 0; j < keep.length; j++) {
            keep[j] = full.names().indexOf(columns.get(j));
            if (keep[j] < 0) {
                throw new InputException("the model matrix of the new data has no column '" + columns.get(j) + "' (it has: "
                        + String.join(", ", full.names()) + ")");
            }
        }
        return full.select(keep);
    }

    /**
     * Refuses, before allocating it, a dense model matrix that would not fit in memory (a factor with
     * thousands of levels used as a fixed effect): an upper bound of its columns, every level counted.
     */
    private static final long MAX_COLUMNS = 5000;

    private static void checkSize(ModelFrame frame, boolean intercept, List<Term> terms) {
        long columns = intercept ? 1 : 0;
        String widest = null;
        long widestColumns = 0;
        for (Term t : terms) {
            long c = 1;
            for (Expr f : t.factors()) {
                Column col = frame.column(f);
                c *= col instanceof CategoricalColumn cat ? Math.max(1, cat.levelCount()) : 1;
            }
            columns += c;
            if (c > widestColumns) {
                widestColumns = c;
                widest = t.label();
            }
        }
        long cells = columns * frame.rows();
        long budget = Runtime.getRuntime().maxMemory() / 4 / Double.BYTES; // the matrix is built twice over while coding
        // Beyond a few thousand dense columns the rank check alone (n·p² flops) takes hours.
        if (columns > MAX_COLUMNS || cells > Integer.MAX_VALUE - 8 || cells > budget) {
            throw new InputException(String.format(java.util.Locale.ROOT,
                    "the fixed-effects matrix would have %d rows x %d columns (%.1f GB), more than Glimmer handles densely; '%s' has %d columns:"
                            + " a factor with many levels is usually better as a random effect, e.g. (1 | %s)",
                    frame.rows(), columns, cells * 8.0 / 1e9, widest, widestColumns, widest));
        }
    }

    private static Set<String> keys(List<Expr> factors) {
        Set<String> s = new TreeSet<>();
        for (Expr e : factors) {
            s.add(e.deparse());
        }
        return s;
    }

    private static void codings(Column c, boolean contrasts, int n, List<String> names, List<double[]> values) {
        if (c instanceof NumericColumn num) {
            names.add(c.name());
            values.add(num.values());
            return;
        }
        CategoricalColumn cat = (CategoricalColumn) c;
        if (contrasts && cat.levelCount() < 2) {
            throw new InputException("'" + c.name() + "' has a single level (" + (cat.levelCount() == 0 ? "none" : cat.levels().get(0))
                    + ") in the rows used; a categorical predictor needs at least two");
        }
        for (int l = contrasts ? 1 : 0; l < cat.levelCount(); l++) {
            names.add(c.name() + cat.levels().get(l));
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = cat.code(r) == l ? 1.0 : 0.0;
            }
            values.add(v);
        }
    }
}
