package io.glimmer.spark;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The random-effects terms in the order the core's model takes them (most columns, levels × q,
 * first; ties in the formula's order, as {@code Design} sorts), each with its grouping levels'
 * global index: what every task needs to put a row's sums in the model's places.
 *
 * @param formulaIndex per model term, its place in the formula (and in {@link RowBlock#terms})
 * @param q            per model term, its columns of Z
 * @param index        per model term, level → global index (the core's sorted order)
 */
record TermLayout(int[] formulaIndex, int[] q, List<Map<String, Integer>> index) implements Serializable {

    /** The layout from each formula term's sorted levels and Z column names. */
    static TermLayout of(List<List<String>> levels, List<List<String>> columnNames) {
        int k = levels.size();
        int[] order = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingInt((Integer t) -> levels.get(t).size() * columnNames.get(t).size()).reversed())
                .mapToInt(Integer::intValue).toArray();
        int[] q = new int[k];
        List<Map<String, Integer>> index = new ArrayList<>();
        for (int m = 0; m < k; m++) {
            List<String> lv = levels.get(order[m]);
            q[m] = columnNames.get(order[m]).size();
            Map<String, Integer> map = new HashMap<>(lv.size() * 2);
            for (int i = 0; i < lv.size(); i++) {
                map.put(lv.get(i), i);
            }
            index.add(map);
        }
        return new TermLayout(order, q, index);
    }

    int terms() {
        return q.length;
    }

    int levels(int m) {
        return index.get(m).size();
    }

    /** Model term m's level of every row of a block, as global indices. */
    int[] codes(RowBlock b, int m) {
        return b.terms[formulaIndex[m]].globalCodes(index.get(m));
    }

    /** Model term m's Z values of a block, rows × q. */
    double[] z(RowBlock b, int m) {
        return b.terms[formulaIndex[m]].z();
    }

    /** The core's terms without rows, in model order (their names, columns and sorted levels). */
    static List<RandomEffectsTerm> shapes(TermLayout layout, List<String> groups, List<List<String>> levels, List<List<String>> columnNames) {
        List<RandomEffectsTerm> out = new ArrayList<>();
        for (int m = 0; m < layout.terms(); m++) {
            int t = layout.formulaIndex()[m];
            out.add(new RandomEffectsTerm(groups.get(t), columnNames.get(t), levels.get(t),
                    new GroupedColumns(levels.get(t).size(), columnNames.get(t).size(), new int[0], new double[0])));
        }
        return out;
    }
}
