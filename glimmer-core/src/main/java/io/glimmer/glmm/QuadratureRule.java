package io.glimmer.glmm;

import io.glimmer.error.InputException;

import java.util.concurrent.ConcurrentHashMap;

import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

/**
 * A Gauss–Hermite rule for the standard normal density in q dimensions (the product of the
 * one-dimensional rule): nodes z_k and weights W_k with Σ W_k g(z_k) ≈ E g(Z), Z ~ N(0, I_q).
 */
public final class QuadratureRule {
    /**
     * The most points per axis. Hipparchus computes the rule in high precision in time that grows
     * as the cube of the points (0.1 s at 50, 1.2 s at 100, 11 s at 200, 46 s at 300) and fails
     * somewhere between 300 and 500; nodes at 100 points already reach 13.4 standard deviations.
     */
    static final int MAX_POINTS = 100;

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

    /** The rule with these points per axis; an InputException outside 1 .. {@link #MAX_POINTS}. */
    public static QuadratureRule normal(int points, int dimension) {
        checkPoints(points);
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

    /** Refuses a number of points per axis that no rule is made for, naming the range. */
    static void checkPoints(int points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new InputException("nAGQ must be between 1 and " + MAX_POINTS + " quadrature points per axis, not " + points);
        }
    }

    public int size() {
        return weights.length;
    }

    public double[] node(int k) {
        return nodes[k];
    }

    public double weight(int k) {
        return weights[k];
    }

    /** The largest |coordinate| of any node. */
    double maxNode() {
        return maxNode;
    }
}
