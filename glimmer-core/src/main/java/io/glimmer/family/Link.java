package io.glimmer.family;

import io.glimmer.options.Choices;
import io.glimmer.error.InputException;
import java.util.List;

/**
 * A GLM link function g, as R's {@code make.link} defines it: η = g(μ), μ = g⁻¹(η) and dμ/dη.
 * The bounded links clamp μ away from 0 and 1 and dμ/dη away from 0 the way R does, so a
 * penalised IRLS step with an extreme η never produces NaN, Inf or a zero working weight.
 */
public interface Link {
    Link LOGIT = new LogitLink();
    Link PROBIT = new Links.Probit();
    Link CLOGLOG = new Links.Cloglog();
    Link CAUCHIT = new Links.Cauchit();
    Link LOG = new Links.Log();
    Link IDENTITY = new Links.Identity();
    Link INVERSE = new Links.Inverse();
    Link SQRT = new Links.Sqrt();
    Link INVERSE_SQUARE = new Links.InverseSquare();

    /** R's name: "logit", "probit", "cloglog", "cauchit", "log", "identity", "inverse", "sqrt", "1/mu^2". */
    String name();

    /** η = g(μ). */
    double link(double mu);

    /** μ = g⁻¹(η), clamped like R so extreme η stays in the distribution's range. */
    double inverse(double eta);

    /** dμ/dη at η (clamped at DBL_EPSILON for the links where R clamps it). */
    double muEta(double eta);

    /**
     * μ = g⁻¹(η) and dμ/dη for rows [r0, r1) in one pass, equal bit for bit to {@link #inverse}
     * and {@link #muEta}; links whose two share an exponential compute it once.
     */
    default void inverseAndDerivative(double[] eta, double[] mu, double[] muEta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            mu[r] = inverse(eta[r]);
            muEta[r] = muEta(eta[r]);
        }
    }

    /** Whether η is in the domain of g⁻¹ (R's valideta). */
    boolean validEta(double eta);

    /** Every link, in the order error messages list them. */
    static List<Link> all() {
        return List.of(LOGIT, PROBIT, CLOGLOG, CAUCHIT, LOG, IDENTITY, INVERSE, SQRT, INVERSE_SQUARE);
    }

    /** The link with R's name (case and surrounding blanks ignored). */
    static Link of(String name) {
        return Choices.find(all(), Link::name, name == null ? null : name.strip()).orElseThrow(() ->
                new InputException("unknown link " + FamilyMath.quote(name) + "; known links are "
                        + Choices.list(all(), Link::name)));
    }
}
