package io.glimmer.inference;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether one model is a special case of another, decided from the two designs, so that a
 * likelihood-ratio test between them means something. The smaller model is nested in the larger
 * when both describe the same response on the same rows with the same offset, every fixed-effect
 * column of the smaller is a column of the larger (by name, after aliased columns are dropped),
 * and every random-effects term of the smaller fits inside one term of the larger on the same
 * grouping factor (its effects a subset of that term's): the larger term's covariance matrix then
 * contains the smaller's as the case where the extra variances and covariances are zero.
 * <p>
 * The check is conservative: models that span the same space under different names (e.g. {@code ~ 0 + f}
 * and {@code ~ 1 + f}) are called not nested. A correlated term inside uncorrelated ones, e.g.
 * {@code (1 + x | g)} against {@code (1 | g) + (0 + x | g)}, is not nested, whatever the numbers
 * of parameters.
 *
 * @param nested whether {@code smaller} is nested in {@code larger}
 * @param reason why not, naming the first term that breaks nesting; empty when nested
 */
public record Nesting(boolean nested, String reason) {

    private static final Nesting NESTED = new Nesting(true, "");

    /** Whether {@code smaller} is nested in {@code larger}; both designs are of the same data. */
    public static Nesting of(Design smaller, Design larger) {
        if (!smaller.formula().response().deparse().equals(larger.formula().response().deparse())) {
            return no("the responses differ");
        }
        if (!Arrays.equals(smaller.frame().keptRows(), larger.frame().keptRows())) {
            return no("the models use different rows (missing values differ between their variables)");
        }
        if (!Arrays.equals(smaller.offset(), larger.offset())) {
            return no("the offsets differ");
        }
        Set<String> largerColumns = new HashSet<>(larger.x().names());
        for (String c : smaller.x().names()) {
            if (!largerColumns.contains(c)) {
                return no("the fixed effect " + c + " is only in the smaller model");
            }
        }
        for (RandomEffectsTerm t : smaller.randomTerms()) {
            if (!insideSomeTerm(t, larger.randomTerms())) {
                return no("the random-effects term " + RandomTermLabel.of(t.group(), t.termNames()) + " is not contained in one term of the larger model");
            }
        }
        return NESTED;
    }

    /**
     * Whether one nonlinear fit is nested in another: the same mean (formula), every fixed effect of the
     * smaller among the larger's (by nlme's names), every random effect of the smaller among the
     * larger's on the same group, and its correlations too (random Asym inside random Asym + xmid).
     */
    public static Nesting ofNonlinear(MixedModelFit smaller, MixedModelFit larger) {
        if (!smaller.formula().equals(larger.formula())) {
            return no("the nonlinear models' formulas differ");
        }
        Set<String> fixed = new HashSet<>(larger.fixedEffects().stream().map(f -> f.term()).toList());
        for (var f : smaller.fixedEffects()) {
            if (!fixed.contains(f.term())) {
                return no("the fixed effect " + f.term() + " is only in the smaller model");
            }
        }
        Set<String> random = new HashSet<>(larger.randomEffects().stream().map(v -> v.group() + "|" + v.term()).toList());
        for (var v : smaller.randomEffects()) {
            if (!random.contains(v.group() + "|" + v.term())) {
                return no("the random effect " + v.term() + " | " + v.group() + " is only in the smaller model");
            }
        }
        Set<String> correlations = new HashSet<>(larger.correlations().stream().map(c -> c.group() + "|" + c.term1() + "|" + c.term2()).toList());
        for (var c : smaller.correlations()) {
            if (!correlations.contains(c.group() + "|" + c.term1() + "|" + c.term2())) {
                return no("the correlation of " + c.term1() + " and " + c.term2() + " is only in the smaller model");
            }
        }
        return NESTED;
    }

    /**
     * Whether the zero-inflation models nest (their coefficient names, empty for none): the smaller's
     * among the larger's. A model without zero inflation against one with it is the boundary p₀ = 0
     * (γ → −∞), where the likelihood-ratio test's χ² does not apply: not tested.
     */
    public static Nesting ofZeroInflation(List<String> smaller, List<String> larger) {
        if (smaller.isEmpty() && !larger.isEmpty()) {
            return no("only the larger model has zero inflation: the smaller one lies on its boundary (no structural zeros), where the chi-squared test does not apply");
        }
        for (String c : smaller) {
            if (!larger.contains(c)) {
                return no("the zero-inflation coefficient " + c + " is only in the smaller model");
            }
        }
        return NESTED;
    }

    private static boolean insideSomeTerm(RandomEffectsTerm t, List<RandomEffectsTerm> terms) {
        for (RandomEffectsTerm o : terms) {
            if (o.group().equals(t.group()) && new HashSet<>(o.termNames()).containsAll(t.termNames())) {
                return true;
            }
        }
        return false;
    }

    private static Nesting no(String reason) {
        return new Nesting(false, reason);
    }
}
