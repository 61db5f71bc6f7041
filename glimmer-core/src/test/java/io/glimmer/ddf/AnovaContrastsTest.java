package io.glimmer.ddf;

import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrixBuilder;
import io.glimmer.formula.Formula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hypotheses of lmerTest's type III and type I tests, on seeded random data. */
class AnovaContrastsTest {
    private static DataFrame data(long seed, int n) {
        Random rng = new Random(seed);
        double[] y = new double[n];
        double[] x = new double[n];
        double[] z = new double[n];
        String[] f = new String[n];
        String[] g = new String[n];
        for (int r = 0; r < n; r++) {
            y[r] = rng.nextGaussian();
            x[r] = rng.nextGaussian();
            z[r] = 2 * x[r]; // aliased with x
            f[r] = "abc".substring(r % 3, r % 3 + 1);
            g[r] = "g" + (r % 6);
        }
        return DataFrameBuilder.named("t").numeric("y", y).numeric("x", x).numeric("z", z).categorical("f", f).categorical("g", g).build();
    }

    private static void assertRows(double[][] expected, double[][] got) {
        assertEquals(expected.length, got.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], 1e-12, "row " + i);
        }
    }

    private static Design design(DataFrame d, String formula) {
        return Design.of(d, Formula.parse(formula), null);
    }

    /** Without a term contained in another, type III tests each term's own coefficients: rows of the identity. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void mainEffectsTypeThreeIsMarginal(long seed) {
        Design d = design(data(seed, 60), "y ~ x + f + (1 | g)");
        List<TermContrast> c = AnovaContrasts.of(d, 3);
        assertEquals(List.of("x", "f"), c.stream().map(TermContrast::term).toList());
        assertRows(new double[][] {{0, 1, 0, 0}}, c.get(0).l());
        assertRows(new double[][] {{0, 0, 1, 0}, {0, 0, 0, 1}}, c.get(1).l());
    }

    /** Type I: the last term's rows test its own coefficients given all before, the first term's involve the later ones. */
    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void typeOneLastTermIsMarginal(long seed) {
        Design d = design(data(seed, 60), "y ~ f + x + (1 | g)");
        List<TermContrast> c = AnovaContrasts.of(d, 1);
        double[][] last = c.get(1).l();
        assertEquals(1, last.length);
        assertArrayEquals(new double[] {0, 0, 0, 1}, last[0], 1e-12);
        double[][] first = c.get(0).l();
        assertEquals(2, first.length);
        assertEquals(1, first[0][1], 1e-12);
        assertEquals(0, first[0][0], 1e-12);
    }

    /** In x * f, the type III hypothesis of x is orthogonal to x:f's columns in the complete coding: it averages the slopes. */
    @Test
    void containedTermIsOrthogonalisedToItsInteraction() {
        Design d = design(data(7, 60), "y ~ x * f + (1 | g)");
        List<TermContrast> c = AnovaContrasts.of(d, 3);
        // columns: (Intercept), x, fb, fc, x:fb, x:fc — x's hypothesis is the mean slope over the three levels
        // 1/3 as zapsmall leaves it (7 digits), as lmerTest's hypothesis has it
        assertRows(new double[][] {{0, 1, 0, 0, 0.3333333, 0.3333333}}, c.get(0).l());
        assertEquals(2, c.get(1).l().length);
        assertRows(new double[][] {{0, 0, 0, 0, 1, 0}, {0, 0, 0, 0, 0, 1}}, c.get(2).l());
    }

    @Test
    void assignNamesEachColumnsTerm() {
        Design d = design(data(8, 30), "y ~ x * f + (1 | g)");
        assertArrayEquals(new int[] {0, 1, 2, 2, 3, 3},
                ModelMatrixBuilder.assign(d.frame(), d.formula().intercept(), d.formula().fixedTerms()));
    }

    @Test
    void aliasedColumnsAndUnknownTypesAreRefused() {
        Design aliased = design(data(9, 30), "y ~ x + z + (1 | g)");
        InputException e = assertThrows(InputException.class, () -> AnovaContrasts.of(aliased, 3));
        assertEquals("anova: the fixed effects have aliased columns (z), so the hypotheses of each term are not defined; "
                + "remove the aliased terms from the formula", e.getMessage());
        Design ok = design(data(9, 30), "y ~ x + (1 | g)");
        assertEquals("the anova type must be 3 or 1 (lmerTest's type III or type I tests), not 2",
                assertThrows(InputException.class, () -> AnovaContrasts.of(ok, 2)).getMessage());
    }
}
