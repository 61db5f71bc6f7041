package io.glimmer.gee;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For a gaussian response with the identity link the GEE for β are the normal equations of
 * generalized least squares with block-diagonal covariance φR(α): at the fitted α̂ and φ̂, β̂ must
 * be the GLS estimate, the model-based covariance φ(Σ Xᵢ'Rᵢ⁻¹Xᵢ)⁻¹, and α̂, φ̂ geepack's moment
 * estimates from the residuals. Everything recomputed here from the definitions.
 */
class GaussianExchangeableGlsTest {
    private static final SimulatedClusters DATA = new SimulatedClusters(7L, 50);

    @Test
    void betaIsGlsAtTheEstimatedCorrelation() {
        GeeFit gee = GeeFits.of(DATA.frame(), "y ~ x + f",
                FitOptions.builder().method(Method.GEE).cluster("id").corstr("exchangeable").build());
        double alpha = gee.alpha()[0];
        double phi = gee.scale();
        double[][] x = DATA.design();
        double[] y = DATA.gaussian;
        int p = 3;

        RealMatrix xtrx = MatrixUtils.createRealMatrix(p, p);
        RealVector xtry = MatrixUtils.createRealVector(new double[p]);
        List<int[]> clusters = clusters();
        for (int[] rows : clusters) {
            RealMatrix xi = MatrixUtils.createRealMatrix(rows.length, p);
            RealVector yi = MatrixUtils.createRealVector(new double[rows.length]);
            RealMatrix r = MatrixUtils.createRealMatrix(rows.length, rows.length);
            for (int a = 0; a < rows.length; a++) {
                xi.setRow(a, x[rows[a]]);
                yi.setEntry(a, y[rows[a]]);
                for (int b = 0; b < rows.length; b++) {
                    r.setEntry(a, b, a == b ? 1 : alpha);
                }
            }
            RealMatrix rInverse = new LUDecomposition(r).getSolver().getInverse();
            xtrx = xtrx.add(xi.transpose().multiply(rInverse).multiply(xi));
            xtry = xtry.add(xi.transpose().multiply(rInverse).operate(yi));
        }
        RealMatrix bread = new LUDecomposition(xtrx).getSolver().getInverse();
        RealVector gls = bread.operate(xtry);

        double[] beta = gee.fit().fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray();
        for (int j = 0; j < p; j++) {
            assertEquals(gls.getEntry(j), beta[j], 1e-7 * gee.naiveStandardErrors()[j], "beta " + j);
        }
        double[][] naive = gee.naiveCovariance();
        for (int j = 0; j < p; j++) {
            assertEquals(phi * bread.getEntry(j, j), naive[j][j], 1e-8 * naive[j][j]);
        }

        // geepack's moment estimates at β̂: φ = Σ e²/N, α = Σ over within-cluster pairs of eⱼeₖ / (φ · pairs).
        double[] e = new double[y.length];
        double sumSquares = 0;
        for (int i = 0; i < y.length; i++) {
            e[i] = y[i] - (beta[0] + beta[1] * x[i][1] + beta[2] * x[i][2]);
            sumSquares += e[i] * e[i];
        }
        assertEquals(sumSquares / y.length, phi, 1e-7 * phi);
        double cross = 0;
        int pairs = 0;
        for (int[] rows : clusters) {
            for (int a = 0; a < rows.length; a++) {
                for (int b = a + 1; b < rows.length; b++) {
                    cross += e[rows[a]] * e[rows[b]];
                    pairs++;
                }
            }
        }
        assertEquals(cross / (phi * pairs), alpha, 1e-7);
    }

    @Test
    void robustCovarianceIsTheSandwich() {
        GeeFit gee = GeeFits.of(DATA.frame(), "y ~ x + f",
                FitOptions.builder().method(Method.GEE).cluster("id").corstr("exchangeable").build());
        double alpha = gee.alpha()[0];
        double[][] x = DATA.design();
        double[] beta = gee.fit().fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray();
        RealMatrix information = MatrixUtils.createRealMatrix(3, 3);
        RealMatrix meat = MatrixUtils.createRealMatrix(3, 3);
        for (int[] rows : clusters()) {
            RealMatrix xi = MatrixUtils.createRealMatrix(rows.length, 3);
            RealVector ei = MatrixUtils.createRealVector(new double[rows.length]);
            RealMatrix r = MatrixUtils.createRealMatrix(rows.length, rows.length);
            for (int a = 0; a < rows.length; a++) {
                xi.setRow(a, x[rows[a]]);
                ei.setEntry(a, DATA.gaussian[rows[a]] - MatrixUtils.createRealVector(x[rows[a]]).dotProduct(MatrixUtils.createRealVector(beta)));
                for (int b = 0; b < rows.length; b++) {
                    r.setEntry(a, b, a == b ? 1 : alpha);
                }
            }
            RealMatrix xr = xi.transpose().multiply(new LUDecomposition(r).getSolver().getInverse());
            information = information.add(xr.multiply(xi));
            RealVector u = xr.operate(ei);
            meat = meat.add(u.outerProduct(u));
        }
        RealMatrix bread = new LUDecomposition(information).getSolver().getInverse();
        RealMatrix sandwich = bread.multiply(meat).multiply(bread);
        double[][] robust = gee.robustCovariance();
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(sandwich.getEntry(j, k), robust[j][k], 1e-8 * Math.sqrt(robust[j][j] * robust[k][k]));
            }
        }
    }

    private static List<int[]> clusters() {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int[] id = DATA.cluster;
        for (int i = 1; i <= id.length; i++) {
            if (i == id.length || id[i] != id[start]) {
                int[] rows = new int[i - start];
                for (int k = 0; k < rows.length; k++) {
                    rows[k] = start + k;
                }
                out.add(rows);
                start = i;
            }
        }
        return out;
    }
}
