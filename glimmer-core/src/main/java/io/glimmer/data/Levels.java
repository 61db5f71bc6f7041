package io.glimmer.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for ordering the levels of a categorical column, shared by {@link CsvReader} and
 * {@link DataFrameBuilder}: numerically when every level is a number (so "2" comes before "10", as
 * R's factor() of a numeric column does), otherwise by Unicode code point (so "B" comes before "a",
 * as in R's C locale). The first level is the reference level, so the order changes results.
 */
final class Levels {
    private Levels() {
    }

    /** The distinct values, sorted by the rule above. Level text is kept exactly as given. */
    static List<String> sorted(Set<String> distinct) {
        List<String> levels = new ArrayList<>(distinct);
        boolean numeric = levels.stream().allMatch(Cells::isNumber);
        // Ties between numerically equal texts ("1" and "1.0") fall back to code points: a total order.
        Comparator<String> order = numeric
                ? Comparator.comparingDouble(Cells::toDouble).thenComparing(Levels::compareCodePoints)
                : Levels::compareCodePoints;
        levels.sort(order);
        return levels;
    }

    /** A categorical column from values, null marking a missing value. */
    static CategoricalColumn column(String name, List<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null) {
                distinct.add(v);
            }
        }
        List<String> levels = sorted(distinct);
        Map<String, Integer> codeOf = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            codeOf.put(levels.get(i), i);
        }
        int[] codes = new int[values.size()];
        for (int i = 0; i < codes.length; i++) {
            String v = values.get(i);
            codes[i] = v == null ? -1 : codeOf.get(v);
        }
        return new CategoricalColumn(name, codes, levels);
    }

    /**
     * Code point order. String.compareTo compares UTF-16 units, which puts characters above U+FFFF
     * before U+E000..U+FFFF; comparing code points avoids that.
     */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
