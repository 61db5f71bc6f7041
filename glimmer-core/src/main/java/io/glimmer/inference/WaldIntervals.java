package io.glimmer.inference;

import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Wald intervals β ± z·SE for the fixed effects, as lme4's {@code confint(fit, method = "Wald")}.
 * The variance parameters get no Wald interval (their sampling distributions are far from normal
 * and bounded); they are listed with NaN bounds, as lme4 lists them with NA. An ordinal model's
 * thresholds and a zero-inflation model's coefficients follow, named as {@link NamedParameters} names
 * them (glmmTMB's {@code zi~(Intercept)}).
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
        List<FixedEffect> coefficients = new ArrayList<>(fit.fixedEffects());
        coefficients.addAll(fit.thresholds());
        coefficients.addAll(fit.zeroInflationFixedEffects());
        int variance = names.size() - coefficients.size();
        for (int i = 0; i < variance; i++) {
            out.add(new ConfidenceInterval(names.get(i), Double.NaN, Double.NaN));
        }
        for (int j = 0; j < coefficients.size(); j++) { // named as NamedParameters: glmmTMB's confint names zi's "zi~term"
            FixedEffect f = coefficients.get(j);
            out.add(new ConfidenceInterval(names.get(variance + j), f.estimate() - z * f.stdError(), f.estimate() + z * f.stdError()));
        }
        return new ConfidenceIntervals(level, "wald", out);
    }
}
