package io.glimmer.report.plot;

import io.glimmer.data.Column;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.nonlinear.ModelExpression;
import io.glimmer.nonlinear.NonlinearFormula;
import io.glimmer.nonlinear.NonlinearSpecification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A nonlinear fit's curves over its observations, group by group: the population curve (every
 * parameter at its fixed effect) and each group's curve (the random parameters plus the group's
 * conditional modes) on a grid over the covariate's range, with the group's data points. Drawn when
 * the model reads one covariate and no parameter depends on covariates ({@link #whyNot}); at most
 * {@link #MAX_GROUPS} groups, else that many spread evenly over the groups sorted by their first mode.
 *
 * @param covariate the model's one covariate column
 * @param response  the response column
 * @param grid      the covariate's values at which the curves are evaluated
 * @param population the population curve on the grid
 * @param groups    the groups drawn, in level order
 * @param total     the number of groups in the fit
 */
public record GroupCurves(String covariate, String response, String group, double[] grid, double[] population, List<Group> groups, int total) {
    public static final int MAX_GROUPS = 30;
    static final int GRID = 80;

    /** One group: its data points and its curve on the grid. */
    public record Group(String level, double[] x, double[] y, double[] curve) {
    }

    /** Whether fewer groups are drawn than the fit has. */
    public boolean sampled() {
        return groups.size() < total;
    }

    /** Why the curves cannot be drawn for this fit, or null when they can. */
    public static String whyNot(PlotSource s) {
        NonlinearSpecification spec = s.model().nonlinear();
        if (spec == null) {
            return "the fit is not a nonlinear model";
        }
        if (spec.formula().columns().size() != 1) {
            return "the model reads " + spec.formula().columns().size() + " covariates; curves are drawn against one";
        }
        if (!spec.fixed().byParameter().isEmpty()) {
            return "parameters depend on covariates (--fixed), so no one curve describes a group";
        }
        return null;
    }

    public static GroupCurves of(PlotSource s) {
        String why = whyNot(s);
        if (why != null) {
            throw new io.glimmer.error.InputException("curves: " + why);
        }
        MixedModelFit fit = s.fit();
        NonlinearSpecification spec = s.model().nonlinear();
        NonlinearFormula f = spec.formula();
        String covariate = f.columns().get(0);
        Column c = s.model().column(covariate);
        double[] x = ((NumericColumn) c).values();
        double[] y = s.model().response().y();
        double lo = Arrays.stream(x).min().orElse(0);
        double hi = Arrays.stream(x).max().orElse(1);
        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = lo + (hi - lo) * i / (GRID - 1);
        }
        double[] phi = new double[f.parameters().size()];
        for (int j = 0; j < phi.length; j++) {
            phi[j] = fit.beta(f.parameters().get(j));
        }
        double[] population = curve(f.mean(), grid, phi);

        RandomEffectsTerm term = s.design().randomTerms().get(0);
        ConditionalModes modes = s.modesOf(term);
        int[] codes = term.columns().codes();
        List<Integer> order = chosen(modes);
        List<Group> groups = new ArrayList<>();
        for (int l : order) {
            String level = modes.levels().get(l);
            int code = term.levels().indexOf(level);
            double[] p = phi.clone();
            for (int t = 0; t < modes.terms().size(); t++) {
                p[f.parameterIndex(modes.terms().get(t))] += modes.value(l, t);
            }
            int n = 0;
            for (int code2 : codes) {
                n += code2 == code ? 1 : 0;
            }
            double[] gx = new double[n];
            double[] gy = new double[n];
            for (int r = 0, k = 0; r < codes.length; r++) {
                if (codes[r] == code) {
                    gx[k] = x[r];
                    gy[k++] = y[r];
                }
            }
            groups.add(new Group(level, gx, gy, curve(f.mean(), grid, p)));
        }
        return new GroupCurves(covariate, f.response(), modes.group(), grid, population, groups, modes.levels().size());
    }

    /** The model's mean on the grid with every parameter at the value given. */
    static double[] curve(ModelExpression mean, double[] grid, double[] phi) {
        double[][] parameters = new double[phi.length][];
        for (int j = 0; j < phi.length; j++) {
            parameters[j] = new double[grid.length];
            Arrays.fill(parameters[j], phi[j]);
        }
        return mean.values(new ModelExpression.Inputs(grid.length, new double[][]{grid}, parameters)).clone(); // may be an input's own array
    }

    /** Every level (in order) up to MAX_GROUPS; else MAX_GROUPS spread evenly over the levels sorted by their first mode, extremes kept. */
    static List<Integer> chosen(ConditionalModes m) {
        int n = m.levels().size();
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            all.add(l);
        }
        if (n <= MAX_GROUPS) {
            return all;
        }
        all.sort((a, b) -> Double.compare(m.value(a, 0), m.value(b, 0)));
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < MAX_GROUPS; k++) {
            out.add(all.get((int) Math.round((double) k * (n - 1) / (MAX_GROUPS - 1))));
        }
        out.sort(Integer::compare);
        return out;
    }
}
