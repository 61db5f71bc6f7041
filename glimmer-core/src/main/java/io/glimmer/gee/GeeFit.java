package io.glimmer.gee;

import io.glimmer.linalg.DenseArrays;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;

import java.util.List;

/**
 * A GEE fit: the common {@link MixedModelFit} (robust standard errors in its fixed-effects table,
 * {@code correlationAlpha}, {@code scale}) and what only GEE has: every correlation parameter,
 * both covariances of β̂ and the QIC.
 */
public final class GeeFit {
    private final MixedModelFit fit;
    private final CorrelationStructure structure;
    private final double[] alpha;
    private final List<String> alphaNames;
    private final double[][] robust;
    private final double[][] naive;
    private final Qic qic;
    private final int clusters;
    private final int maxClusterSize;
    private final int iterations;

    GeeFit(MixedModelFit fit, CorrelationStructure structure, double[] alpha, List<String> alphaNames,
           SandwichCovariance covariance, Qic qic, Clusters clusters, int iterations) {
        this.fit = fit;
        this.structure = structure;
        this.alpha = alpha.clone();
        this.alphaNames = List.copyOf(alphaNames);
        this.robust = covariance.robust();
        this.naive = covariance.naive();
        this.qic = qic;
        this.clusters = clusters.count();
        this.maxClusterSize = clusters.maxSize();
        this.iterations = iterations;
    }

    /** The fit in the form every estimator reports (method "GEE", log-likelihood NaN). */
    public MixedModelFit fit() {
        return fit;
    }

    public CorrelationStructure correlationStructure() {
        return structure;
    }

    /** All correlation parameters (none for independence, one for exchangeable and AR(1)). */
    public double[] alpha() {
        return alpha.clone();
    }

    /** geepack's names for {@link #alpha()}: "alpha", or "alpha.1:2", "alpha.1:3", … for unstructured. */
    public List<String> alphaNames() {
        return alphaNames;
    }

    public double scale() {
        return fit.details(EstimatorDetails.Gee.class).scale();
    }

    /** The sandwich covariance of β̂ (the one the fixed-effects table reports). */
    public double[][] robustCovariance() {
        return DenseArrays.copy(robust);
    }

    /** The model-based covariance φ I⁻¹ of β̂, valid if the working correlation is right. */
    public double[][] naiveCovariance() {
        return DenseArrays.copy(naive);
    }

    public double[] robustStandardErrors() {
        return SandwichCovariance.standardErrors(robust);
    }

    /** Model-based ("naive") standard errors, in the order of the fixed effects. */
    public double[] naiveStandardErrors() {
        return SandwichCovariance.standardErrors(naive);
    }

    public Qic qic() {
        return qic;
    }

    public int clusterCount() {
        return clusters;
    }

    public int maxClusterSize() {
        return maxClusterSize;
    }

    /** Fisher-scoring iterations of the final fit. */
    public int iterations() {
        return iterations;
    }
}
