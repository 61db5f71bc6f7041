package io.glimmer.report.plot;

import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ConfidenceIntervals;
import io.glimmer.inference.ParametricBootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;

/**
 * The parametric bootstrap's densities (lme4's {@code bootMer} replicates, as
 * {@code glimmer confint --interval bootstrap} draws them with the same seed): for each parameter
 * the kernel density of its replicates, the estimate from the data and the 95% percentile interval.
 *
 * @param parameters one per parameter, in lme4's order
 */
public record BootstrapDensities(List<Parameter> parameters, int nsim, int failed, long seed) {
    public static final int DEFAULT_REPLICATES = 200;
    static final double LEVEL = 0.95;
    static final int GRID = 128;

    /**
     * One parameter's density.
     *
     * @param density null when fewer than two replicates are finite (a correlation of an effect with zero variance)
     * @param finite  replicates with a value
     */
    public record Parameter(String name, double estimate, double lower95, double upper95, Density density, int finite) {
    }

    public BootstrapDensities {
        parameters = List.copyOf(parameters);
    }

    /** Runs the bootstrap on every core (the replicates do not depend on the number of threads). */
    public static BootstrapDensities of(PlotSource source, int nsim, long seed) {
        source.requireModes("bootstrap");
        BootstrapDistribution boot = ParametricBootstrap.run(source.model().refittable(source.fit()), nsim, seed,
                Runtime.getRuntime().availableProcessors(), null);
        return of(boot, seed);
    }

    public static BootstrapDensities of(BootstrapDistribution boot, long seed) {
        ConfidenceIntervals ci = boot.percentileIntervals(LEVEL);
        List<Parameter> out = new ArrayList<>();
        for (int j = 0; j < boot.parameters().size(); j++) {
            double[] c = boot.column(j);
            DoubleSummaryStatistics finite = Arrays.stream(c).filter(Double::isFinite).summaryStatistics();
            // a density of one value, or of none, is not drawn
            Density d = finite.getCount() >= 2 && finite.getMax() > finite.getMin() ? Density.gaussianKernel(c, GRID) : null;
            out.add(new Parameter(boot.parameters().get(j), boot.estimates()[j], ci.intervals().get(j).lower(), ci.intervals().get(j).upper(), d, (int) finite.getCount()));
        }
        return new BootstrapDensities(out, boot.nsim(), boot.failed(), seed);
    }
}
