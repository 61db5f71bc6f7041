package io.glimmer.glmm;

import io.glimmer.Glimmer;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;

import java.util.Locale;

/**
 * The seeded simulation study of issue 14: replicate r (r = 1 … R) is {@link SalamanderDesign#generate}(r),
 * fitted by Laplace and by MCEM with seed r; per method, the bias and RMSE of σ_female, σ_male and β0
 * against the true values, and the coverage of β0's 95% Wald interval (estimate ± 1.96 s.e.; Glimmer
 * reports no standard errors of variance components, so they have no Wald interval). Prints the
 * table of docs/METHODS.md:
 * {@code java -cp glimmer-core/target/classes:glimmer-core/target/test-classes:$(cat glimmer-core/cp.txt) io.glimmer.glmm.SalamanderStudy 50}
 * (cp.txt from {@code mvn -B -o -q dependency:build-classpath -pl glimmer-core -Dmdep.outputFile=cp.txt}).
 */
final class SalamanderStudy {
    static final String FORMULA = "y ~ 1 + (1 | female) + (1 | male)";
    /** σ_female, σ_male, β0: the truth. */
    static final double[] TRUTH = {SalamanderDesign.SD_FEMALE, SalamanderDesign.SD_MALE, SalamanderDesign.BETA0};
    static final String[] NAMES = {"σ_female", "σ_male", "β0"};

    /** Per replicate and method (0 Laplace, 1 MCEM): σ_female, σ_male, β0 and β0's standard error. */
    record Results(double[][][] estimates) {
        int replicates() {
            return estimates.length;
        }

        /** Method m's estimates of parameter i over the replicates. */
        double[] column(int m, int i) {
            double[] c = new double[estimates.length];
            for (int r = 0; r < c.length; r++) {
                c[r] = estimates[r][m][i];
            }
            return c;
        }

        double bias(int m, int i) {
            return mean(column(m, i)) - TRUTH[i];
        }

        double rmse(int m, int i) {
            double s = 0;
            for (double x : column(m, i)) {
                s += (x - TRUTH[i]) * (x - TRUTH[i]);
            }
            return Math.sqrt(s / estimates.length);
        }

        /** The standard error of the bias estimate: the replicates' standard deviation / √R. */
        double biasError(int m, int i) {
            return sd(column(m, i)) / Math.sqrt(estimates.length);
        }

        /** Share of replicates whose 95% Wald interval for β0 covers the truth. */
        double coverage(int m) {
            int hits = 0;
            for (double[][] e : estimates) {
                hits += Math.abs(e[m][2] - TRUTH[2]) <= 1.96 * e[m][3] ? 1 : 0;
            }
            return (double) hits / estimates.length;
        }
    }

    private SalamanderStudy() {
    }

    static Results run(int replicates) {
        double[][][] estimates = new double[replicates][][];
        for (int r = 0; r < replicates; r++) {
            long seed = r + 1;
            DataFrame data = SalamanderDesign.generate(seed);
            MixedModelFit laplace = Glimmer.fit(data, FORMULA, FitOptions.builder().family("binomial").build());
            MixedModelFit mcem = Glimmer.fit(data, FORMULA, FitOptions.builder().family("binomial").method(Method.MCEM).seed(seed).build());
            estimates[r] = new double[][]{row(laplace), row(mcem)};
        }
        return new Results(estimates);
    }

    /** σ's are θ's (binomial: no residual scale); β0 and its standard error. */
    private static double[] row(MixedModelFit fit) {
        FixedEffect b0 = fit.fixedEffects().get(0);
        return new double[]{fit.theta()[0], fit.theta()[1], b0.estimate(), b0.stdError()};
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long t0 = System.nanoTime();
        Results results = run(replicates);
        System.out.printf(Locale.ROOT, "%d replicates, %.0f s%n%n", replicates, (System.nanoTime() - t0) / 1e9);
        System.out.println("| parameter (true) | Laplace bias (s.e.) | Laplace RMSE | MCEM bias (s.e.) | MCEM RMSE | Wald 95% coverage, Laplace / MCEM |");
        System.out.println("|---|---|---|---|---|---|");
        for (int i = 0; i < TRUTH.length; i++) {
            String coverage = i == 2 ? String.format(Locale.ROOT, "%.2f / %.2f", results.coverage(0), results.coverage(1)) : "— (no s.e. reported)";
            System.out.printf(Locale.ROOT, "| %s (%.1f) | %+.3f (%.3f) | %.3f | %+.3f (%.3f) | %.3f | %s |%n", NAMES[i], TRUTH[i], results.bias(0, i),
                    results.biasError(0, i), results.rmse(0, i), results.bias(1, i), results.biasError(1, i), results.rmse(1, i), coverage);
        }
        for (int i = 0; i < 2; i++) {
            double[] d = difference(results, i);
            System.out.printf(Locale.ROOT, "%s: MCEM − Laplace, paired: mean %+.3f (s.e. %.3f), positive in %d of %d%n", NAMES[i], mean(d),
                    sd(d) / Math.sqrt(d.length), java.util.Arrays.stream(d).filter(x -> x > 0).count(), d.length);
        }
    }

    /** MCEM's estimate of σ i minus Laplace's, per replicate. */
    static double[] difference(Results results, int i) {
        double[] m = results.column(1, i);
        double[] l = results.column(0, i);
        double[] d = new double[m.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = m[r] - l[r];
        }
        return d;
    }
}
