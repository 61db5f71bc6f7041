package io.glimmer.design;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.formula.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The grouping factor of a random-effects term. A numeric variable is taken as categorical; an
 * interaction {@code a:b} has one level per observed combination, named "la:lb", ordered with
 * the first factor varying fastest (as R's interaction()).
 */
final class GroupingFactor {
    private GroupingFactor() {
    }

    static CategoricalColumn of(ModelFrame frame, List<Expr> grouping, String label) {
        List<CategoricalColumn> parts = new ArrayList<>();
        for (Expr e : grouping) {
            Column c = frame.column(e);
            parts.add(ExpressionEvaluator.asFactor(c, e.deparse()));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = frame.rows();
        long[] keys = new long[n];
        TreeMap<Long, Integer> index = new TreeMap<>();
        for (int r = 0; r < n; r++) {
            long key = 0;
            for (int p = parts.size() - 1; p >= 0; p--) { // last factor most significant
                key = key * parts.get(p).levelCount() + parts.get(p).code(r);
            }
            keys[r] = key;
            index.put(key, 0);
        }
        List<String> levels = new ArrayList<>();
        for (Long key : index.keySet()) {
            long rest = key;
            StringBuilder name = new StringBuilder();
            for (int p = 0; p < parts.size(); p++) {
                int m = parts.get(p).levelCount();
                if (p > 0) {
                    name.append(':');
                }
                name.append(parts.get(p).levels().get((int) (rest % m)));
                rest /= m;
            }
            index.put(key, levels.size());
            levels.add(name.toString());
        }
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            codes[r] = index.get(keys[r]);
        }
        return new CategoricalColumn(label, codes, levels);
    }
}
