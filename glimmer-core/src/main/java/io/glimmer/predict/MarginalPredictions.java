package io.glimmer.predict;

import io.glimmer.family.Link;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

/**
 * Population-averaged (marginal) means E g⁻¹(η + b), b ~ N(0, s²): the random effects integrated
 * out rather than set to zero. When several terms apply, b is the sum z'u of their effects, normal
 * with the sum of the terms' z'Σz as variance, so one dimension always suffices.
 *
 * <p>The integral is by adaptive Gauss–Hermite quadrature: the rule is centred at the mode of the
 * integrand and scaled by its curvature there, so a few dozen nodes are exact to many digits even
 * when g⁻¹ is steep where the normal density is not small. For the identity link the mean is η.
 */
public final class MarginalPredictions {
    /** The constant of the logistic–normal approximation E expit(η + b) ≈ expit(η / √(1 + c²s²)). */
    public static final double LOGIT_C = 16 * Math.sqrt(3) / (15 * Math.PI);

    private static final int NODES = 32;
    private static final double[] X;
    private static final double[] LOG_W;

    static {
        SymmetricGaussIntegrator rule = new GaussIntegratorFactory().hermite(NODES);
        X = new double[NODES];
        LOG_W = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            X[i] = rule.getPoint(i);
            LOG_W[i] = Math.log(rule.getWeight(i));
        }
    }

    private MarginalPredictions() {
    }

    /** E g⁻¹(η + s·t), t ~ N(0, 1). */
    public static double mean(Link link, double eta, double sd) {
        if (link == Link.IDENTITY || sd == 0) {
            return link.inverse(eta);
        }
        if (isProbability(link) && link.inverse(eta) > 0.5) {
            // Near 1, μ(η + st)φ(t) is φ cut off by a steep step, which a Gauss–Hermite rule fits
            // poorly; 1 − μ is a smooth bump instead, so integrate that.
            return 1 - expectation(t -> 1 - link.inverse(eta + sd * t));
        }
        return expectation(t -> link.inverse(eta + sd * t));
    }

    /** Links whose mean is a probability in (0, 1). */
    private static boolean isProbability(Link link) {
        return link == Link.LOGIT || link == Link.PROBIT || link == Link.CLOGLOG || link == Link.CAUCHIT;
    }

    /** E dμ/dη at η + s·t: the derivative of the marginal mean with respect to η (for the delta method). */
    public static double meanDerivative(Link link, double eta, double sd) {
        if (link == Link.IDENTITY || sd == 0) {
            return link.muEta(eta);
        }
        return expectation(t -> link.muEta(eta + sd * t));
    }

    /** The logistic–normal approximation expit(η / √(1 + c²s²)) of the marginal mean under the logit link. */
    public static double logitApproximation(double eta, double variance) {
        return Link.LOGIT.inverse(attenuate(eta, variance));
    }

    /** η / √(1 + c²s²): a logit-scale quantity attenuated for a random intercept of variance s². */
    public static double attenuate(double eta, double variance) {
        return eta / Math.sqrt(1 + LOGIT_C * LOGIT_C * variance);
    }

    /**
     * E h(t), t ~ N(0, 1), for a positive h, by adaptive Gauss–Hermite quadrature about the mode of
     * h(t)φ(t); plain Gauss–Hermite when the mode cannot be located.
     */
    static double expectation(DoubleUnaryOperator h) {
        DoubleUnaryOperator logf = t -> Math.log(h.applyAsDouble(t)) - t * t / 2;
        double center = 0;
        double scale = 1;
        double[] mode = mode(logf);
        if (mode != null) {
            center = mode[0];
            scale = mode[1];
        }
        // ∫ h(t)φ(t) dt = √2·scale Σ w_i e^{x_i²} h(t_i)φ(t_i), t_i = center + √2·scale·x_i
        double sum = 0;
        for (int i = 0; i < NODES; i++) {
            double t = center + Math.sqrt(2) * scale * X[i];
            double value = h.applyAsDouble(t);
            if (value != 0) {
                sum += value * Math.exp(LOG_W[i] + X[i] * X[i] - t * t / 2);
            }
        }
        return sum * Math.sqrt(2) * scale / Math.sqrt(2 * Math.PI);
    }

    /**
     * The mode of a log integrand and 1/√(−second derivative) there, or null. The root of the
     * derivative is bracketed first and then refined by Newton steps that fall back to bisection
     * (plain Newton oscillates on the nearly piecewise-linear log of a steep link).
     */
    private static double[] mode(DoubleUnaryOperator logf) {
        double step = 1e-4;
        DoubleUnaryOperator d1 = t -> (logf.applyAsDouble(t + step) - logf.applyAsDouble(t - step)) / (2 * step);
        double lo = -1;
        double hi = 1;
        while (!(d1.applyAsDouble(lo) > 0) && lo > -40) {
            lo *= 2;
        }
        while (!(d1.applyAsDouble(hi) < 0) && hi < 40) {
            hi *= 2;
        }
        if (!(d1.applyAsDouble(lo) > 0) || !(d1.applyAsDouble(hi) < 0)) {
            return null;
        }
        double t = 0;
        for (int it = 0; it < 200 && hi - lo > 1e-9; it++) {
            double g = d1.applyAsDouble(t);
            if (g > 0) {
                lo = t;
            } else {
                hi = t;
            }
            double curvature = (d1.applyAsDouble(t + step) - d1.applyAsDouble(t - step)) / (2 * step);
            double next = curvature < 0 ? t - g / curvature : Double.NaN;
            t = next > lo && next < hi ? next : (lo + hi) / 2;
            if (Math.abs(g) < 1e-10) {
                break;
            }
        }
        double f0 = logf.applyAsDouble(t);
        double second = (logf.applyAsDouble(t + 1e-3) - 2 * f0 + logf.applyAsDouble(t - 1e-3)) / 1e-6;
        if (!(second < 0) || !Double.isFinite(f0)) {
            return null;
        }
        return new double[]{t, 1 / Math.sqrt(-second)};
    }
}
