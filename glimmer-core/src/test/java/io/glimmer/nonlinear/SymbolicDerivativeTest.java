package io.glimmer.nonlinear;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The symbolic derivatives of every self-starting model equal finite differences (Richardson-extrapolated
 * central differences) to 1e-7 relative, at seeded random points.
 */
class SymbolicDerivativeTest {
    /** Typical parameter values and input ranges of each model (R's examples: Orange, Loblolly, Puromycin, Theoph, ...). */
    private static final Map<SelfStart, double[]> PARAMETERS = Map.of(
            SelfStart.SSlogis, new double[]{200, 700, 350},
            SelfStart.SSfpl, new double[]{10, 200, 700, 350},
            SelfStart.SSasymp, new double[]{100, -8, -3},
            SelfStart.SSasympOff, new double[]{30, -4, 50},
            SelfStart.SSasympOrig, new double[]{100, -3},
            SelfStart.SSmicmen, new double[]{200, 0.06},
            SelfStart.SSgompertz, new double[]{5, 2, 0.5},
            SelfStart.SSweibull, new double[]{20, 15, -5, 2.5},
            SelfStart.SSbiexp, new double[]{3, 1, 0.6, -1.3},
            SelfStart.SSfol, new double[]{-2.5, 0.5, -3.2});
    private static final Map<SelfStart, double[]> INPUT_RANGE = Map.of(
            SelfStart.SSlogis, new double[]{100, 1600},
            SelfStart.SSfpl, new double[]{100, 1600},
            SelfStart.SSasymp, new double[]{0, 25},
            SelfStart.SSasympOff, new double[]{100, 1000},
            SelfStart.SSasympOrig, new double[]{0, 25},
            SelfStart.SSmicmen, new double[]{0.02, 1.1},
            SelfStart.SSgompertz, new double[]{0, 10},
            SelfStart.SSweibull, new double[]{1, 30},
            SelfStart.SSbiexp, new double[]{0.1, 8},
            SelfStart.SSfol, new double[]{0.1, 24});

    static Stream<Arguments> modelsAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (SelfStart s : SelfStart.values()) {
            for (long seed = 1; seed <= 5; seed++) {
                out.add(Arguments.of(s, seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("modelsAndSeeds")
    void derivativesEqualFiniteDifferences(SelfStart model, long seed) {
        Random random = new Random(seed);
        int p = model.parameters().size();
        List<ModelExpression> args = new ArrayList<>();
        for (int i = 0; i < model.inputCount(); i++) {
            args.add(new ModelExpression.Column(model.arguments().get(i), i));
        }
        for (int k = 0; k < p; k++) {
            args.add(new ModelExpression.Parameter(model.parameters().get(k), k));
        }
        ModelExpression f = model.expand(args);
        int n = 20;
        double[] range = INPUT_RANGE.get(model);
        double[][] columns = new double[model.inputCount()][n];
        for (int r = 0; r < n; r++) {
            columns[model.inputCount() - 1][r] = range[0] + (range[1] - range[0]) * random.nextDouble();
            if (model.inputCount() == 2) {
                columns[0][r] = 3 + 3 * random.nextDouble(); // a dose
            }
        }
        if (model == SelfStart.SSweibull) {
            columns[0][0] = 0; // x^pwr at x = 0: its derivative in pwr is 0, not 0 · log 0
        }
        double[] centre = PARAMETERS.get(model);
        double[] theta = new double[p];
        for (int k = 0; k < p; k++) {
            theta[k] = centre[k] * (1 + 0.1 * random.nextGaussian());
        }
        for (int k = 0; k < p; k++) {
            double[] exact = f.derivative(k).values(inputs(n, columns, theta));
            double[] value = f.values(inputs(n, columns, theta));
            double h = 2e-4 * Math.max(Math.abs(theta[k]), 1);
            // Richardson's extrapolation of central differences: error O(h⁴)
            double[] d1 = central(f, n, columns, theta, k, h);
            double[] d2 = central(f, n, columns, theta, k, h / 2);
            for (int r = 0; r < n; r++) {
                double fd = (4 * d2[r] - d1[r]) / 3;
                // relative to the derivative; where the differences' rounding error (about ε|f|/h) exceeds
                // 1e-7 of it (an elasticity below 1e-4, e.g. exp(-e^lrc x) far out), relative to ten times that error
                double scale = Math.max(Math.abs(exact[r]), 10 * Math.ulp(1.0) * Math.abs(value[r]) / h / 1e-7);
                assertTrue(Math.abs(fd - exact[r]) <= 1e-7 * scale,
                        model + " d/d" + model.parameters().get(k) + " row " + r + ": " + exact[r] + " vs " + fd);
            }
        }
    }

    private static double[] central(ModelExpression f, int n, double[][] columns, double[] theta, int k, double h) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[k] += h;
        down[k] -= h;
        double[] a = f.values(inputs(n, columns, up));
        double[] b = f.values(inputs(n, columns, down));
        double[] d = new double[n];
        for (int r = 0; r < n; r++) {
            d[r] = (a[r] - b[r]) / (2 * h);
        }
        return d;
    }

    private static ModelExpression.Inputs inputs(int n, double[][] columns, double[] theta) {
        double[][] phi = new double[theta.length][n];
        for (int k = 0; k < theta.length; k++) {
            java.util.Arrays.fill(phi[k], theta[k]);
        }
        return new ModelExpression.Inputs(n, columns, phi);
    }

    @Test
    void derivativesAreSimplified() {
        ModelExpression f = SelfStart.SSlogis.expand(List.of(new ModelExpression.Column("age", 0),
                new ModelExpression.Parameter("Asym", 0), new ModelExpression.Parameter("xmid", 1), new ModelExpression.Parameter("scal", 2)));
        assertEquals("Asym / (1 + exp((xmid - age) / scal))", f.deparse());
        assertEquals("1 / (1 + exp((xmid - age) / scal))", f.derivative(0).deparse());
        assertEquals("-(Asym * (exp((xmid - age) / scal) * (1 / scal)) / (1 + exp((xmid - age) / scal))^2)",
                f.derivative(1).deparse());
    }
}
