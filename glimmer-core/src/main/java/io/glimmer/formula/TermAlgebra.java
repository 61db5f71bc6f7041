package io.glimmer.formula;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * R's model-formula algebra (src/main/model.c) on terms coded as bit sets of factor indices.
 * Lists keep R's order: duplicates keep their first occurrence and empty terms are dropped,
 * exactly like R's TrimRepeats, so the later stable sort by order reproduces terms().
 * Operands are never modified. Sums are handled by the caller, which keeps a running set.
 */
final class TermAlgebra {
    /** More terms than this is a mistake (e.g. (a+...+z)^26), not a model; stop before it eats memory. */
    static final int MAX_TERMS = 10_000;

    /** Thrown when an operation would exceed {@link #MAX_TERMS}; the caller adds the position. */
    static final class TooManyTerms extends RuntimeException {
        TooManyTerms() {
            super(null, null, false, false);
        }
    }

    private TermAlgebra() {
    }

    /** a:b, every term of a joined with every term of b (x:x = x). */
    static List<BitSet> interact(List<BitSet> a, List<BitSet> b) {
        if ((long) a.size() * b.size() > MAX_TERMS) {
            throw new TooManyTerms();
        }
        List<BitSet> out = new ArrayList<>(a.size() * b.size());
        for (BitSet l : a) {
            for (BitSet r : b) {
                out.add(or(l, r));
            }
        }
        return trim(out);
    }

    /** a*b = a + b + a:b */
    static List<BitSet> cross(List<BitSet> a, List<BitSet> b) {
        return trim(concat(concat(a, b), interact(a, b)));
    }

    /** a/b = a + (all factors of a):b, so (a+b)/c gives a, b, a:b:c. */
    static List<BitSet> nest(List<BitSet> a, List<BitSet> b) {
        BitSet all = new BitSet();
        a.forEach(all::or);
        List<BitSet> out = new ArrayList<>(a);
        for (BitSet r : b) {
            out.add(or(all, r));
        }
        return trim(out);
    }

    /** a^n: all interactions of the terms of a up to n of them, in R's order. */
    static List<BitSet> power(List<BitSet> a, int n) {
        List<BitSet> result = trim(a);
        BitSet all = new BitSet();
        a.forEach(all::or);
        // After k = #factors rounds nothing new can appear; the cap only guards against huge n.
        int rounds = Math.min(n, all.cardinality() + 8);
        for (int i = 1; i < rounds; i++) {
            List<BitSet> next = interact(a, result);
            if (next.equals(result)) {
                break; // higher powers add nothing once every combination is present
            }
            result = next;
        }
        return result;
    }

    /** Stable sort by order (number of factors): main effects, then 2-way interactions, ... */
    static List<BitSet> sortByOrder(List<BitSet> terms) {
        List<BitSet> out = new ArrayList<>(terms);
        out.sort((x, y) -> Integer.compare(x.cardinality(), y.cardinality()));
        return out;
    }

    static List<BitSet> trim(List<BitSet> terms) {
        LinkedHashSet<BitSet> unique = new LinkedHashSet<>();
        for (BitSet t : terms) {
            if (!t.isEmpty()) {
                unique.add(t);
            }
        }
        if (unique.size() > MAX_TERMS) {
            throw new TooManyTerms();
        }
        return new ArrayList<>(unique);
    }

    private static BitSet or(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.or(b);
        return out;
    }

    private static List<BitSet> concat(List<BitSet> a, List<BitSet> b) {
        List<BitSet> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
