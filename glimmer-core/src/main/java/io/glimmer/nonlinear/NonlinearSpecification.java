package io.glimmer.nonlinear;

import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A nonlinear mixed model as given: the parsed model formula, the parameters with random effects
 * and their grouping factor, the covariates of parameters and the start values. Its
 * {@link #frameFormula()} is the lme4 formula of the variables it uses ({@code y ~ x + Treatment + (1 | g)}),
 * through which the ordinary model frame picks the complete rows and codes the grouping factor.
 */
public record NonlinearSpecification(NonlinearFormula formula, RandomParameters random, ParameterCovariates fixed,
                                     Map<String, Double> start) {
    public NonlinearSpecification {
        start = Map.copyOf(start);
    }

    /**
     * @throws InputException for a formula, --random or --start that does not fit the data, in one line
     */
    public static NonlinearSpecification of(String formula, DataFrame data, Map<String, Double> start, String random, String structure,
                                            String fixed) {
        if (random == null) {
            throw new InputException("a nonlinear model needs {--random#nonlinear}, e.g. {--random#nonlinear \"Asym ~ 1 | Tree\"} (the parameters with random "
                    + "effects and their grouping column)");
        }
        RandomParameters rp = RandomParameters.parse(random, structure);
        ParameterCovariates covariates = ParameterCovariates.parse(fixed);
        NonlinearFormula nf = NonlinearFormula.parse(formula, data, start);
        for (String p : covariates.byParameter().keySet()) {
            if (nf.parameterIndex(p) < 0) {
                throw new InputException("{--fixed} names '" + p + "', which is not a parameter of the formula (its parameters: "
                        + String.join(", ", nf.parameters()) + ")");
            }
        }
        for (String p : rp.parameters()) {
            if (nf.parameterIndex(p) < 0) {
                throw new InputException("{--random#nonlinear} names '" + p + "', which is not a parameter of the formula (its parameters: "
                        + String.join(", ", nf.parameters()) + ")");
            }
        }
        for (String g : rp.groups()) {
            if (!data.has(g)) {
                throw new InputException("{--random#nonlinear}: the grouping column '" + g + "' is not a column of the data (columns: "
                        + String.join(", ", data.names()) + ")");
            }
        }
        return new NonlinearSpecification(nf, rp, covariates, start);
    }

    /** {@code response ~ covariates + (1 | group)} (or {@code (1 | a/b)} nested): the variables whose complete rows the model uses. */
    public Formula frameFormula() {
        List<String> terms = new ArrayList<>();
        for (String c : formula.columns()) {
            terms.add(new Expr.Variable(c).deparse());
        }
        for (String label : fixed.termLabels()) {
            if (!terms.contains(label)) {
                terms.add(label);
            }
        }
        if (terms.isEmpty()) {
            terms.add("1");
        }
        String text = new Expr.Variable(formula.response()).deparse() + " ~ " + String.join(" + ", terms) + " + (1 | "
                + random.grouping() + ")";
        return Formula.parse(text);
    }
}
