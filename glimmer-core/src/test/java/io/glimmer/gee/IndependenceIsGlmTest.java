package io.glimmer.gee;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With an independence working correlation the GEE are the GLM score equations: β̂ is glm's,
 * and the model-based covariance is glm's φ(X'WX)⁻¹ with geepack's scale Σ r²/N. Checked
 * against a plain IRLS written here.
 */
class IndependenceIsGlmTest {
    private static final SimulatedClusters DATA = new SimulatedClusters(20240611L, 60);

    @ParameterizedTest
    @CsvSource({"gaussian, y", "poisson, count", "binomial, event", "Gamma, time"})
    void betaAndModelBasedCovarianceAreTheGlms(String family, String response) {
        double[] y = switch (response) {
            case "y" -> DATA.gaussian;
            case "count" -> DATA.counts;
            case "event" -> DATA.binary;
            default -> DATA.positive;
        };
        GeeFit gee = GeeFits.of(DATA.frame(), response + " ~ x + f",
                FitOptions.builder().method(Method.GEE).family(family).cluster("id").corstr("independence").build());

        Irls glm = new Irls(family, DATA.design(), y);
        double[] beta = gee.fit().fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray();
        for (int j = 0; j < beta.length; j++) {
            assertEquals(glm.beta[j], beta[j], 1e-8 * Math.max(1, Math.abs(glm.beta[j])), "beta " + j);
        }
        assertEquals(glm.pearsonMeanSquare(), gee.scale(), 1e-8 * gee.scale());
        double[][] naive = gee.naiveCovariance();
        RealMatrix glmCov = glm.unscaledCovariance().scalarMultiply(glm.pearsonMeanSquare());
        for (int j = 0; j < beta.length; j++) {
            for (int k = 0; k < beta.length; k++) {
                assertEquals(glmCov.getEntry(j, k), naive[j][k], 1e-7 * Math.sqrt(glmCov.getEntry(j, j) * glmCov.getEntry(k, k)));
            }
        }
    }

    /** Iteratively reweighted least squares with canonical-or-log links, as glm.fit does it. */
    private static final class Irls {
        final double[][] x;
        final double[] y;
        final DoubleUnaryOperator inverseLink;
        final DoubleUnaryOperator dmu;
        final DoubleUnaryOperator variance;
        double[] beta;

        Irls(String family, double[][] x, double[] y) {
            this.x = x;
            this.y = y;
            switch (family) {
                case "gaussian" -> { inverseLink = e -> e; dmu = e -> 1; variance = m -> 1; }
                case "binomial" -> {
                    inverseLink = e -> 1 / (1 + Math.exp(-e));
                    dmu = e -> Math.exp(-e) / Math.pow(1 + Math.exp(-e), 2);
                    variance = m -> m * (1 - m);
                }
                case "poisson" -> { inverseLink = Math::exp; dmu = Math::exp; variance = m -> m; }
                case "Gamma" -> { inverseLink = e -> 1 / e; dmu = e -> -1 / (e * e); variance = m -> m * m; }
                default -> throw new IllegalArgumentException(family);
            }
            int p = x[0].length;
            beta = new double[p];
            // Start from the least-squares line through the linked responses, then iterate to a fixed point.
            double[] eta = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                eta[i] = switch (family) {
                    case "binomial" -> Math.log((y[i] + 0.5) / (1.5 - y[i]));
                    case "poisson" -> Math.log(y[i] + 0.5);
                    case "Gamma" -> 1 / y[i];
                    default -> y[i];
                };
            }
            for (int iteration = 0; iteration < 100; iteration++) {
                RealMatrix xtwx = MatrixUtils.createRealMatrix(p, p);
                double[] xtwz = new double[p];
                for (int i = 0; i < y.length; i++) {
                    double mu = inverseLink.applyAsDouble(eta[i]);
                    double d = dmu.applyAsDouble(eta[i]);
                    double w = d * d / variance.applyAsDouble(mu);
                    double z = eta[i] + (y[i] - mu) / d;
                    for (int j = 0; j < p; j++) {
                        xtwz[j] += x[i][j] * w * z;
                        for (int k = 0; k < p; k++) {
                            xtwx.addToEntry(j, k, x[i][j] * w * x[i][k]);
                        }
                    }
                }
                double[] next = new CholeskyDecomposition(xtwx).getSolver().solve(MatrixUtils.createRealVector(xtwz)).toArray();
                double change = 0;
                for (int j = 0; j < p; j++) {
                    change = Math.max(change, Math.abs(next[j] - beta[j]));
                }
                beta = next;
                for (int i = 0; i < y.length; i++) {
                    eta[i] = 0;
                    for (int j = 0; j < p; j++) {
                        eta[i] += x[i][j] * beta[j];
                    }
                }
                if (change < 1e-13) {
                    break;
                }
            }
        }

        double mu(int i) {
            double eta = 0;
            for (int j = 0; j < beta.length; j++) {
                eta += x[i][j] * beta[j];
            }
            return inverseLink.applyAsDouble(eta);
        }

        double pearsonMeanSquare() {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                double mu = mu(i);
                s += (y[i] - mu) * (y[i] - mu) / variance.applyAsDouble(mu);
            }
            return s / y.length;
        }

        /** (X'WX)⁻¹ at β̂. */
        RealMatrix unscaledCovariance() {
            int p = beta.length;
            RealMatrix xtwx = MatrixUtils.createRealMatrix(p, p);
            for (int i = 0; i < y.length; i++) {
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += x[i][j] * beta[j];
                }
                double d = dmu.applyAsDouble(eta);
                double w = d * d / variance.applyAsDouble(inverseLink.applyAsDouble(eta));
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k < p; k++) {
                        xtwx.addToEntry(j, k, x[i][j] * w * x[i][k]);
                    }
                }
            }
            return new CholeskyDecomposition(xtwx).getSolver().getInverse();
        }
    }
}
