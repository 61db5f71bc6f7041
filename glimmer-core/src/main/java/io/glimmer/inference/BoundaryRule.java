package io.glimmer.inference;

import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which null distribution fits a likelihood-ratio test, from how the larger model differs from the
 * smaller. Only when both have the same fixed effects does the null hypothesis put variances on
 * the boundary (zero), and only two simple cases have a known χ² mixture: one new independent
 * variance (½χ²₀ + ½χ²₁), and one new random effect joining an existing q-effect term with its
 * covariances (½χ²_q + ½χ²_{q+1}). Anything else has no simple mixture.
 *
 * @param kind        how the models differ
 * @param mixture     the mixture for the two simple cases, else null
 * @param description one sentence saying which rule applied and why
 */
public record BoundaryRule(Kind kind, BoundaryMixture mixture, String description) {

    /** How the larger model differs from the smaller. */
    public enum Kind {
        /** The fixed effects differ: the ordinary χ² reference applies. */
        FIXED_EFFECTS,
        /** One new random-effects term with a single effect: ½χ²₀ + ½χ²₁. */
        ONE_VARIANCE,
        /** One effect added, with its covariances, to an existing term of q effects: ½χ²_q + ½χ²_{q+1}. */
        ADDED_EFFECT,
        /** Several variance components: no simple mixture. */
        SEVERAL_COMPONENTS
    }

    /** The effects of one random term; two terms match when group and set of effects agree, order aside. */
    private record Structure(String group, List<String> effects) {
        static Structure of(RandomEffectsTerm t) {
            return new Structure(t.group(), t.termNames());
        }

        boolean sameAs(Structure o) {
            return group.equals(o.group) && new HashSet<>(effects).equals(new HashSet<>(o.effects));
        }

        /** As written in a formula: (1 + Days | Subject). */
        String label() {
            return RandomTermLabel.of(group, effects);
        }
    }

    /**
     * The rule for testing {@code smaller} against {@code larger}.
     *
     * @param dfDifference the difference in numbers of parameters, to check the case found
     */
    public static BoundaryRule between(Design smaller, Design larger, int dfDifference) {
        if (!new HashSet<>(smaller.x().names()).equals(new HashSet<>(larger.x().names()))) {
            return new BoundaryRule(Kind.FIXED_EFFECTS, null,
                    "the models differ in their fixed effects: the chi-squared reference distribution applies");
        }
        List<Structure> onlySmaller = new ArrayList<>();
        List<Structure> onlyLarger = new ArrayList<>();
        for (RandomEffectsTerm t : larger.randomTerms()) {
            onlyLarger.add(Structure.of(t));
        }
        for (RandomEffectsTerm t : smaller.randomTerms()) {
            Structure s = Structure.of(t);
            if (!removeFirstMatch(onlyLarger, s)) {
                onlySmaller.add(s);
            }
        }
        if (onlySmaller.isEmpty() && onlyLarger.size() == 1 && onlyLarger.get(0).effects().size() == 1 && dfDifference == 1) {
            Structure added = onlyLarger.get(0);
            return new BoundaryRule(Kind.ONE_VARIANCE, new BoundaryMixture(0),
                    "the larger model adds one variance component, " + added.label()
                            + ", whose null value 0 is on the boundary: p-value from 0.5*chisq(0) + 0.5*chisq(1) (Self & Liang 1987)");
        }
        if (onlySmaller.size() == 1 && onlyLarger.size() == 1) {
            Structure before = onlySmaller.get(0);
            Structure after = onlyLarger.get(0);
            int q = before.effects().size();
            if (before.group().equals(after.group()) && new HashSet<>(after.effects()).containsAll(before.effects())
                    && after.effects().size() == q + 1 && dfDifference == q + 1) {
                Set<String> added = new HashSet<>(after.effects());
                added.removeAll(before.effects());
                return new BoundaryRule(Kind.ADDED_EFFECT, new BoundaryMixture(q),
                        "the larger model adds the random effect " + added.iterator().next() + ", with its covariance"
                                + (q == 1 ? "" : "s") + ", to " + before.label() + ": p-value from 0.5*chisq(" + q + ") + 0.5*chisq("
                                + (q + 1) + ") (Self & Liang 1987; Stram & Lee 1994)");
            }
        }
        return new BoundaryRule(Kind.SEVERAL_COMPONENTS, null,
                "the models differ in several variance components: no simple chi-squared mixture applies, "
                        + "and the chi-squared p-value is conservative");
    }

    /** Removes the first structure matching {@code s}; false when there is none. */
    private static boolean removeFirstMatch(List<Structure> list, Structure s) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).sameAs(s)) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }
}
