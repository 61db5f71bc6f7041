package io.glimmer.nonlinear;

import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.Design;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.QuadratureRule;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adaptive quadrature for a nonlinear model with one scalar random effect (nlmer has none, so no R
 * reference): on two orange trees the AGQ deviance is checked against the integral over u computed
 * directly by Simpson's rule (the model written out here, not through the model language); one point
 * is the Laplace approximation exactly, and more points converge to the integral.
 */
class NonlinearQuadratureTest {
    private static final String LOGISTIC = "circumference ~ Asym / (1 + exp((xmid - age) / scal))";

    @TempDir
    static Path tmp;

    /** The rows of two trees of the orange data. */
    private static Path twoTrees(String tree, String other) throws IOException {
        List<String> lines = Files.readAllLines(Reference.load("orange_nlme_ml").dataPath());
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.startsWith("\"" + tree + "\",") || l.startsWith("\"" + other + "\",")).forEach(out::add);
        Path file = tmp.resolve("trees" + tree + other + ".csv");
        Files.write(file, out);
        return file;
    }

    private static NonlinearMixedModel model(Path csv) {
        DataFrame data = CsvReader.read(csv, CsvOptions.builder().build());
        // in this order: the parameters (and β) are ordered as --start names them
        Map<String, Double> start = new LinkedHashMap<>();
        start.put("Asym", 170.0);
        start.put("xmid", 700.0);
        start.put("scal", 350.0);
        NonlinearSpecification spec = NonlinearSpecification.of(LOGISTIC, data, start, "xmid ~ 1 | Tree", null, null);
        Design frame = Design.of(data, spec.frameFormula(), null);
        return NonlinearFit.model(spec, frame, ((NumericColumn) data.column("circumference")).values());
    }

    /** −2 log ∫ (2πσ²)^{−(n+1)/2} exp(−(‖y − f(β, λu)‖² + u²)/(2σ²)) du by Simpson's rule, the model (random xmid) written out. */
    private static double integrated(double[] age, double[] y, double[] beta, double lambda, double sigma, double mode, double width) {
        DoubleUnaryOperator penalised = u -> {
            double s = u * u;
            for (int r = 0; r < y.length; r++) {
                double e = y[r] - beta[0] / (1 + Math.exp((beta[1] + lambda * u - age[r]) / beta[2]));
                s += e * e;
            }
            return s;
        };
        double p0 = penalised.applyAsDouble(mode);
        DoubleUnaryOperator g = u -> Math.exp(-(penalised.applyAsDouble(u) - p0) / (2 * sigma * sigma));
        double integral = simpson(g, mode - width, mode + width);
        return (y.length + 1) * Math.log(2 * Math.PI * sigma * sigma) + p0 / (sigma * sigma) - 2 * Math.log(integral);
    }

    /**
     * Composite Simpson's rule with the intervals doubled until two estimates agree to 1e-13 relative
     * (g is smooth, 1 at the mode, and negligible at the ends).
     */
    private static double simpson(DoubleUnaryOperator g, double a, double b) {
        double previous = Double.NaN;
        for (int intervals = 64; intervals <= 1 << 22; intervals *= 2) {
            double h = (b - a) / intervals;
            double s = g.applyAsDouble(a) + g.applyAsDouble(b);
            for (int i = 1; i < intervals; i++) {
                s += (i % 2 == 1 ? 4 : 2) * g.applyAsDouble(a + i * h);
            }
            double estimate = s * h / 3;
            if (Math.abs(estimate - previous) <= 1e-13 * estimate) {
                return estimate;
            }
            previous = estimate;
        }
        throw new AssertionError("Simpson's rule did not settle");
    }

    /**
     * With a random xmid (f nonlinear in it, so the Laplace approximation is not exact), at several
     * (λ, β, σ) on two trees: AGQ(1) is the Laplace deviance, and AGQ(k) approaches the integral, to 1e-8 at 25 points.
     */
    @ParameterizedTest
    @CsvSource({"1, 2, 3.5, 190, 720, 345, 8", "1, 4, 1.0, 150, 700, 350, 5", "3, 5, 6.0, 210, 750, 330, 12", "5, 2, 3.0, 170, 690, 360, 3"})
    void quadratureConvergesToTheIntegral(String tree, String other, double lambda, double asym, double xmid, double scal, double sigma)
            throws IOException {
        NonlinearMixedModel model = model(twoTrees(tree, other));
        assertEquals(List.of("Asym", "xmid", "scal"), model.fixedNames());
        double[] beta = {asym, xmid, scal};
        double[] lam = {lambda};
        GroupModes modes = new GroupModes(model);
        GroupModes.Result at = modes.at(beta, lam);
        int n = model.rows();
        // one point: the Laplace approximation at this σ; at σ² = pwrss/n, the profiled Laplace deviance
        double laplaceAtSigma = at.logDetL2() + at.pwrss() / (sigma * sigma) + n * Math.log(2 * Math.PI * sigma * sigma);
        assertEquals(laplaceAtSigma, NonlinearQuadrature.deviance(modes, at, beta, lam, sigma, QuadratureRule.normal(1, 1), n),
                1e-12 * Math.abs(laplaceAtSigma));
        double profiled = Math.sqrt(at.pwrss() / n);
        assertEquals(at.deviance(n), NonlinearQuadrature.deviance(modes, at, beta, lam, profiled, QuadratureRule.normal(1, 1), n),
                1e-12 * Math.abs(at.deviance(n)));

        // the levels are independent: the integral is the product of one integral per tree
        double exact = 0;
        for (int i = 0; i < 2; i++) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (model.codes()[r] == i) {
                    rows.add(r);
                }
            }
            double[] age = rows.stream().mapToDouble(r -> model.columns()[0][r]).toArray();
            double[] y = rows.stream().mapToDouble(r -> model.y()[r]).toArray();
            double width = 40 * sigma * Math.exp(-at.levelLogDet()[i] / 2);
            exact += integrated(age, y, beta, lambda, sigma, at.u()[i], width);
        }
        double laplaceError = Math.abs(laplaceAtSigma - exact);
        List<Double> errors = new ArrayList<>();
        for (int k : new int[]{3, 7, 15, 25}) {
            errors.add(Math.abs(NonlinearQuadrature.deviance(modes, at, beta, lam, sigma, QuadratureRule.normal(k, 1), n) - exact));
        }
        // below Laplace's error, and from 7 points not growing beyond rounding (1e-10 in a deviance of about 100)
        String seen = "Laplace " + laplaceError + ", AGQ 3, 7, 15, 25: " + errors;
        assertTrue(errors.stream().allMatch(e -> e < laplaceError), seen);
        assertTrue(errors.get(2) <= errors.get(1) + 1e-10 && errors.get(3) <= errors.get(2) + 1e-10, seen);
        assertEquals(exact, NonlinearQuadrature.deviance(modes, at, beta, lam, sigma, QuadratureRule.normal(25, 1), n), 1e-8);
    }

    /** The fit with one point is the Laplace fit exactly; with more, its log-likelihood settles as the points grow. */
    @Test
    void agqFitsSettleAndOnePointIsLaplace() {
        Path data = Reference.load("orange_nlme_ml").dataPath();
        String nlmer = "circumference ~ SSlogis(age, Asym, xmid, scal) ~ Asym | Tree";
        FitOptions base = FitOptions.builder().nonlinear(new FitOptions.Nonlinear(Map.of("Asym", 170.0, "xmid", 700.0, "scal", 350.0), null, null))
                .build();
        MixedModelFit laplace = Glimmer.fit(data, nlmer, base.toBuilder().method(Method.LAPLACE).build());
        MixedModelFit one = Glimmer.fit(data, nlmer, base.toBuilder().method(Method.AGQ).agqPoints(1).build());
        assertEquals(laplace.logLikelihood(), one.logLikelihood(), 0.0);
        assertEquals(laplace.fixedEffects(), one.fixedEffects());
        double[] loglik = new double[4];
        int[] points = {3, 5, 9, 15};
        for (int i = 0; i < points.length; i++) {
            MixedModelFit fit = Glimmer.fit(data, nlmer, base.toBuilder().method(Method.AGQ).agqPoints(points[i]).build());
            assertTrue(fit.converged(), fit.warnings().toString());
            assertEquals("AGQ", fit.method());
            assertEquals(points[i], fit.nAGQ());
            loglik[i] = fit.logLikelihood();
        }
        // near Laplace (the random effect is well determined per tree), and the changes shrink with the points
        assertEquals(laplace.logLikelihood(), loglik[3], 0.05);
        assertTrue(Math.abs(loglik[3] - loglik[2]) <= Math.abs(loglik[1] - loglik[0]) + 1e-6,
                java.util.Arrays.toString(loglik));
        assertTrue(Math.abs(loglik[3] - loglik[2]) < 1e-4, java.util.Arrays.toString(loglik));
    }
}
