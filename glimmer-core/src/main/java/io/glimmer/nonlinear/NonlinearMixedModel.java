package io.glimmer.nonlinear;

import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;

import java.util.ArrayList;
import java.util.List;

/**
 * A nonlinear mixed model over the rows used: y = f(φᵣ, xᵣ) + ε with each parameter φ = Xβ + b
 * (X its covariates, {@link ParameterDesign}; b the random effect of the row's group level, for the
 * parameters in {@code --random}). It evaluates f and its exact gradient, and writes the model
 * linearised at (β, b) as a {@link Design} (X = ∂f/∂β, Z = ∂f/∂b), so the linear mixed model
 * machinery does both of Lindstrom and Bates' steps. Random effects are held per random-effects term of that design, level-major:
 * one term of q effects (general covariance) or q scalar terms (diagonal) per grouping factor (several for nested grouping a/b).
 */
final class NonlinearMixedModel {
    private final NonlinearFormula formula;
    private final Design frame;
    private final double[] y;
    private final double[][] columns;
    /** Per random-effects term of the linearised design: its grouping factor's row codes, levels and name. */
    private final int[][] termCodes;
    private final List<List<String>> termLevels;
    private final String[] termGroup;
    private final boolean diagonal;
    private final int groupings;
    private final ModelExpression[] gradient;
    private final ParameterDesign fixed;
    /** termParameters[k][a]: the parameter of effect a of random-effects term k. */
    private final int[][] termParameters;
    private final int n;

    /**
     * @param frame   the rows used (model frame, response's formula for messages) and the grouping factors' codes in its random terms
     * @param y       the response
     * @param columns the covariates the expression reads, by column index, over the rows used
     */
    NonlinearMixedModel(NonlinearFormula formula, RandomParameters random, ParameterCovariates covariates, Design frame, double[] y,
                        double[][] columns) {
        this.formula = formula;
        this.frame = frame;
        this.y = y;
        this.columns = columns;
        this.n = y.length;
        this.fixed = new ParameterDesign(formula, covariates, frame.frame());
        int p = formula.parameters().size();
        this.gradient = new ModelExpression[p];
        for (int k = 0; k < p; k++) {
            gradient[k] = formula.mean().derivative(k);
        }
        int[] randomIndex = random.parameters().stream().mapToInt(formula::parameterIndex).toArray();
        // One grouping factor per term of the frame ((1 | a/b) gives a and a:b); on each, the random
        // parameters form one term (general covariance) or one term each (diagonal), as nlme's pdSymm/pdDiag.
        this.diagonal = random.diagonal();
        List<RandomEffectsTerm> factors = frame.randomTerms();
        this.groupings = factors.size();
        int blocks = diagonal ? randomIndex.length : 1;
        int terms = groupings * blocks;
        termParameters = new int[terms][];
        termCodes = new int[terms][];
        termLevels = new ArrayList<>();
        termGroup = new String[terms];
        for (int g = 0, t = 0; g < groupings; g++) {
            RandomEffectsTerm factor = factors.get(g);
            for (int k = 0; k < blocks; k++, t++) {
                termParameters[t] = diagonal ? new int[]{randomIndex[k]} : randomIndex;
                termCodes[t] = factor.columns().codes();
                termLevels.add(factor.levels());
                termGroup[t] = factor.group();
            }
        }
    }

    int rows() {
        return n;
    }

    /** The number of fixed effects (one per parameter without covariates). */
    int fixedCount() {
        return fixed.size();
    }

    /** The fixed effects' names, nlme's. */
    List<String> fixedNames() {
        return fixed.names();
    }

    /** β from one start value per parameter. */
    double[] fixedStart(double[] parameterValues) {
        return fixed.start(parameterValues);
    }

    double[] y() {
        return y;
    }

    /** The covariates the expression reads, by column index, over the rows used. */
    double[][] columns() {
        return columns;
    }

    Design frame() {
        return frame;
    }

    NonlinearFormula formula() {
        return formula;
    }

    /** The number of grouping factors: 1, or 2 and more for nested grouping (a/b). */
    int groupings() {
        return groupings;
    }

    /** The grouping factor's level count; one grouping factor only. */
    int levelCount() {
        return termLevels.get(0).size();
    }

    /** Each row's level of the grouping factor; one grouping factor only. */
    int[] codes() {
        return termCodes[0];
    }

    /** pdDiag (one term per random parameter) rather than one general term per grouping factor. */
    boolean diagonal() {
        return diagonal;
    }

    /** termParameters[k][a]: the parameter of effect a of random-effects term k (one term, or one per parameter when diagonal). */
    int[][] termParameters() {
        return termParameters;
    }

    /** ∂f/∂φₖ on every row, for parameter k. */
    double[] parameterGradient(int k, ModelExpression.Inputs in) {
        return gradient[k].values(in);
    }

    /** Zero random effects, shaped as the linearised design's terms. */
    double[][] zeroEffects() {
        double[][] b = new double[termParameters.length][];
        for (int k = 0; k < b.length; k++) {
            b[k] = new double[termLevels.get(k).size() * termParameters[k].length];
        }
        return b;
    }

    /** Each parameter's value on each row: Xβ plus the row's random effects. */
    ModelExpression.Inputs inputs(double[] beta, double[][] b) {
        double[][] phi = fixed.parameters(beta, gradient.length);
        for (int t = 0; t < termParameters.length; t++) {
            int q = termParameters[t].length;
            int[] codes = termCodes[t];
            for (int a = 0; a < q; a++) {
                double[] target = phi[termParameters[t][a]];
                for (int r = 0; r < n; r++) {
                    target[r] += b[t][codes[r] * q + a];
                }
            }
        }
        return new ModelExpression.Inputs(n, columns, phi);
    }

    /** f at (β, b). */
    double[] mean(double[] beta, double[][] b) {
        return formula.mean().values(inputs(beta, b)).clone();
    }

    /** Σ (y − f)² at (β, b). */
    double residualSumOfSquares(double[] f) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            double e = y[r] - f[r];
            s += e * e;
        }
        return s;
    }

    /**
     * The model linearised at (β, b): X = ∂f/∂β and Z = ∂f/∂b with the working response
     * w = y − f + Xβ + Zb, whose linear mixed model has the same penalised least-squares problem
     * to first order.
     */
    Linearised linearise(double[] beta, double[][] b) {
        ModelExpression.Inputs in = inputs(beta, b);
        double[] f = formula.mean().values(in);
        double[][] g = new double[gradient.length][];
        for (int k = 0; k < g.length; k++) {
            g[k] = gradient[k].values(in);
        }
        int p = beta.length;
        double[] x = new double[n * p];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            double s = y[r] - f[r];
            for (int j = 0; j < p; j++) {
                double v = g[fixed.owner(j)][r] * fixed.x(j, r);
                x[r * p + j] = v;
                s += v * beta[j];
            }
            w[r] = s;
        }
        List<RandomEffectsTerm> terms = new ArrayList<>();
        for (int t = 0; t < termParameters.length; t++) {
            int q = termParameters[t].length;
            int[] codes = termCodes[t];
            double[] z = new double[n * q];
            List<String> names = new ArrayList<>();
            for (int a = 0; a < q; a++) {
                int k = termParameters[t][a];
                names.add(fixed.randomName(k, formula.parameters().get(k)));
                for (int r = 0; r < n; r++) {
                    z[r * q + a] = g[k][r];
                    w[r] += g[k][r] * b[t][codes[r] * q + a];
                }
            }
            List<String> levels = termLevels.get(t);
            terms.add(new RandomEffectsTerm(termGroup[t], names, levels, new GroupedColumns(levels.size(), q, codes, z)));
        }
        Design design = new Design(frame.frame(), frame.formula(), new ModelMatrix(fixed.names(), x, n), List.of(), null, terms);
        return new Linearised(design, w, f);
    }

    /** A linearisation: the design, the working response and f where it was taken. */
    record Linearised(Design design, double[] workingResponse, double[] mean) {
    }

    /** Every parameter's gradient column, for checks against finite differences. */
    double[][] gradient(double[] beta, double[][] b) {
        ModelExpression.Inputs in = inputs(beta, b);
        double[][] g = new double[gradient.length][];
        for (int k = 0; k < g.length; k++) {
            g[k] = gradient[k].values(in).clone();
        }
        return g;
    }
}
