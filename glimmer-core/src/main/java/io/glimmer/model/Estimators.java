package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.correlation.CorrelationSpec;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.gee.CorrelationStructure;
import io.glimmer.nonlinear.NonlinearSpecification;

/** The estimator of each method: the one place where a method becomes an algorithm. */
final class Estimators {
    private Estimators() {
    }

    /** @param nonlinear a nonlinear model's specification, or null for a linear predictor */
    static Estimator of(Method method, FitOptions options, Family family, int nAGQ, NonlinearSpecification nonlinear) {
        if (nonlinear != null) {
            return new NonlinearEstimation(nonlinear, method, nAGQ,
                    options.correlation() == null ? null : CorrelationSpec.parse(options.correlation()));
        }
        return switch (method) {
            case REML, ML -> options.correlation() == null ? new LmmEstimation(method == Method.REML)
                    : new CorrelatedEstimation(CorrelationSpec.parse(options.correlation()), method == Method.REML);
            case LAPLACE, AGQ -> family.distribution() == Distribution.ORDINAL ? new OrdinalEstimation(nAGQ) : new GlmmEstimation(nAGQ);
            case PQL -> new PqlEstimation();
            case GEE -> new GeeEstimation(options.cluster(), options.corstr());
            case CONDITIONAL -> new ConditionalEstimation(options.strata());
            case MCEM, MCNR -> new MonteCarloEstimation(options.seed(), method == Method.MCNR, options.sampler());
        };
    }
}
