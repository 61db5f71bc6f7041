package io.glimmer.report.plot;

import io.glimmer.inference.ConfidenceInterval;
import io.glimmer.inference.ConfidenceIntervals;
import io.glimmer.inference.ProfileIntervals;

import java.util.ArrayList;
import java.util.List;

/**
 * One parameter's profile zeta plot (lme4's {@code xyplot(profile(fit))}): ζ, the signed square
 * root of the deviance's increase with the parameter held at a value, over an even grid between
 * the parameter's 99% profile bounds (lme4 profiles as far, |ζ| up to 2.58), with the 95%
 * interval where |ζ| = 1.96. A straight line means the Wald interval would do; a bent one that
 * it would not.
 *
 * @param estimate where ζ = 0 (the ML estimate; a REML fit is profiled by ML, as lme4)
 * @param lower95  the 95% profile interval (a boundary, 0 or ±1, when the profile reaches it)
 */
public record ProfileZeta(String parameter, double[] values, double[] zeta, double estimate, double lower95, double upper95) {
    public static final int POINTS = 21;
    static final double OUTER_LEVEL = 0.99;
    static final double LEVEL = 0.95;

    public ProfileZeta {
        values = values.clone();
        zeta = zeta.clone();
    }

    /** Every parameter's profile, in lme4's order (standard deviations and correlations, σ, the fixed effects). */
    public static List<ProfileZeta> all(PlotSource source) {
        source.requireModes("profile");
        ProfileIntervals p = source.model().profiles(source.fit());
        ConfidenceIntervals outer = p.intervals(OUTER_LEVEL);
        ConfidenceIntervals inner = p.intervals(LEVEL);
        List<ProfileZeta> out = new ArrayList<>();
        for (int k = 0; k < p.parameters().size(); k++) {
            out.add(of(p, outer.intervals().get(k), inner.intervals().get(k)));
        }
        return out;
    }

    static ProfileZeta of(ProfileIntervals p, ConfidenceInterval outer, ConfidenceInterval inner) {
        String name = outer.parameter();
        double est = p.estimate(name);
        double lo = Double.isFinite(outer.lower()) ? outer.lower() : est;
        double hi = Double.isFinite(outer.upper()) ? outer.upper() : est;
        double[] v = new double[POINTS];
        double[] z = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            v[i] = lo + (hi - lo) * i / (POINTS - 1);
            z[i] = p.zeta(name, v[i]);
        }
        return new ProfileZeta(name, v, z, est, inner.lower(), inner.upper());
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] zeta() {
        return zeta.clone();
    }
}
