package io.glimmer.family;

import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * A link given by its functions: g, g⁻¹, dμ/dη and the domain of g⁻¹ (R's {@code valideta}).
 * Every link but the logit is one of these (see {@link Links}); where dμ/dη is g⁻¹ itself (the log
 * link) the same function is passed twice and {@link #inverseAndDerivative} computes it once.
 */
final class FunctionLink implements Link {
    private final String name;
    private final DoubleUnaryOperator link;
    private final DoubleUnaryOperator inverse;
    private final DoubleUnaryOperator muEta;
    private final DoublePredicate validEta;

    FunctionLink(String name, DoubleUnaryOperator link, DoubleUnaryOperator inverse, DoubleUnaryOperator muEta,
            DoublePredicate validEta) {
        this.name = name;
        this.link = link;
        this.inverse = inverse;
        this.muEta = muEta;
        this.validEta = validEta;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double link(double mu) {
        return link.applyAsDouble(mu);
    }

    @Override
    public double inverse(double eta) {
        return inverse.applyAsDouble(eta);
    }

    @Override
    public double muEta(double eta) {
        return muEta.applyAsDouble(eta);
    }

    @Override
    public void inverseAndDerivative(double[] eta, double[] mu, double[] muEta, int r0, int r1) {
        if (this.muEta != inverse) {
            Link.super.inverseAndDerivative(eta, mu, muEta, r0, r1);
            return;
        }
        for (int r = r0; r < r1; r++) {
            double m = inverse.applyAsDouble(eta[r]);
            mu[r] = m;
            muEta[r] = m;
        }
    }

    @Override
    public boolean validEta(double eta) {
        return validEta.test(eta);
    }

    @Override
    public String toString() {
        return name;
    }
}
