package io.glimmer.conditional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows grouped by stratum. Only strata with both a case and a control are kept: in any other the
 * conditional probability of the observed outcomes is 1 whatever β, so they carry no information.
 *
 * @param informative row indices of each stratum with both outcomes, in order of first appearance
 * @param dropped     number of strata without both outcomes
 */
record Strata(List<int[]> informative, int dropped) {

    /**
     * @param keys stratum of each row (any value with equals/hashCode)
     * @param y    0/1 response of each row
     */
    static Strata of(Object[] keys, double[] y) {
        Map<Object, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < keys.length; r++) {
            rows.computeIfAbsent(keys[r], k -> new ArrayList<>()).add(r);
        }
        List<int[]> informative = new ArrayList<>();
        int dropped = 0;
        for (List<Integer> members : rows.values()) {
            int cases = 0;
            for (int r : members) {
                cases += y[r] == 1 ? 1 : 0;
            }
            if (cases == 0 || cases == members.size()) {
                dropped++;
            } else {
                informative.add(members.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return new Strata(List.copyOf(informative), dropped);
    }
}
