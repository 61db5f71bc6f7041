package io.glimmer.inference;

import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.nonlinear.NlmerFormula;
import io.glimmer.fit.EstimatorDetails;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The comparison of any set of models fitted to the same rows, as lme4's {@code anova(m0, m1, ...)}:
 * every model's npar, AIC, BIC, log-likelihood and deviance, the models ordered by number of
 * parameters (ties keep the order given), and the likelihood-ratio test of each model against the
 * one before it, but only where that one is nested in it ({@link Nesting}) and has fewer
 * parameters. lme4 prints a χ² for every consecutive pair; between models that are not nested it
 * is no test, so none is given. REML fits are refitted by maximum likelihood first, since REML
 * likelihoods of models with different fixed effects are not comparable.
 *
 * @param models           the fits, ordered by number of parameters
 * @param tests            one per consecutive pair of {@code models}, tested or not
 * @param refittedWithMl   whether REML was asked for and ML used instead
 */
public record ModelComparison(List<ComparedModel> models, List<Step> tests, boolean refittedWithMl) {

    /**
     * One model of the comparison.
     *
     * @param given  its position (0-based) among the formulas as given
     * @param design the design the model was fitted on (for nesting and the boundary rule)
     */
    public record ComparedModel(String formula, MixedModelFit fit, int given, Design design) {
    }

    /**
     * Model {@code smaller} against model {@code smaller + 1}.
     *
     * @param nesting        whether the first is nested in the second, and if not why
     * @param test           the likelihood-ratio test, or null when there is none (not nested, or equal numbers of parameters)
     * @param rule           the null distribution that applies, or null without a test
     * @param pValueBoundary the χ²-mixture p-value when the models differ by one boundary variance case, else null
     */
    public record Step(int smaller, Nesting nesting, LikelihoodRatioTest test, BoundaryRule rule, Double pValueBoundary) {
        public boolean tested() {
            return test != null;
        }

        /** Why there is no test, one phrase; empty when tested. */
        public String untestedReason() {
            if (tested()) {
                return "";
            }
            return nesting.nested() ? "the same number of parameters" : "not nested: " + nesting.reason();
        }
    }

    /** nlme's anova: the χ² reference, without a boundary mixture. */
    private static final BoundaryRule NONLINEAR_RULE = new BoundaryRule(BoundaryRule.Kind.SEVERAL_COMPONENTS, null,
            "nonlinear models: the chi-squared reference distribution, as nlme's anova (conservative when variance components are added)");

    /**
     * The checks before anything is fitted: two models or more, a method with a likelihood, one response.
     *
     * @return whether the models are to be refitted by ML (REML was asked for)
     */
    public static boolean checkRequest(List<String> formulas, Method method) {
        if (formulas.size() < 2) {
            throw new InputException("compare needs at least two models ({--formula twice}); got " + formulas.size());
        }
        if (method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("compare needs maximum-likelihood fits ({--method REML, ML, Laplace or AGQ}); {--method "
                    + method.label() + "} has no likelihood to compare");
        }
        checkSameResponse(formulas);
        return method == Method.REML;
    }

    /**
     * The comparison of models fitted (by ML, or by Laplace or AGQ) to the same rows.
     *
     * @param fitted         the models in the order given
     * @param refittedWithMl whether REML was asked for and ML used instead
     */
    public static ModelComparison of(List<ComparedModel> fitted, boolean refittedWithMl) {
        List<ComparedModel> models = new ArrayList<>(fitted);
        checkSameRows(models);
        models.sort(Comparator.comparingInt(m -> m.fit().df())); // stable: ties keep the order given
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i + 1 < models.size(); i++) {
            MixedModelFit a = models.get(i).fit();
            MixedModelFit b = models.get(i + 1).fit();
            Design smaller = models.get(i).design();
            Design larger = models.get(i + 1).design();
            boolean nonlinear = a.details() instanceof EstimatorDetails.Nonlinear && b.details() instanceof EstimatorDetails.Nonlinear;
            // nonlinear models share the frame's design: they nest by their mean, parameters and random effects
            Nesting nesting = nonlinear ? Nesting.ofNonlinear(a, b) : Nesting.of(smaller, larger);
            List<String> ziSmaller = a.zeroInflationFixedEffects().stream().map(FixedEffect::term).toList();
            List<String> ziLarger = b.zeroInflationFixedEffects().stream().map(FixedEffect::term).toList();
            if (nesting.nested()) {
                nesting = Nesting.ofZeroInflation(ziSmaller, ziLarger);
            }
            if (!nesting.nested() || b.df() == a.df()) {
                steps.add(new Step(i, nesting, null, null, null));
                continue;
            }
            LikelihoodRatioTest test = LikelihoodRatioTest.between(a, b);
            BoundaryRule rule = nonlinear ? NONLINEAR_RULE : ziSmaller.size() != ziLarger.size()
                    ? new BoundaryRule(BoundaryRule.Kind.FIXED_EFFECTS, null,
                            "the models differ in their zero-inflation coefficients: the chi-squared reference distribution applies")
                    : BoundaryRule.between(smaller, larger, test.df());
            Double boundary = rule.mixture() == null ? null : rule.mixture().pValue(test.chisq());
            steps.add(new Step(i, nesting, test, rule, boundary));
        }
        return new ModelComparison(List.copyOf(models), List.copyOf(steps), refittedWithMl);
    }

    private static void checkSameResponse(List<String> formulas) {
        String first = response(formulas.get(0));
        for (int i = 1; i < formulas.size(); i++) {
            String r = response(formulas.get(i));
            if (!r.equals(first)) {
                throw new InputException("the models are not nested: model 1 has response '" + first + "' but model " + (i + 1)
                        + " has '" + r + "'");
            }
        }
    }

    private static String response(String formula) {
        NlmerFormula nlmer = NlmerFormula.of(formula);
        if (nlmer != null) { // a nonlinear model's response is the column left of its first '~'
            return nlmer.model().substring(0, nlmer.model().indexOf('~')).strip();
        }
        Formula f = Formula.parse(formula);
        if (f.response() == null) {
            throw new InputException("the formula '" + f.text() + "' has no response (nothing left of '~')");
        }
        return f.response().deparse();
    }

    /** lme4's anova refuses fits to different numbers of rows ({@link Nesting} also compares the rows themselves). */
    private static void checkSameRows(List<ComparedModel> models) {
        MixedModelFit a = models.get(0).fit();
        for (int i = 1; i < models.size(); i++) {
            MixedModelFit b = models.get(i).fit();
            if (a.nObs() != b.nObs()) {
                throw new InputException("the models were not fitted to the same rows (" + a.nObs() + " and " + b.nObs()
                        + " observations): missing values differ between the variables they use");
            }
        }
    }
}
