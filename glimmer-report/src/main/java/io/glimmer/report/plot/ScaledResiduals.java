package io.glimmer.report.plot;

import io.glimmer.inference.ResponseSimulator;

import java.util.SplittableRandom;

/**
 * Simulation-based scaled residuals (DHARMa's idea): each observation's place among {@code nsim}
 * responses simulated from the fit (new random effects each time), r = (#{sim &lt; y} + U·#{sim = y}) / nsim
 * with U uniform on 0..1 for ties (counts). Uniform on 0..1 when the model is right, whatever the
 * family. Seeded: the same seed gives the same residuals.
 *
 * @param values one per row used, in the fit's row order
 */
public record ScaledResiduals(double[] values, int nsim, long seed) {
    public static final int DEFAULT_SIMULATIONS = 250;

    public ScaledResiduals {
        values = values.clone();
    }

    public static ScaledResiduals of(PlotSource source, int nsim, long seed) {
        if (nsim < 1) {
            throw new IllegalArgumentException("nsim must be positive, got " + nsim);
        }
        ResponseSimulator simulator = new ResponseSimulator(source.model().refittable(source.fit()));
        double[] y = simulator.asData(source.model().response().y());
        int n = y.length;
        int[] below = new int[n];
        int[] tied = new int[n];
        SplittableRandom draws = new SplittableRandom(seed);
        // one replicate at a time: memory stays O(n) however many simulations
        for (int s = 0; s < nsim; s++) {
            double[] sim = simulator.asData(simulator.simulate(draws.split()));
            for (int r = 0; r < n; r++) {
                if (sim[r] < y[r]) {
                    below[r]++;
                } else if (sim[r] == y[r]) {
                    tied[r]++;
                }
            }
        }
        SplittableRandom jitter = draws.split();
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
            v[r] = (below[r] + (tied[r] == 0 ? 0 : jitter.nextDouble() * tied[r])) / nsim;
        }
        return new ScaledResiduals(v, nsim, seed);
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
