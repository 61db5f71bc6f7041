package io.glimmer.conditional;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The likelihood over prepared matched sets (centred, flipped when cases are the majority, with
 * offsets) against its definition by enumeration on the raw data; gradient and information against
 * finite differences; and the fitted β against a maximiser of the enumerated likelihood.
 */
class ConditionalLikelihoodTest {
    private static final int P = 2;

    /** Random strata of 2..9 rows with 1..n−1 cases: x (rows × P), y, offset, the rows of each stratum. */
    private record Data(double[] x, double[] y, double[] offset, List<int[]> strata) {
    }

    private static Data random(long seed, int strata) {
        Random rng = new Random(seed);
        List<int[]> sets = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> os = new ArrayList<>();
        for (int s = 0; s < strata; s++) {
            int n = 2 + rng.nextInt(8);
            int m = 1 + rng.nextInt(n - 1);
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = ys.size();
                boolean isCase = i < m;
                ys.add(isCase ? 1.0 : 0.0);
                xs.add(new double[]{rng.nextGaussian() + (isCase ? 0.7 : 0) + 5 * s, rng.nextInt(3) - (isCase ? 0.3 : 0)});
                os.add(0.5 * rng.nextGaussian());
            }
            sets.add(rows);
        }
        int rows = ys.size();
        double[] x = new double[rows * P];
        double[] y = new double[rows];
        double[] offset = new double[rows];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(xs.get(r), 0, x, r * P, P);
            y[r] = ys.get(r);
            offset[r] = os.get(r);
        }
        return new Data(x, y, offset, sets);
    }

    private static ConditionalLikelihood likelihood(Data d) {
        List<MatchedSet> sets = new ArrayList<>();
        for (int[] rows : d.strata()) {
            sets.add(MatchedSet.of(rows, d.x(), P, d.offset(), d.y()));
        }
        return new ConditionalLikelihood(sets, P);
    }

    /** Σ_strata [η_cases − log Σ_{|S| = m} exp(η_S)] on the raw rows. */
    private static double enumerated(Data d, double[] beta) {
        double ll = 0;
        for (int[] rows : d.strata()) {
            int n = rows.length;
            double[] eta = new double[n];
            double[] x = new double[n * P];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                eta[i] = d.offset()[r] + d.x()[r * P] * beta[0] + d.x()[r * P + 1] * beta[1];
                System.arraycopy(d.x(), r * P, x, i * P, P);
                if (d.y()[r] == 1) {
                    m++;
                    ll += eta[i];
                }
            }
            ll -= SubsetSumsTest.enumerate(x, P, eta, m).logSum();
        }
        return ll;
    }

    @Test
    void logLikelihoodIsTheDefinition() {
        Data d = random(11, 25);
        ConditionalLikelihood lik = likelihood(d);
        Random rng = new Random(3);
        for (int k = 0; k < 20; k++) {
            double[] beta = {2 * rng.nextGaussian(), 2 * rng.nextGaussian()};
            assertEquals(enumerated(d, beta), lik.at(beta).logLikelihood(), 1e-9);
        }
    }

    @Test
    void gradientAndInformationAreTheDerivatives() {
        Data d = random(12, 25);
        ConditionalLikelihood lik = likelihood(d);
        double[] beta = {0.4, -0.8};
        ConditionalLikelihood.Evaluation e = lik.at(beta);
        double h = 1e-5;
        for (int a = 0; a < P; a++) {
            double[] up = beta.clone();
            double[] down = beta.clone();
            up[a] += h;
            down[a] -= h;
            ConditionalLikelihood.Evaluation eu = lik.at(up);
            ConditionalLikelihood.Evaluation ed = lik.at(down);
            assertEquals((eu.logLikelihood() - ed.logLikelihood()) / (2 * h), e.gradient()[a], 1e-6);
            for (int b = 0; b < P; b++) {
                assertEquals(-(eu.gradient()[b] - ed.gradient()[b]) / (2 * h), e.information()[a * P + b], 1e-5);
            }
        }
    }

    @Test
    void newtonFindsTheEnumeratedMaximum() {
        Data d = random(13, 40);
        NewtonRaphson.Result r = NewtonRaphson.maximize(likelihood(d), List.of("x1", "x2"));
        assertTrue(r.converged());
        // the maximum of the enumerated likelihood: zero central-difference gradient there
        double h = 1e-5;
        for (int a = 0; a < P; a++) {
            double[] up = r.beta().clone();
            double[] down = r.beta().clone();
            up[a] += h;
            down[a] -= h;
            assertEquals(0, (enumerated(d, up) - enumerated(d, down)) / (2 * h), 1e-6);
        }
        assertEquals(enumerated(d, r.beta()), r.at().logLikelihood(), 1e-9);
    }
}
