package io.glimmer.inference;

import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which null distribution each kind of nested pair gets. */
class BoundaryRuleTest {
    static DataFrame sleepstudy;

    @BeforeAll
    static void read() {
        sleepstudy = CsvReader.read(Reference.data("sleepstudy.csv"), CsvOptions.builder().build());
    }

    private static BoundaryRule rule(String smaller, String larger, int df) {
        return BoundaryRule.between(Design.of(sleepstudy, Formula.parse(smaller), null), Design.of(sleepstudy, Formula.parse(larger), null), df);
    }

    @Test
    void randomSlopeWithCovarianceIsTheOneTwoMixture() {
        BoundaryRule r = rule("Reaction ~ Days + (1 | Subject)", "Reaction ~ Days + (Days | Subject)", 2);
        assertEquals(BoundaryRule.Kind.ADDED_EFFECT, r.kind());
        assertEquals(1, r.mixture().q());
        assertTrue(r.description().contains("Days"), r.description());
    }

    @Test
    void uncorrelatedSlopeIsOneVariance() {
        BoundaryRule r = rule("Reaction ~ Days + (1 | Subject)", "Reaction ~ Days + (Days || Subject)", 1);
        assertEquals(BoundaryRule.Kind.ONE_VARIANCE, r.kind());
        assertEquals(0, r.mixture().q());
    }

    @Test
    void thirdEffectInATermOfTwo() {
        BoundaryRule r = rule("Reaction ~ Days + I(Days^2) + (Days | Subject)", "Reaction ~ Days + I(Days^2) + (Days + I(Days^2) | Subject)", 3);
        assertEquals(BoundaryRule.Kind.ADDED_EFFECT, r.kind());
        assertEquals(2, r.mixture().q());
    }

    @Test
    void twoNewEffectsHaveNoSimpleMixture() {
        BoundaryRule r = rule("Reaction ~ Days + I(Days^2) + (1 | Subject)", "Reaction ~ Days + I(Days^2) + (Days + I(Days^2) | Subject)", 5);
        assertEquals(BoundaryRule.Kind.SEVERAL_COMPONENTS, r.kind());
        assertNull(r.mixture());
    }

    @Test
    void differentFixedEffectsUseTheOrdinaryChiSquared() {
        BoundaryRule r = rule("Reaction ~ 1 + (1 | Subject)", "Reaction ~ Days + (Days | Subject)", 3);
        assertEquals(BoundaryRule.Kind.FIXED_EFFECTS, r.kind());
        assertNull(r.mixture());
    }
}
