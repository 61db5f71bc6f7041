package io.glimmer.correlation;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.MixedModelFit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data the correlation cannot use: each gives one InputException (exit status 2) that names the problem. */
class BadInputTest {
    private static final int GROUPS = 4;
    private static final int PER_GROUP = 5;

    /** Four groups of five rows, times 1..5; {@code t} may be replaced to make it bad. */
    private static DataFrame frame(double[] t) {
        int n = GROUPS * PER_GROUP;
        Random rnd = new Random(3);
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        String[] h = new String[n];
        double[] time = t != null ? t : new double[n];
        for (int r = 0; r < n; r++) {
            y[r] = rnd.nextGaussian() + r % GROUPS;
            x[r] = rnd.nextGaussian();
            g[r] = "g" + r % GROUPS;
            h[r] = "h" + r % 2; // coarser than g: each h group spans two g groups
            if (t == null) {
                time[r] = 1 + r / GROUPS;
            }
        }
        String[] tc = new String[n];
        for (int r = 0; r < n; r++) {
            tc[r] = "w" + (int) time[r];
        }
        return DataFrameBuilder.named("bad.csv").numeric("y", y).numeric("x", x).numeric("t", time)
                .categorical("g", g).categorical("h", h).categorical("tcat", tc).build();
    }

    private static InputException fails(DataFrame data, String formula, String spec, FitOptions.Builder options) {
        FitOptions o = options.method(Method.REML).correlation(spec).build();
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, formula, o));
        assertEquals(2, e.exitStatus());
        return e;
    }

    private static void assertMessage(InputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void unknownColumnsArePointedAt() {
        assertMessage(fails(frame(null), "y ~ x + (1 | g)", "ar1(tt | g)", FitOptions.builder()),
                "no column 'tt' in bad.csv", "at character 5", "columns: y, x, t, g, h, tcat");
        assertMessage(fails(frame(null), "y ~ x + (1 | g)", "exp(t | group)", FitOptions.builder()),
                "no column 'group'", "at character 9");
    }

    @Test
    void ar1NeedsIntegerTimes() {
        double[] t = frame(null).column("t") instanceof io.glimmer.data.NumericColumn c ? c.values() : null;
        t[6] = 2.5;
        assertMessage(fails(frame(t), "y ~ x + (1 | g)", "ar1(t | g)", FitOptions.builder()),
                "ar1 needs integer times", "'t' is 2.5 in row 7", "use exp(t | g)");
        // The same times are fine for the exponential structure.
        MixedModelFit fit = Glimmer.fit(frame(t), "y ~ x + (1 | g)",
                FitOptions.builder().method(Method.REML).correlation("exp(t | g)").build());
        assertTrue(fit.details(EstimatorDetails.CorrelatedResiduals.class).phi() > 0);
    }

    @Test
    void timesMustBeDistinctWithinAGroup() {
        double[] t = new double[GROUPS * PER_GROUP];
        for (int r = 0; r < t.length; r++) {
            t[r] = 1 + r / GROUPS;
        }
        t[9] = t[1]; // rows 2 and 10 are both group g1 at time 1
        for (String s : new String[]{"ar1", "exp"}) {
            assertMessage(fails(frame(t), "y ~ x + (1 | g)", s + "(t | g)", FitOptions.builder()),
                    "'t' is 1 twice in group g1 of 'g' (rows 2 and 10)", "at character " + (s.length() + 2));
        }
    }

    @Test
    void categoricalTimeIsRejected() {
        assertMessage(fails(frame(null), "y ~ x + (1 | g)", "ar1(tcat | g)", FitOptions.builder()),
                "the time 'tcat' is categorical");
    }

    @Test
    void correlationGroupsMustBeNestedInTheRandomEffects() {
        assertMessage(fails(frame(null), "y ~ x + (1 | g)", "ar1(t | h)", FitOptions.builder()),
                "group h0 of 'h' has rows in levels g0 and g2 of the random-effects factor 'g'", "nested");
    }

    @Test
    void groupsOfOneRowHaveNothingToCorrelate() {
        double[] y = {1, 2, 3, 4, 5, 6};
        String[] id = {"a", "b", "c", "d", "e", "f"};
        DataFrame d = DataFrameBuilder.named("one.csv").numeric("y", y).numeric("x", 1, 3, 2, 5, 4, 6)
                .categorical("id", id).categorical("k", "u", "u", "u", "v", "v", "v").build();
        assertMessage(fails(d, "y ~ x + (1 | k)", "cs(1 | id)", FitOptions.builder()), "every group of 'id' has a single row");
    }

    @Test
    void onlyGaussianIdentityModels() {
        assertMessage(fails(frame(null), "y ~ x + (1 | g)", "ar1(t | g)", FitOptions.builder().family("poisson")),
                "correlation(...) applies to linear mixed models");
    }

    @Test
    void rowsWithAMissingTimeAreDroppedAndCounted() {
        double[] t = frame(null).column("t") instanceof io.glimmer.data.NumericColumn c ? c.values() : null;
        double[] withNa = Arrays.copyOf(t, t.length);
        withNa[7] = Double.NaN;
        FitOptions o = FitOptions.builder().method(Method.ML).correlation("ar1(t | g)").build();
        MixedModelFit fit = Glimmer.fit(frame(withNa), "y ~ x + (1 | g)", o);
        assertEquals(GROUPS * PER_GROUP - 1, fit.nObs());
        assertEquals(1, fit.nDropped());
    }
}
