package io.glimmer.ddf;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.design.Design;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ModelMatrixBuilder;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The hypotheses of lmerTest's anova, one per fixed term (the intercept has none). Type I
 * (sequential): the rows of the term's columns in L' where X'X = LU (Doolittle). Type III
 * (lmerTest's extract_contrasts_type3 for treatment contrasts): the full-rank design X is expressed in
 * the "complete" design (every level of every factor in each term, lmerTest's rdX) by least squares;
 * the coefficients of each term are made orthogonal to those of every term that contains it (higher
 * order first), and the rows for the term's columns are its hypothesis.
 */
public final class AnovaContrasts {
    /** lm.fit's tolerance for the rank of the containing terms' coefficients. */
    private static final double RANK_TOLERANCE = 1e-7;
    /** zapsmall's digits (R's default). */
    private static final int ZAP_DIGITS = 7;
    /** lmerTest drops hypothesis rows whose absolute sum is below this. */
    private static final double EMPTY_ROW = 1e-8;

    private AnovaContrasts() {
    }

    /** The hypotheses of type 1 or 3, in the order of the formula's terms. */
    public static List<TermContrast> of(Design design, int type) {
        if (type != 1 && type != 3) {
            throw new InputException("the anova type must be 3 or 1 (lmerTest's type III or type I tests), not " + type);
        }
        if (!design.droppedColumns().isEmpty()) {
            throw new InputException("anova: the fixed effects have aliased columns (" + String.join(", ", design.droppedColumns())
                    + "), so the hypotheses of each term are not defined; remove the aliased terms from the formula");
        }
        List<Term> terms = design.formula().fixedTerms();
        int p = design.p();
        if (type == 3 && p > 1 && terms.size() > 1) {
            return typeThree(design);
        }
        return typeOne(design);
    }

    private static int[] assign(Design design) {
        return ModelMatrixBuilder.assign(design.frame(), design.formula().intercept(), design.formula().fixedTerms());
    }

    static List<TermContrast> typeOne(Design design) {
        List<Term> terms = design.formula().fixedTerms();
        int p = design.p();
        int[] assign = assign(design);
        double[][] lt;
        if (p == 1) {
            lt = new double[][] {{1}};
        } else {
            double[][] lower = Doolittle.lower(crossProduct(design.x()));
            lt = MatrixUtils.createRealMatrix(lower).transpose().getData();
        }
        List<TermContrast> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            List<double[]> rows = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (assign[j] == k + 1) {
                    rows.add(lt[j]);
                }
            }
            out.add(new TermContrast(terms.get(k).label(), rows.toArray(double[][]::new)));
        }
        return out;
    }

    static List<TermContrast> typeThree(Design design) {
        List<Term> terms = design.formula().fixedTerms();
        ModelFrame frame = design.frame();
        ModelMatrix x = design.x();
        int p = x.columns();
        int[] assign = assign(design);
        // the complete design: an intercept, then each term coded with every level
        List<String> names = new ArrayList<>();
        List<ModelMatrix> parts = new ArrayList<>();
        if (design.formula().intercept()) {
            names.add("(Intercept)");
            double[] one = new double[x.rows()];
            java.util.Arrays.fill(one, 1);
            parts.add(new ModelMatrix(List.of("(Intercept)"), one, x.rows()));
        }
        for (Term t : terms) {
            ModelMatrix m = ModelMatrixBuilder.build(frame, false, List.of(t));
            names.addAll(m.names());
            parts.add(m);
        }
        RealMatrix complete = MatrixUtils.createRealMatrix(x.rows(), names.size());
        int col = 0;
        for (ModelMatrix m : parts) {
            for (int j = 0; j < m.columns(); j++, col++) {
                for (int r = 0; r < m.rows(); r++) {
                    complete.setEntry(r, col, m.get(r, j));
                }
            }
        }
        RealMatrix xm = MatrixUtils.createRealMatrix(x.rows(), p);
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < p; j++) {
                xm.setEntry(r, j, x.get(r, j));
            }
        }
        // L (complete columns × X columns) = t(ginv(X) rdX)
        double[][] l = zapsmall(new QRDecomposition(xm).getSolver().solve(complete).transpose().getData());
        List<List<Integer>> map = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (assign[j] == k + 1) {
                    cols.add(j);
                }
            }
            map.add(cols);
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingInt((Integer k) -> terms.get(k).order()).reversed()); // stable, as R's order
        for (int k : order) {
            List<Integer> containing = new ArrayList<>();
            for (int k2 = 0; k2 < terms.size(); k2++) {
                if (contains(frame, terms.get(k), terms.get(k2))) {
                    containing.addAll(map.get(k2));
                }
            }
            if (!containing.isEmpty() && !map.get(k).isEmpty()) {
                orthogonalise(l, map.get(k), containing);
            }
        }
        List<TermContrast> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            List<double[]> rows = new ArrayList<>();
            for (int c : map.get(k)) {
                double[] row = new double[p];
                double size = 0;
                for (int j = 0; j < p; j++) {
                    row[j] = l[names.indexOf(x.names().get(j))][c];
                    size += Math.abs(row[j]);
                }
                if (size > EMPTY_ROW) {
                    rows.add(row);
                }
            }
            out.add(new TermContrast(terms.get(k).label(), rows.toArray(double[][]::new)));
        }
        return out;
    }

    /**
     * lmerTest's containment: term a is contained in term b when b has every variable of a and more,
     * and the same numeric variables (so x is in x:f, f is not in x:f).
     */
    private static boolean contains(ModelFrame frame, Term a, Term b) {
        Set<String> va = variables(a);
        Set<String> vb = variables(b);
        return vb.containsAll(va) && vb.size() > va.size() && numeric(frame, a).equals(numeric(frame, b));
    }

    private static Set<String> variables(Term t) {
        Set<String> v = new LinkedHashSet<>();
        t.factors().forEach(f -> v.add(f.deparse()));
        return v;
    }

    private static Set<String> numeric(ModelFrame frame, Term t) {
        Set<String> v = new LinkedHashSet<>();
        for (Expr f : t.factors()) {
            if (!(frame.column(f) instanceof CategoricalColumn)) {
                v.add(f.deparse());
            }
        }
        return v;
    }

    /** The columns {@code target} of l replaced by their residuals from least squares on the columns {@code on}, zapped. */
    private static void orthogonalise(double[][] l, List<Integer> target, List<Integer> on) {
        int m = l.length;
        RealMatrix a = MatrixUtils.createRealMatrix(m, on.size());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < on.size(); j++) {
                a.setEntry(i, j, l[i][on.get(j)]);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(a);
        double[] s = svd.getSingularValues();
        RealMatrix u = svd.getU();
        double[][] resid = new double[m][target.size()];
        for (int t = 0; t < target.size(); t++) {
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = l[i][target.get(t)];
            }
            double[] r = y.clone();
            for (int c = 0; c < s.length; c++) {
                if (s[c] > RANK_TOLERANCE * s[0]) {
                    double proj = 0;
                    for (int i = 0; i < m; i++) {
                        proj += u.getEntry(i, c) * y[i];
                    }
                    for (int i = 0; i < m; i++) {
                        r[i] -= proj * u.getEntry(i, c);
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                resid[i][t] = r[i];
            }
        }
        resid = zapsmall(resid);
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < target.size(); t++) {
                l[i][target.get(t)] = resid[i][t];
            }
        }
    }

    /** R's zapsmall(x) over a whole matrix: rounded to 7 significant digits of its largest element. */
    static double[][] zapsmall(double[][] x) {
        double mx = 0;
        for (double[] row : x) {
            for (double v : row) {
                mx = Math.max(mx, Math.abs(v));
            }
        }
        long digits = mx > 0 ? Math.max(0, Math.round(ZAP_DIGITS - Math.log10(mx))) : ZAP_DIGITS;
        double scale = Math.pow(10, digits);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = Math.rint(x[i][j] * scale) / scale;
            }
        }
        return out;
    }

    private static double[][] crossProduct(ModelMatrix x) {
        int p = x.columns();
        double[][] c = new double[p][p];
        for (int r = 0; r < x.rows(); r++) {
            for (int i = 0; i < p; i++) {
                double xi = x.get(r, i);
                for (int j = 0; j < p; j++) {
                    c[i][j] += xi * x.get(r, j);
                }
            }
        }
        return c;
    }
}
