package io.glimmer.conditional;

import java.util.List;

/**
 * The exact conditional log-likelihood of matched sets, Σ_sets [η_chosen − log B(m, n)], with its
 * analytic gradient and information (minus the Hessian), all from {@link SubsetSums}.
 */
final class ConditionalLikelihood {
    private final List<MatchedSet> sets;
    private final int p;

    ConditionalLikelihood(List<MatchedSet> sets, int p) {
        this.sets = List.copyOf(sets);
        this.p = p;
    }

    int p() {
        return p;
    }

    /**
     * @param logLikelihood the conditional log-likelihood at β
     * @param gradient      its gradient (the score)
     * @param information   minus its Hessian, p × p row-major
     */
    record Evaluation(double logLikelihood, double[] gradient, double[] information) {
    }

    Evaluation at(double[] beta) {
        double ll = 0;
        double[] gradient = new double[p];
        double[] information = new double[p * p];
        for (MatchedSet set : sets) {
            double[] eta = set.eta(beta);
            SubsetSums.Moments mo = SubsetSums.of(set.x(), p, eta, set.m());
            double chosen = set.chosenOffset();
            for (int t = 0; t < p; t++) {
                chosen += set.chosenX()[t] * beta[t];
                gradient[t] += set.chosenX()[t] - mo.mean()[t];
            }
            ll += chosen - mo.logSum();
            for (int i = 0; i < p * p; i++) {
                information[i] += mo.covariance()[i];
            }
        }
        return new Evaluation(ll, gradient, information);
    }
}
