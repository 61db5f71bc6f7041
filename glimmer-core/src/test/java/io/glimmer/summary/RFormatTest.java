package io.glimmer.summary;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings are what R 4 prints for the same calls. */
class RFormatTest {
    private static void format(String[] expected, double... x) {
        assertArrayEquals(expected, RFormat.format(x, 4));
    }

    @Test
    void formatSharesDecimalsAndWidthLikeR() {
        format(new String[]{"612.10", " 35.07", "654.94"}, 612.1002, 35.0717, 654.94);
        format(new String[]{"24.740", " 5.922", "25.590"}, 24.74, 5.922, 25.59);
        format(new String[]{"-3.9536", "-0.4634", " 0.0231", " 0.4634", " 5.1793"}, -3.9536, -0.4634, 0.0231, 0.4634, 5.1793);
        format(new String[]{" 0.00", "13.81"}, 0, 13.81);
        format(new String[]{"0.3"}, 0.1 + 0.2);
    }

    @Test
    void formatChoosesScientificWhenNarrower() {
        format(new String[]{"1.47e-09", "4.74e-04"}, 1.47e-9, 0.000474);
        format(new String[]{"1.235e+08", "5.000e-01"}, 123456789, 0.5);
        format(new String[]{"1e-20", "1e+00"}, 1e-20, 1);
        format(new String[]{"1e+02", "1e+05"}, 100, 1e5);
        format(new String[]{"1e+15", "1e+00"}, 1e15, 1);
        format(new String[]{"-1.5e-12"}, -1.5e-12);
    }

    @Test
    void formatNonFiniteAndNsmall() {
        format(new String[]{"NaN", "1.5", "Inf"}, Double.NaN, 1.5, Double.POSITIVE_INFINITY);
        assertArrayEquals(new String[]{" 1.000", "-0.138", " 0.500"}, RFormat.format(new double[]{1, -0.138, 0.5}, 7, 3));
    }

    @Test
    void formatPvalLikeR() {
        assertArrayEquals(new String[]{"1.47e-09", "0.001068", "0.000474", "0.000182", "0.500000", "< 2e-16", "NA"},
                PValues.format(new double[]{1.47e-9, 0.001068, 0.000474, 0.000182, 0.5, 1e-20, Double.NaN}, 3));
        assertArrayEquals(new String[]{"<2e-16", "0.2"}, PValues.format(new double[]{1e-20, 0.2}, 3));
        assertArrayEquals(new String[]{"0.05", "0.20"}, PValues.format(new double[]{0.05, 0.2}, 3));
    }

    @Test
    void starsUseRightClosedIntervals() {
        assertEquals("***", PValues.stars(0.001));
        assertEquals("**", PValues.stars(0.0011));
        assertEquals("*", PValues.stars(0.05));
        assertEquals(".", PValues.stars(0.1));
        assertEquals(" ", PValues.stars(0.5));
    }

    @Test
    void roundAndZapsmall() {
        assertEquals(0.12, RFormat.round(0.125, 2));
        assertEquals(2.0, RFormat.round(2.5, 0));
        assertArrayEquals(new double[]{-3.9536, 0.0}, RFormat.zapsmall(new double[]{-3.95361, 1e-9}, 5));
    }

    @Test
    void abbreviateLikeR() {
        List<String> names = List.of("(Intercept)", "period2", "period3", "I(Days^2)", "Days:treatmentB", "x:fA", "x:fB", "log(income per capita)");
        assertEquals(List.of("(Intr)", "perid2", "perid3", "I(D^2)", "Dys:tB", "x:fA", "x:fB", "lg(pc)"), Abbreviate.abbreviate(names, 6));
        assertEquals(List.of("(Intercept)", "period2", "I(Days^2)", "Dys:trtmntB", "lg(ncmpcpt)"),
                Abbreviate.abbreviate(List.of("(Intercept)", "period2", "I(Days^2)", "Days:treatmentB", "log(income per capita)"), 11));
    }

    @Test
    void quantilesType7() {
        assertArrayEquals(new double[]{1, 1.75, 3.5, 5.25, 9}, Quantiles.type7(new double[]{3, 1, 4, 1, 5, 9, 2, 6}, 0, 0.25, 0.5, 0.75, 1));
    }
}
