package io.glimmer.inference;

import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Wald intervals β ± z·SE for the fixed effects, as lme4's {@code confint(fit, method = "Wald")}.
 * The variance parameters get no Wald interval (their sampling distributions are far from normal
 * and bounded); they are listed with NaN bounds, as lme4 lists them with NA. A zero-inflation model's
 * coefficients follow, named as glmmTMB names them ({@code zi~(Intercept)}).
 */
public final class WaldIntervals {
    /** The prefix of a zero-inflation coefficient's name, as glmmTMB's confint writes it: "zi~(Intercept)". */
    public static final String ZERO_INFLATION_PREFIX = "zi~";

    private WaldIntervals() {
    }

    public static ConfidenceIntervals of(MixedModelFit fit, double level) {
        ConfidenceIntervals.checkLevel(level);
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        List<ConfidenceInterval> out = new ArrayList<>();
        List<String> names = NamedParameters.of(fit).names();
        int variance = names.size() - fit.fixedEffects().size();
        for (int i = 0; i < variance; i++) {
            out.add(new ConfidenceInterval(names.get(i), Double.NaN, Double.NaN));
        }
        for (FixedEffect f : fit.fixedEffects()) {
            out.add(new ConfidenceInterval(f.term(), f.estimate() - z * f.stdError(), f.estimate() + z * f.stdError()));
        }
        for (FixedEffect f : fit.zeroInflationFixedEffects()) { // glmmTMB's confint names them "zi~term"
            out.add(new ConfidenceInterval(ZERO_INFLATION_PREFIX + f.term(), f.estimate() - z * f.stdError(), f.estimate() + z * f.stdError()));
        }
        return new ConfidenceIntervals(level, "wald", out);
    }
}
