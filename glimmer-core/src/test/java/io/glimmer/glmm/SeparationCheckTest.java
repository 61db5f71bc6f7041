package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.design.ModelMatrix;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SeparationCheckTest {
    private static ModelMatrix matrix(List<String> names, double[][] rows) {
        int p = names.size();
        double[] v = new double[rows.length * p];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, v, r * p, p);
        }
        return new ModelMatrix(names, v, rows.length);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void completeSeparationByACovariate() {
        double[][] x = {{1, -2}, {1, -1}, {1, -0.5}, {1, 0.5}, {1, 1}, {1, 2}};
        double[] y = {0, 0, 0, 1, 1, 1};
        Optional<String> w = SeparationCheck.warning(matrix(List.of("(Intercept)", "dose"), x), y, ones(6));
        assertTrue(w.isPresent());
        assertTrue(w.get().startsWith("complete separation"), w.get());
        assertTrue(w.get().contains("dose"), w.get());
    }

    @Test
    void quasiCompleteSeparationByALevelWithOnlyFailures() {
        // level B of a factor: every response is 0
        double[][] x = {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
        double[] y = {0, 1, 1, 0, 0, 0, 0};
        Optional<String> w = SeparationCheck.warning(matrix(List.of("(Intercept)", "fB"), x), y, ones(7));
        assertTrue(w.isPresent());
        assertTrue(w.get().startsWith("quasi-complete separation"), w.get());
        assertTrue(w.get().contains("fB"), w.get());
    }

    @Test
    void separationByACombinationIsFoundByTheLinearProgram() {
        // neither x1 nor x2 separates alone, but x1 + x2 > 0 exactly for the successes
        double[][] x = {{1, 1, -2}, {1, -2, 1}, {1, 2, 0}, {1, 0, 2}, {1, 3, -1}, {1, -1, 3}, {1, -3, 1}, {1, 1, -3}};
        double[] y = {0, 0, 1, 1, 1, 1, 0, 0};
        Optional<String> w = SeparationCheck.warning(matrix(List.of("(Intercept)", "x1", "x2"), x), y, ones(8));
        assertTrue(w.isPresent(), "x1 + x2 separates");
        assertTrue(w.get().contains("x1") && w.get().contains("x2"), w.get());
    }

    @Test
    void overlappingDataAreNotSeparated() {
        Random rnd = new Random(1);
        int n = 200;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double v = rnd.nextGaussian();
            x[i] = new double[]{1, v, rnd.nextInt(2)};
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-v)) ? 1 : 0;
        }
        assertFalse(SeparationCheck.warning(matrix(List.of("(Intercept)", "x", "fB"), x), y, ones(n)).isPresent());
    }

    @Test
    void proportionsWithBothOutcomesInARowAreNotSeparated() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}};
        double[] y = {0.25, 0.5, 0.75};
        double[] trials = {4, 4, 4};
        assertFalse(SeparationCheck.warning(matrix(List.of("(Intercept)", "x"), x), y, trials).isPresent());
    }
}
