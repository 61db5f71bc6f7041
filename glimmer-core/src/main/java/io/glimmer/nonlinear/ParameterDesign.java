package io.glimmer.nonlinear;

import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ModelMatrixBuilder;
import io.glimmer.design.RankCheck;
import io.glimmer.formula.Formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed effects β of a nonlinear model and how each parameter is made of them: φₖ = Xₖβₖ over
 * the rows, Xₖ a column of ones for a constant parameter or the model matrix of its covariates
 * ({@link ParameterCovariates}, aliased columns dropped). Names are nlme's: the parameter's own for a
 * constant, {@code Asym.(Intercept)}, {@code Asym.TreatmentB} for one with covariates.
 */
final class ParameterDesign {
    private final List<String> names = new ArrayList<>();
    /** owner[j]: the parameter fixed effect j belongs to. */
    private final int[] owner;
    /** column[j]: its covariate column over the rows, or null for ones. */
    private final double[][] column;
    private final boolean[] covariates;
    private final int rows;

    ParameterDesign(NonlinearFormula formula, ParameterCovariates fixed, ModelFrame frame) {
        List<Integer> owners = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        int p = formula.parameters().size();
        covariates = new boolean[p];
        rows = frame.rows();
        for (int k = 0; k < p; k++) {
            String parameter = formula.parameters().get(k);
            Formula f = fixed.of(parameter);
            if (f == null) {
                names.add(parameter);
                owners.add(k);
                columns.add(null);
                continue;
            }
            covariates[k] = true;
            ModelMatrix x = ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms());
            x = x.select(RankCheck.independentColumns(x));
            for (int j = 0; j < x.columns(); j++) {
                names.add(parameter + "." + x.names().get(j));
                owners.add(k);
                double[] c = new double[rows];
                for (int r = 0; r < rows; r++) {
                    c[r] = x.get(r, j);
                }
                columns.add(c);
            }
        }
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
        column = columns.toArray(double[][]::new);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return owner.length;
    }

    /** The parameter fixed effect j belongs to. */
    int owner(int j) {
        return owner[j];
    }

    /** X's entry for fixed effect j on row r. */
    double x(int j, int r) {
        return column[j] == null ? 1 : column[j][r];
    }

    /** The random effect's name on parameter k: nlme's {@code Asym.(Intercept)} when it has covariates. */
    String randomName(int k, String parameter) {
        return covariates[k] ? parameter + ".(Intercept)" : parameter;
    }

    /** φₖ = Xₖβₖ for every parameter, each of length rows. */
    double[][] parameters(double[] beta, int parameterCount) {
        double[][] phi = new double[parameterCount][];
        for (int j = 0; j < owner.length; j++) {
            int k = owner[j];
            if (column[j] == null && phi[k] == null) {
                phi[k] = new double[rows];
                Arrays.fill(phi[k], beta[j]);
                continue;
            }
            if (phi[k] == null) {
                phi[k] = new double[rows];
            }
            for (int r = 0; r < rows; r++) {
                phi[k][r] += x(j, r) * beta[j];
            }
        }
        return phi;
    }

    /**
     * β from one value per parameter: for a parameter with covariates, the least-squares fit of
     * that constant by its columns (the intercept takes it, the contrasts start at 0).
     */
    double[] start(double[] parameterValues) {
        double[] beta = new double[owner.length];
        for (int k = 0; k < parameterValues.length; k++) {
            List<Integer> own = new ArrayList<>();
            for (int j = 0; j < owner.length; j++) {
                if (owner[j] == k) {
                    own.add(j);
                }
            }
            if (own.size() == 1 && column[own.get(0)] == null) {
                beta[own.get(0)] = parameterValues[k];
                continue;
            }
            int m = own.size();
            double[] a = new double[m * m];
            double[] rhs = new double[m];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < m; i++) {
                    double xi = x(own.get(i), r);
                    rhs[i] += xi * parameterValues[k];
                    for (int l = 0; l < m; l++) {
                        a[i * m + l] += xi * x(own.get(l), r);
                    }
                }
            }
            io.glimmer.linalg.SmallBlocks.cholesky(a, 0, m, m, 1e-12);
            io.glimmer.linalg.SmallBlocks.solveLower(a, 0, m, rhs, 0);
            io.glimmer.linalg.SmallBlocks.solveLowerTranspose(a, 0, m, rhs, 0);
            for (int i = 0; i < m; i++) {
                beta[own.get(i)] = rhs[i];
            }
        }
        return beta;
    }
}
