package io.glimmer.family;

import java.util.List;

/**
 * The conditional density of a {@link DispersionDistribution} in η by the chain rule through its
 * link (log or logit): ∂ℓ/∂η = ℓ'(μ)μ', ∂²ℓ/∂η² = ℓ''(μ)μ'² + ℓ'(μ)μ''. ψ = log of the parameter.
 */
final class MeanObservationModel implements ObservationModel {
    private final DispersionDistribution distribution;
    private final Link link;
    private final boolean logLink;

    MeanObservationModel(DispersionDistribution distribution, Link link) {
        if (link != Link.LOG && link != Link.LOGIT) {
            throw new IllegalArgumentException("the " + distribution.name() + " family is fitted with the log or logit link, not " + link.name());
        }
        this.distribution = distribution;
        this.link = link;
        this.logLink = link == Link.LOG;
    }

    @Override
    public List<String> parameterNames() {
        return List.of(distribution.parameterName());
    }

    @Override
    public double[] natural(double[] psi) {
        return new double[]{Math.exp(psi[0])};
    }

    @Override
    public double[] start(double[] y, double[] weights, double[] mu) {
        return new double[]{Math.log(distribution.momentStart(y, weights, mu))};
    }

    @Override
    public Conditional at(double[] psi) {
        double par = Math.exp(psi[0]);
        return new Conditional() {
            @Override
            public double logDensity(int row, double y, double eta, double weight) {
                return weight == 0 ? 0 : weight * distribution.logF(y, link.inverse(eta), par);
            }

            @Override
            public double score(int row, double y, double eta, double weight) {
                return weight * distribution.dLogF(y, link.inverse(eta), par) * link.muEta(eta);
            }

            @Override
            public double information(int row, double y, double eta, double weight) {
                double mu = link.inverse(eta);
                double d1 = link.muEta(eta);
                double d2 = logLink ? mu : d1 * (1 - 2 * mu);
                return -weight * (distribution.d2LogF(y, mu, par) * d1 * d1 + distribution.dLogF(y, mu, par) * d2);
            }

            @Override
            public double stepInformation(int row, double y, double eta, double weight) {
                double info = information(row, y, eta, weight);
                if (info > 0 || weight == 0) {
                    return info;
                }
                double d1 = link.muEta(eta);
                return -weight * distribution.d2LogF(y, link.inverse(eta), par) * d1 * d1;
            }
        };
    }
}
