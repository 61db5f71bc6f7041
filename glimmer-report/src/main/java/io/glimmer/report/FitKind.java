package io.glimmer.report;

import io.glimmer.error.InputException;
import io.glimmer.family.Distribution;
import io.glimmer.report.plot.PlotSource;

/**
 * What kind of fit a report draws, as far as its sections care: zero-inflated ({@code --zi}), ordinal,
 * nonlinear, or any other. Says why a section that assumes one linear predictor of one mean is left out.
 */
record FitKind(boolean zeroInflated, boolean ordinal, boolean nonlinear) {
    static FitKind of(PlotSource s) {
        return new FitKind(s.model().zeroInflation() != null, s.model().family().distribution() == Distribution.ORDINAL,
                s.model().nonlinear() != null);
    }

    /** Why each level's unpooled estimate is not computed, or null when it is. */
    String whyNoShrinkage() {
        if (nonlinear) {
            return "a nonlinear model's groups have no unpooled estimate on one linear predictor";
        }
        return whyNoPredictions();
    }

    /**
     * Why predictions of one mean from the linear predictor (the percentile histograms, the effect curve,
     * the unpooled estimates) do not describe this fit, or null when they do.
     */
    String whyNoPredictions() {
        if (zeroInflated) {
            return "the count model's mean is not the response's mean with zero inflation (the structural zeros are left out of it)";
        }
        if (ordinal) {
            return "an ordinal response has a probability for each category, not one mean";
        }
        if (nonlinear) {
            return "a nonlinear model's mean is not a link function of one linear predictor";
        }
        return null;
    }

    /** An InputException's line as the page says it: options as command-line flags, no final period. */
    static String reason(InputException e) {
        String m = e.commandLineMessage();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
