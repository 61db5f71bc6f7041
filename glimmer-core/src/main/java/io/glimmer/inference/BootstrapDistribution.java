package io.glimmer.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter estimates of every bootstrap replicate (lme4's {@code bootMer(...)$t}), with the
 * replicates whose refit failed kept as rows of NaN and counted.
 *
 * @param parameters names, as {@link NamedParameters}
 * @param estimates  the estimates from the observed data
 * @param replicates [replicate][parameter]
 * @param failed     number of replicates whose refit failed
 * @param failures   the distinct messages of the failures, at most a few
 */
public record BootstrapDistribution(List<String> parameters, double[] estimates, double[][] replicates, int failed,
                                    List<String> failures) {
    public BootstrapDistribution {
        parameters = List.copyOf(parameters);
        failures = List.copyOf(failures);
    }

    public int nsim() {
        return replicates.length;
    }

    /** The replicates of one parameter (NaN for failed refits). */
    public double[] column(int parameter) {
        double[] c = new double[replicates.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = replicates[i][parameter];
        }
        return c;
    }

    /**
     * Percentile intervals: the (1 − level)/2 and (1 + level)/2 sample quantiles (R's type 7) of each
     * parameter's replicates, failed refits (and undefined values such as the correlation of an
     * effect with zero variance) left out.
     */
    public ConfidenceIntervals percentileIntervals(double level) {
        ConfidenceIntervals.checkLevel(level);
        double alpha = (1 - level) / 2;
        List<ConfidenceInterval> out = new ArrayList<>();
        for (int j = 0; j < parameters.size(); j++) {
            double[] c = column(j);
            out.add(new ConfidenceInterval(parameters.get(j), Percentiles.type7(c, alpha), Percentiles.type7(c, 1 - alpha)));
        }
        return new ConfidenceIntervals(level, "bootstrap", out);
    }
}
