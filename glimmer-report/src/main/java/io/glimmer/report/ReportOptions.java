package io.glimmer.report;

/**
 * What a report draws beyond the defaults.
 *
 * @param effect      the numeric predictor of the marginal-versus-conditional curve, or null for none
 * @param simulations responses simulated for the scaled residuals
 * @param seed        their seed
 */
public record ReportOptions(String effect, int simulations, long seed) {
    public static ReportOptions defaults(long seed) {
        return new ReportOptions(null, io.glimmer.report.plot.ScaledResiduals.DEFAULT_SIMULATIONS, seed);
    }

    public ReportOptions withEffect(String name) {
        return new ReportOptions(name, simulations, seed);
    }
}
