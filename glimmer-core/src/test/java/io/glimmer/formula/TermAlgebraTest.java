package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bit-set operations directly, in R's (unsorted) list order. Factor i is letter 'a' + i. */
class TermAlgebraTest {

    /** "a b ab" -> [{0}, {1}, {0,1}] */
    private static List<BitSet> terms(String spec) {
        List<BitSet> out = new ArrayList<>();
        for (String term : spec.split(" ")) {
            BitSet b = new BitSet();
            term.chars().forEach(c -> b.set(c - 'a'));
            out.add(b);
        }
        return out;
    }

    private static String show(List<BitSet> terms) {
        List<String> out = new ArrayList<>();
        for (BitSet b : terms) {
            StringBuilder s = new StringBuilder();
            b.stream().forEach(i -> s.append((char) ('a' + i)));
            out.add(s.toString());
        }
        return String.join(" ", out);
    }

    @Test
    void interactJoinsEveryPair() {
        assertEquals("ac ad bc bd", show(TermAlgebra.interact(terms("a b"), terms("c d"))));
        assertEquals("a", show(TermAlgebra.interact(terms("a"), terms("a"))));
        assertEquals("", show(TermAlgebra.interact(List.of(), terms("a"))));
    }

    @Test
    void crossIsLeftRightThenProducts() {
        assertEquals("a b ab", show(TermAlgebra.cross(terms("a"), terms("b"))));
        assertEquals("a b ab c ac bc abc", show(TermAlgebra.cross(terms("a b ab"), terms("c"))));
    }

    @Test
    void nestJoinsAllLeftFactorsToEachRightTerm() {
        assertEquals("a b abc", show(TermAlgebra.nest(terms("a b"), terms("c"))));
        assertEquals("a ab ac", show(TermAlgebra.nest(terms("a"), terms("b c"))));
    }

    @Test
    void powerFollowsRsIterationOrder() {
        assertEquals("a ab ac b bc c", show(TermAlgebra.power(terms("a b c"), 2)));
        assertEquals("a b c", show(TermAlgebra.power(terms("a b c"), 1)));
        assertEquals(show(TermAlgebra.power(terms("a b c"), 3)), show(TermAlgebra.power(terms("a b c"), 1_000_000)));
    }

    @Test
    void trimDropsRepeatsAndEmptyTerms() {
        List<BitSet> withEmpty = new ArrayList<>(terms("b a b ab a"));
        withEmpty.add(1, new BitSet());
        assertEquals("b a ab", show(TermAlgebra.trim(withEmpty)));
    }

    @Test
    void sortByOrderIsStable() {
        assertEquals("c a b bc ab abc", show(TermAlgebra.sortByOrder(terms("bc c abc a ab b"))));
    }

    @Test
    void refusesToExplode() {
        List<BitSet> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BitSet b = new BitSet();
            b.set(i);
            many.add(b);
        }
        assertThrows(TermAlgebra.TooManyTerms.class, () -> TermAlgebra.interact(many, many));
        assertThrows(TermAlgebra.TooManyTerms.class, () -> TermAlgebra.power(many, 2));
    }
}
