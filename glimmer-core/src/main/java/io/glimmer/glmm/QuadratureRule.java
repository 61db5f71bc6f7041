package io.glimmer.glmm;

import java.util.concurrent.ConcurrentHashMap;

import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

/**
 * A Gauss–Hermite rule for the standard normal density in q dimensions (the product of the
 * one-dimensional rule): nodes z_k and weights W_k with Σ W_k g(z_k) ≈ E g(Z), Z ~ N(0, I_q).
 */
final class QuadratureRule {
    /** One-dimensional rules by number of points: Hipparchus computes them in high precision, slowly. */
    private static final ConcurrentHashMap<Integer, double[][]> ONE_DIMENSIONAL = new ConcurrentHashMap<>();

    private final double[][] nodes;
    private final double[] weights;
    private final double maxNode;

    private QuadratureRule(double[][] nodes, double[] weights, double maxNode) {
        this.nodes = nodes;
        this.weights = weights;
        this.maxNode = maxNode;
    }

    /** Nodes and weights {x, w} of the one-dimensional rule for the standard normal density (shared: do not modify). */
    private static double[][] oneDimensional(int points) {
        return ONE_DIMENSIONAL.computeIfAbsent(points, k -> {
            double[] x = new double[points];
            double[] w = new double[points];
            if (points == 1) {
                x[0] = 0;
                w[0] = 1;
            } else {
                // Hipparchus' rule is for the weight e^{-x²}: rescale to the standard normal density.
                SymmetricGaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
                for (int i = 0; i < points; i++) {
                    x[i] = Math.sqrt(2) * rule.getPoint(i);
                    w[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
                }
            }
            return new double[][]{x, w};
        });
    }

    static QuadratureRule normal(int points, int dimension) {
        double[][] rule = oneDimensional(points);
        double[] x = rule[0];
        double[] w = rule[1];
        double maxNode = 0;
        for (double xi : x) {
            maxNode = Math.max(maxNode, Math.abs(xi));
        }
        int total = (int) Math.pow(points, dimension);
        double[][] nodes = new double[total][dimension];
        double[] weights = new double[total];
        for (int k = 0; k < total; k++) {
            int rest = k;
            double weight = 1;
            for (int d = 0; d < dimension; d++) {
                int i = rest % points;
                rest /= points;
                nodes[k][d] = x[i];
                weight *= w[i];
            }
            weights[k] = weight;
        }
        return new QuadratureRule(nodes, weights, maxNode);
    }

    int size() {
        return weights.length;
    }

    double[] node(int k) {
        return nodes[k];
    }

    double weight(int k) {
        return weights[k];
    }

    /** The largest |coordinate| of any node. */
    double maxNode() {
        return maxNode;
    }
}
