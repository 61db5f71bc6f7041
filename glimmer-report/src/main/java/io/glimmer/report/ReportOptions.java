package io.glimmer.report;

import io.glimmer.error.InputException;
import io.glimmer.report.plot.BootstrapDensities;
import io.glimmer.report.plot.ScaledResiduals;

/**
 * What a report draws beyond the defaults.
 *
 * @param effect      the numeric predictor of the marginal-versus-conditional curve, or null for none
 * @param simulations responses simulated for the scaled residuals
 * @param seed        their seed, and the bootstrap's
 * @param interval    "profile" (profile zeta plots), "bootstrap" (bootstrap densities) or null (neither)
 * @param replicates  bootstrap replicates
 */
public record ReportOptions(String effect, int simulations, long seed, String interval, int replicates) {
    public ReportOptions {
        if (interval != null && !interval.equals("profile") && !interval.equals("bootstrap")) {
            throw new InputException("unknown --interval '" + interval + "' (choose profile or bootstrap)");
        }
        if (replicates < 1) {
            throw new InputException("--nsim must be at least 1 bootstrap replicate, not " + replicates);
        }
    }

    public ReportOptions(String effect, int simulations, long seed) {
        this(effect, simulations, seed, null, BootstrapDensities.DEFAULT_REPLICATES);
    }

    public static ReportOptions defaults(long seed) {
        return new ReportOptions(null, ScaledResiduals.DEFAULT_SIMULATIONS, seed);
    }

    public ReportOptions withEffect(String name) {
        return new ReportOptions(name, simulations, seed, interval, replicates);
    }

    /** With the profile or bootstrap section ({@code replicates} counts for the bootstrap only). */
    public ReportOptions withInterval(String method, int replicates) {
        return new ReportOptions(effect, simulations, seed, method, replicates);
    }
}
