package io.glimmer.report.plot;

import io.glimmer.data.NumericColumn;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.nonlinear.NonlinearFormula;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nonlinear fit's curves against the fit: group curves through the fitted values, the population curve at β, the data as used. */
class GroupCurvesTest {

    @Test
    void groupCurvesPassThroughTheFittedValuesAndThePointsAreTheData() {
        MixedModelFit fit = Fits.orange();
        PlotSource s = PlotSource.of(fit);
        assertNull(GroupCurves.whyNot(s));
        GroupCurves c = GroupCurves.of(s);
        NonlinearFormula f = s.model().nonlinear().formula();
        assertEquals("age", c.covariate());
        assertEquals("circumference", c.response());
        assertEquals(5, c.total());
        assertFalse(c.sampled());
        double[] age = ((NumericColumn) s.model().column("age")).values();
        double[] y = s.model().response().y();
        double[] fitted = fit.fitted();
        ConditionalModes m = fit.conditionalModes().get(0);
        int asym = f.parameterIndex("Asym");
        int xmid = f.parameterIndex("xmid");
        int scal = f.parameterIndex("scal");
        double[] beta = new double[3];
        beta[asym] = fit.beta("Asym");
        beta[xmid] = fit.beta("xmid");
        beta[scal] = fit.beta("scal");
        int points = 0;
        RandomEffectsTerm term = s.design().randomTerms().get(0);
        int[] codes = term.columns().codes();
        for (GroupCurves.Group g : c.groups()) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < codes.length; r++) {
                if (term.levels().get(codes[r]).equals(g.level())) {
                    rows.add(r);
                }
            }
            assertEquals(rows.size(), g.x().length);
            int level = m.levels().indexOf(g.level());
            double[] phi = beta.clone();
            phi[asym] += m.value(level, 0);
            // the group's curve, at its own ages, is the fit's fitted values of its rows
            double[] atData = GroupCurves.curve(f.mean(), g.x(), phi);
            for (int i = 0; i < g.x().length; i++) {
                int row = rows.get(i);
                assertEquals(age[row], g.x()[i], 0);
                assertEquals(y[row], g.y()[i], 0);
                assertEquals(fitted[row], atData[i], 1e-8 * Math.abs(fitted[row]));
            }
            // on the grid: Asym_g / (1 + exp((xmid - age) / scal))
            for (int i = 0; i < c.grid().length; i++) {
                double expected = phi[asym] / (1 + Math.exp((phi[xmid] - c.grid()[i]) / phi[scal]));
                assertEquals(expected, g.curve()[i], 1e-10 * expected);
            }
            points += g.x().length;
        }
        assertEquals(fit.nObs(), points, "every row used, once");
        for (int i = 0; i < c.grid().length; i++) {
            double expected = beta[asym] / (1 + Math.exp((beta[xmid] - c.grid()[i]) / beta[scal]));
            assertEquals(expected, c.population()[i], 1e-10 * expected);
        }
        assertEquals(java.util.Arrays.stream(age).min().orElseThrow(), c.grid()[0], 0);
        assertEquals(java.util.Arrays.stream(age).max().orElseThrow(), c.grid()[c.grid().length - 1], 0);
    }

    @Test
    void manyGroupsAreSampledEvenlyOverTheirModesExtremesIncluded() {
        int n = 100;
        double[][] values = new double[n][1];
        double[][] variances = new double[n][1];
        List<String> levels = new ArrayList<>();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(13);
        for (int l = 0; l < n; l++) {
            values[l][0] = rng.nextGaussian();
            variances[l][0] = 1;
            levels.add("L" + l);
        }
        List<Integer> chosen = GroupCurves.chosen(new ConditionalModes("g", List.of("Asym"), levels, values, variances));
        assertEquals(GroupCurves.MAX_GROUPS, chosen.size());
        assertEquals(GroupCurves.MAX_GROUPS, new java.util.HashSet<>(chosen).size(), "no level twice");
        for (int k = 1; k < chosen.size(); k++) {
            assertTrue(chosen.get(k - 1) < chosen.get(k), "in level order");
        }
        int lowest = 0;
        int highest = 0;
        for (int l = 1; l < n; l++) {
            lowest = values[l][0] < values[lowest][0] ? l : lowest;
            highest = values[l][0] > values[highest][0] ? l : highest;
        }
        assertTrue(chosen.contains(lowest) && chosen.contains(highest), "the extremes are drawn");
        List<String> few = levels.subList(0, 12);
        assertEquals(12, GroupCurves.chosen(new ConditionalModes("g", List.of("Asym"), few, java.util.Arrays.copyOf(values, 12),
                java.util.Arrays.copyOf(variances, 12))).size(), "up to 30 groups: all");
    }

    @Test
    void curvesAreForNonlinearFitsOnly() {
        assertTrue(GroupCurves.whyNot(PlotSource.of(Fits.sleepstudy())).contains("not a nonlinear model"));
    }
}
