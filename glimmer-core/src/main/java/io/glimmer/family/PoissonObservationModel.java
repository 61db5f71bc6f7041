package io.glimmer.family;

import java.util.List;

/**
 * The Poisson with the log link as an {@link ObservationModel} with no parameter of its own: the
 * count part of a zero-inflated Poisson (glmmTMB's zipoisson). ℓ = yη − e^η − log y!, ∂ℓ/∂η = y − μ,
 * −∂²ℓ/∂η² = μ (positive: the step information is the information).
 */
final class PoissonObservationModel implements ObservationModel {
    static final PoissonObservationModel INSTANCE = new PoissonObservationModel();

    private PoissonObservationModel() {
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
    }

    @Override
    public double[] natural(double[] psi) {
        return new double[0];
    }

    @Override
    public double[] start(double[] y, double[] weights, double[] mu) {
        return new double[0];
    }

    @Override
    public Conditional at(double[] psi) {
        return new Conditional() {
            @Override
            public double logDensity(int row, double y, double eta, double weight) {
                return weight == 0 ? 0 : Distribution.POISSON.logDensity(y, Link.LOG.inverse(eta), weight, 1);
            }

            @Override
            public double score(int row, double y, double eta, double weight) {
                return weight * (y - Link.LOG.inverse(eta));
            }

            @Override
            public double information(int row, double y, double eta, double weight) {
                return weight * Link.LOG.inverse(eta);
            }

            @Override
            public double stepInformation(int row, double y, double eta, double weight) {
                return information(row, y, eta, weight);
            }
        };
    }
}
