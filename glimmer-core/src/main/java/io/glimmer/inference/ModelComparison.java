package io.glimmer.inference;

import io.glimmer.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.InputException;
import io.glimmer.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Likelihood-ratio tests of a sequence of nested models, smallest first, as lme4's
 * {@code anova(m0, m1, ...)}: each model is tested against the one before it. REML fits are
 * refitted by maximum likelihood first, since REML likelihoods of models with different fixed
 * effects are not comparable. Nesting is checked loosely: same response, same rows, and strictly
 * more parameters at each step.
 *
 * @param models           the fits, in the order given
 * @param tests            one per consecutive pair
 * @param refittedWithMl   whether REML was asked for and ML used instead
 */
public record ModelComparison(List<ComparedModel> models, List<Step> tests, boolean refittedWithMl) {

    /** One model of the comparison. */
    public record ComparedModel(String formula, MixedModelFit fit) {
    }

    /**
     * The test of model {@code smaller} against model {@code smaller + 1}.
     *
     * @param pValueBoundary the χ²-mixture p-value when the models differ by one boundary variance case, else null
     */
    public record Step(int smaller, LikelihoodRatioTest test, BoundaryRule rule, Double pValueBoundary) {
    }

    public static ModelComparison of(DataFrame data, List<String> formulas, FitOptions options) {
        if (formulas.size() < 2) {
            throw new InputException("compare needs at least two models (--formula twice, the smaller model first); got " + formulas.size());
        }
        Method method = options.effectiveMethod();
        if (method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("compare needs maximum-likelihood fits (--method REML, ML, Laplace or AGQ); --method "
                    + method.label() + " has no likelihood to compare");
        }
        boolean refit = method == Method.REML;
        FitOptions ml = refit ? copyWithMethod(options, Method.ML) : options;
        List<Formula> parsed = formulas.stream().map(Formula::parse).toList();
        checkSameResponse(parsed);
        List<ComparedModel> models = new ArrayList<>();
        for (String f : formulas) {
            models.add(new ComparedModel(f, Glimmer.fit(data, f, ml)));
        }
        checkNested(models);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i + 1 < models.size(); i++) {
            MixedModelFit a = models.get(i).fit();
            MixedModelFit b = models.get(i + 1).fit();
            LikelihoodRatioTest test = LikelihoodRatioTest.between(a, b);
            BoundaryRule rule = BoundaryRule.between(Design.of(data, parsed.get(i), options.weights()),
                    Design.of(data, parsed.get(i + 1), options.weights()), test.df());
            Double boundary = rule.mixture() == null ? null : rule.mixture().pValue(test.chisq());
            steps.add(new Step(i, test, rule, boundary));
        }
        return new ModelComparison(List.copyOf(models), List.copyOf(steps), refit);
    }

    private static void checkSameResponse(List<Formula> formulas) {
        String first = response(formulas.get(0));
        for (int i = 1; i < formulas.size(); i++) {
            String r = response(formulas.get(i));
            if (!r.equals(first)) {
                throw new InputException("the models are not nested: model 1 has response '" + first + "' but model " + (i + 1)
                        + " has '" + r + "'");
            }
        }
    }

    private static String response(Formula f) {
        if (f.response() == null) {
            throw new InputException("the formula '" + f.text() + "' has no response (nothing left of '~')");
        }
        return f.response().deparse();
    }

    private static void checkNested(List<ComparedModel> models) {
        for (int i = 1; i < models.size(); i++) {
            MixedModelFit a = models.get(i - 1).fit();
            MixedModelFit b = models.get(i).fit();
            if (a.nObs() != b.nObs()) {
                throw new InputException("the models were not fitted to the same rows (" + a.nObs() + " and " + b.nObs()
                        + " observations): missing values differ between the variables they use");
            }
            if (b.df() <= a.df()) {
                throw new InputException("the models are not nested: model " + (i + 1) + " (" + models.get(i).formula() + ") has "
                        + b.df() + " parameters, model " + i + " (" + models.get(i - 1).formula() + ") has " + a.df()
                        + "; give the smaller model first");
            }
        }
    }

    private static FitOptions copyWithMethod(FitOptions o, Method m) {
        return new FitOptions(o.family(), o.link(), m, o.agqPoints(), o.weights(), o.factors(), o.cluster(), o.corstr(),
                o.strata(), o.correlation());
    }
}
