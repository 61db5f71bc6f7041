package io.glimmer.nonlinear;

import io.glimmer.error.InputException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least-squares fit of a model linear in some of its parameters, y ≈ A(θ)c, by R's
 * {@code nls(..., algorithm = "plinear")}, with which R's self-starting models refine their rough
 * values: Golub and Pereyra's variable projection (c = A⁺y profiled out, Gauss–Newton in θ on the
 * projected residual), step halving from the last step's factor, and nls's stopping rule (the
 * relative offset of the residual below 1e-5, tested before each step). Initial values must follow
 * R to its stopping point, not to the exact optimum: R's SSfol stops at its start when that
 * criterion is already met there.
 */
final class Plinear {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-5;
    private static final double MIN_FACTOR = 1.0 / 1024;

    private final String model;
    private final List<String> columnNames = new ArrayList<>();
    private final double[][] columns;
    private final double[] y;

    /**
     * @param model   the model in its parameters and the named columns, each linear parameter
     *                multiplying the terms it appears in (R's cbind of basis functions)
     * @param columns the columns the model reads, by name
     */
    Plinear(String model, Map<String, double[]> columns, double[] y) {
        this.model = model;
        this.columns = new double[columns.size()][];
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            this.columns[columnNames.size()] = e.getValue();
            columnNames.add(e.getKey());
        }
        this.y = y;
    }

    /**
     * The values of every parameter by name, the nonlinear ones first.
     *
     * @param failure the model's name for the message when the basis is singular
     */
    Map<String, Double> fit(String failure, Map<String, Double> nonlinearStart, String... linear) {
        List<String> names = new ArrayList<>(nonlinearStart.keySet());
        names.addAll(List.of(linear));
        ModelExpression f = ExpressionParser.expression(model, (name, position) -> {
            int c = columnNames.indexOf(name);
            if (c >= 0) {
                return new ModelExpression.Column(name, c);
            }
            int k = names.indexOf(name);
            if (k < 0) {
                throw new IllegalStateException("unknown name " + name + " in " + model);
            }
            return new ModelExpression.Parameter(name, k);
        });
        int m = nonlinearStart.size();
        int l = linear.length;
        ModelExpression[] basis = new ModelExpression[l];
        ModelExpression[][] basisGradient = new ModelExpression[l][m];
        for (int j = 0; j < l; j++) {
            basis[j] = f.derivative(m + j);
            for (int k = 0; k < m; k++) {
                basisGradient[j][k] = basis[j].derivative(k);
            }
        }
        double[] theta = new double[m];
        for (int k = 0; k < m; k++) {
            theta[k] = nonlinearStart.get(names.get(k));
        }
        Projection at = new Projection(basis, basisGradient, theta, failure);
        double factor = 1;
        for (int it = 0; it < MAX_ITERATIONS && at.criterion() > TOLERANCE; it++) {
            double[] increment = at.increment();
            Projection next = null;
            while (factor >= MIN_FACTOR) {
                double[] trial = theta.clone();
                for (int k = 0; k < m; k++) {
                    trial[k] += factor * increment[k];
                }
                Projection p = new Projection(basis, basisGradient, trial, failure);
                if (p.deviance <= at.deviance) {
                    next = p;
                    theta = trial;
                    factor = Math.min(2 * factor, 1);
                    break;
                }
                factor /= 2;
            }
            if (next == null) {
                break; // R stops with "step factor reduced below minFactor"; these values are the best reached
            }
            at = next;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            out.put(names.get(k), theta[k]);
        }
        for (int j = 0; j < l; j++) {
            out.put(names.get(m + j), at.lin.getEntry(j));
        }
        return out;
    }

    /** The columns, and each parameter constant over the rows. */
    private ModelExpression.Inputs inputs(double[] parameters) {
        double[][] phi = new double[parameters.length][y.length];
        for (int k = 0; k < parameters.length; k++) {
            java.util.Arrays.fill(phi[k], parameters[k]);
        }
        return new ModelExpression.Inputs(y.length, columns, phi);
    }

    /** The model at θ with the linear parameters profiled out: A's QR, c, the residual and nls's quantities. */
    private final class Projection {
        final int n = y.length;
        final int l;
        final int m;
        final QRDecomposition qr;
        final RealVector lin;
        final double deviance;
        final double[][][] dA;
        final double[] theta;

        Projection(ModelExpression[] basis, ModelExpression[][] basisGradient, double[] theta, String failure) {
            this.theta = theta;
            this.l = basis.length;
            this.m = theta.length;
            double[] all = new double[m + l];
            System.arraycopy(theta, 0, all, 0, m);
            ModelExpression.Inputs in = inputs(all);
            RealMatrix a = new Array2DRowRealMatrix(n, l);
            dA = new double[l][m][];
            boolean finite = true;
            for (int j = 0; j < l; j++) {
                double[] v = basis[j].values(in);
                for (int r = 0; r < n; r++) {
                    a.setEntry(r, j, v[r]);
                    finite &= Double.isFinite(v[r]);
                }
                for (int k = 0; k < m; k++) {
                    dA[j][k] = basisGradient[j][k].values(in);
                }
            }
            if (!finite) {
                throw singular(failure);
            }
            qr = new QRDecomposition(a, 1e-12);
            if (!qr.getSolver().isNonSingular()) {
                throw singular(failure);
            }
            RealVector yv = new ArrayRealVector(y, false);
            lin = qr.getSolver().solve(yv);
            deviance = yv.subtract(a.operate(lin)).dotProduct(yv.subtract(a.operate(lin)));
        }

        private InputException singular(String failure) {
            return new InputException(failure + "'s initial values could not be computed from the data (singular or not finite at "
                    + java.util.Arrays.toString(theta) + "): give them with {--start}");
        }

        /** Q'r: the residual in the coordinates of A's QR (its first l entries zero). */
        private RealVector rotatedResidual() {
            RealVector c = qr.getQT().operate(new ArrayRealVector(y, false));
            for (int j = 0; j < l; j++) {
                c.setEntry(j, 0);
            }
            return c;
        }

        /** Q' times the Jacobian of the projected residual (R's B in nlsModel.plinear). */
        private RealMatrix rotatedJacobian(RealVector cc) {
            RealVector residual = qr.getQ().operate(cc);
            RealMatrix g = new Array2DRowRealMatrix(n, m);
            for (int k = 0; k < m; k++) {
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int j = 0; j < l; j++) {
                        s += dA[j][k][r] * lin.getEntry(j);
                    }
                    g.setEntry(r, k, s);
                }
            }
            RealMatrix b = qr.getQT().multiply(g);
            // the top l rows: R⁻ᵀ (∂A/∂θ)' r
            RealMatrix rt = qr.getR().getSubMatrix(0, l - 1, 0, l - 1).transpose();
            for (int k = 0; k < m; k++) {
                double[] top = new double[l];
                for (int j = 0; j < l; j++) {
                    double s = 0;
                    for (int r = 0; r < n; r++) {
                        s += dA[j][k][r] * residual.getEntry(r);
                    }
                    top[j] = s;
                }
                for (int j = 0; j < l; j++) { // forward substitution in the lower-triangular Rᵀ
                    double s = top[j];
                    for (int i = 0; i < j; i++) {
                        s -= rt.getEntry(j, i) * top[i];
                    }
                    top[j] = s / rt.getEntry(j, j);
                    b.setEntry(j, k, top[j]);
                }
            }
            return b;
        }

        /**
         * nls's relative offset for plinear: sqrt(fac · Σ first l of Q_B'cc² / Σ the rest), fac = (n − p)/p,
         * p counting all parameters (R sums the first l entries, the number of linear parameters).
         */
        double criterion() {
            RealVector cc = rotatedResidual();
            RealVector rr = new QRDecomposition(rotatedJacobian(cc)).getQT().operate(cc);
            double head = 0;
            double tail = 0;
            for (int i = 0; i < n; i++) {
                double v = rr.getEntry(i) * rr.getEntry(i);
                if (i < l) {
                    head += v;
                } else {
                    tail += v;
                }
            }
            double fac = (double) (n - l - m) / (l + m);
            return Math.sqrt(fac * head / tail);
        }

        /** The Gauss–Newton step in θ: least squares of B·δ = Q'r. */
        double[] increment() {
            RealVector cc = rotatedResidual();
            return new QRDecomposition(rotatedJacobian(cc), 1e-12).getSolver().solve(cc).toArray();
        }
    }
}
