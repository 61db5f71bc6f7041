package io.glimmer.correlation;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.design.RandomEffectsTerm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of R: the model's rows split by the correlation's grouping column, each with its
 * times. Checks what nlme checks: distinct times within a group, integer times for AR(1), and
 * groups nested in every random-effects grouping factor (so that whitening a group's rows keeps
 * each row in a single level of every term).
 */
final class ResidualGroups {
    private final int[][] rows;
    private final double[][] times;
    private final String[] names;
    private final int[] modelRows;
    private final int[] dataRows;

    private ResidualGroups(int[][] rows, double[][] times, String[] names, int[] modelRows, int[] dataRows) {
        this.rows = rows;
        this.times = times;
        this.names = names;
        this.modelRows = modelRows;
        this.dataRows = dataRows;
    }

    /**
     * @param data      the data the model frame was built from
     * @param modelRows the model frame's rows in {@code data}
     * @param dataRows  for each row of {@code data}, its 0-based row in the user's file (for messages)
     */
    static ResidualGroups of(CorrelationSpec spec, DataFrame data, int[] modelRows, int[] dataRows) {
        Column g = data.column(spec.group());
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < modelRows.length; i++) {
            members.computeIfAbsent(levelName(g, modelRows[i]), k -> new ArrayList<>()).add(i);
        }
        NumericColumn t = null;
        if (spec.time() != null) {
            Column c = data.column(spec.time());
            if (!(c instanceof NumericColumn num)) {
                throw spec.errorAt(spec.timeAt(), "the time '" + spec.time() + "' is categorical; a time must be numeric");
            }
            t = num;
        }
        int k = members.size();
        int[][] rows = new int[k][];
        double[][] times = new double[k][];
        String[] names = members.keySet().toArray(new String[0]);
        int largest = 0;
        for (int j = 0; j < k; j++) {
            List<Integer> m = members.get(names[j]);
            rows[j] = m.stream().mapToInt(Integer::intValue).toArray();
            times[j] = new double[rows[j].length];
            for (int a = 0; a < rows[j].length; a++) {
                times[j][a] = t == null ? a + 1 : t.get(modelRows[rows[j][a]]);
            }
            largest = Math.max(largest, rows[j].length);
        }
        if (largest < 2) {
            throw new InputException("{--correlation '" + spec.text() + "'}: every group of '" + spec.group()
                    + "' has a single row, so there is no within-group correlation to estimate");
        }
        return new ResidualGroups(rows, times, names, modelRows, dataRows);
    }

    private static String levelName(Column c, int row) {
        if (c instanceof CategoricalColumn cat) {
            return cat.level(row);
        }
        return format(((NumericColumn) c).get(row));
    }

    /** Times distinct within each group (else R is singular), and integers for AR(1), as nlme requires. */
    void checkTimes(CorrelationSpec spec) {
        if (spec.time() == null) {
            return;
        }
        for (int j = 0; j < rows.length; j++) {
            double[] t = times[j];
            for (int a = 0; a < t.length; a++) {
                if (spec.structure() == CorrelationSpec.Structure.AR1 && t[a] != Math.rint(t[a])) {
                    throw spec.errorAt(spec.timeAt(), "ar1 needs integer times, but '" + spec.time() + "' is " + t[a]
                            + " in row " + fileRow(j, a) + " (group " + names[j]
                            + "); use exp(" + spec.time() + " | " + spec.group() + ") for a continuous time");
                }
            }
            Integer[] order = new Integer[t.length];
            for (int a = 0; a < t.length; a++) {
                order[a] = a;
            }
            Arrays.sort(order, (x, y) -> Double.compare(t[x], t[y]));
            for (int a = 1; a < t.length; a++) {
                if (t[order[a]] == t[order[a - 1]]) {
                    throw spec.errorAt(spec.timeAt(), "'" + spec.time() + "' is " + format(t[order[a]]) + " twice in group "
                            + names[j] + " of '" + spec.group() + "' (rows " + fileRow(j, Math.min(order[a], order[a - 1]))
                            + " and " + fileRow(j, Math.max(order[a], order[a - 1]))
                            + "); times must be distinct within a group");
                }
            }
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** 1-based row of the user's file (not counting the header), as the model frame's messages. */
    private int fileRow(int group, int member) {
        return dataRows[modelRows[rows[group][member]]] + 1;
    }

    /**
     * The correlation groups must lie within the levels of every random-effects term (nlme's
     * "incompatible formulas for groups"): otherwise whitening would mix levels.
     */
    void checkNested(CorrelationSpec spec, List<RandomEffectsTerm> terms) {
        for (RandomEffectsTerm term : terms) {
            int[] codes = term.columns().codes();
            for (int j = 0; j < rows.length; j++) {
                int first = codes[rows[j][0]];
                for (int r : rows[j]) {
                    if (codes[r] != first) {
                        throw new InputException("{--correlation '" + spec.text() + "'}: group " + names[j] + " of '" + spec.group()
                                + "' has rows in levels " + term.levels().get(first) + " and " + term.levels().get(codes[r])
                                + " of the random-effects factor '" + term.group() + "'; the correlation groups must be nested"
                                + " in every random-effects grouping factor (as nlme requires)");
                    }
                }
            }
        }
    }

    int count() {
        return rows.length;
    }

    /** The model-frame rows of group j, in data order. */
    int[] rows(int j) {
        return rows[j];
    }

    double[] times(int j) {
        return times[j];
    }

    int largest() {
        int m = 0;
        for (int[] r : rows) {
            m = Math.max(m, r.length);
        }
        return m;
    }

    /** The smallest positive and the largest distance between two times of one group. */
    double[] lagRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] t : times) {
            double[] s = t.clone();
            Arrays.sort(s);
            for (int a = 1; a < s.length; a++) {
                lo = Math.min(lo, s[a] - s[a - 1]);
            }
            if (s.length > 1) {
                hi = Math.max(hi, s[s.length - 1] - s[0]);
            }
        }
        return new double[]{lo, hi};
    }

    /** The structure with its data-dependent scaling (bounds and starts). */
    ResidualCorrelation structure(CorrelationSpec.Structure s) {
        return switch (s) {
            case AR1 -> new Ar1Correlation();
            case EXP -> {
                double[] lags = lagRange();
                yield new ExponentialCorrelation(lags[0], lags[1]);
            }
            case CS -> new CompoundSymmetry(largest());
        };
    }
}
