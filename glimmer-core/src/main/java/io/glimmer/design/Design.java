package io.glimmer.design;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;
import io.glimmer.linalg.GroupedColumns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a mixed model needs from data and formula: the model frame, the fixed-effects matrix X
 * (aliased columns removed), the offset, and one {@link RandomEffectsTerm} per bar, ordered with the
 * term of most random effects first (so the first diagonal block of the factor stays block-diagonal).
 *
 * @param frame          the rows used
 * @param formula        the parsed formula
 * @param x              fixed-effects model matrix, full rank
 * @param droppedColumns names of aliased columns removed from X
 * @param offset         the sum of offset() terms, or null
 * @param randomTerms    random-effects terms, largest first
 */
public record Design(ModelFrame frame, Formula formula, ModelMatrix x, List<String> droppedColumns, double[] offset,
                     List<RandomEffectsTerm> randomTerms) {
    public Design {
        droppedColumns = List.copyOf(droppedColumns);
        randomTerms = List.copyOf(randomTerms);
    }

    public static Design of(DataFrame data, Formula formula, String weightsColumn) {
        ModelFrame frame = ModelFrame.of(data, formula, weightsColumn);
        ModelMatrix full = ModelMatrixBuilder.build(frame, formula.intercept(), formula.fixedTerms());
        int[] keep = RankCheck.independentColumns(full);
        List<String> dropped = new ArrayList<>();
        if (keep.length < full.columns()) {
            List<String> kept = new ArrayList<>();
            for (int j : keep) {
                kept.add(full.names().get(j));
            }
            for (String name : full.names()) {
                if (!kept.contains(name)) {
                    dropped.add(name);
                }
            }
        }
        ModelMatrix x = keep.length < full.columns() ? full.select(keep) : full;
        double[] offset = null;
        for (Expr e : formula.offsets()) {
            double[] o = frame.numeric(e);
            if (offset == null) {
                offset = o;
            } else {
                for (int r = 0; r < o.length; r++) {
                    offset[r] += o[r];
                }
            }
        }
        List<RandomEffectsTerm> terms = new ArrayList<>();
        for (RandomTerm rt : formula.randomTerms()) {
            terms.add(randomTerm(frame, rt));
        }
        terms.sort(Comparator.comparingInt(RandomEffectsTerm::size).reversed());
        return new Design(frame, formula, x, dropped, offset, terms);
    }

    private static RandomEffectsTerm randomTerm(ModelFrame frame, RandomTerm rt) {
        String group = rt.groupLabel();
        CategoricalColumn g = GroupingFactor.of(frame, rt.grouping(), group);
        ModelMatrix z = ModelMatrixBuilder.build(frame, rt.intercept(), rt.terms());
        if (z.columns() == 0) {
            throw new InputException("random-effects term for '" + group + "' has no effects (e.g. '(0 | " + group + ")')");
        }
        if (g.levelCount() < 2) {
            throw new InputException("grouping factor '" + group + "' has a single level (" + g.levels().get(0)
                    + ") in the rows used; a random effect needs at least two levels");
        }
        return new RandomEffectsTerm(group, z.names(), g.levels(), new GroupedColumns(g.levelCount(), z.columns(), g.codes(), z.values()));
    }

    /**
     * The design without X's intercept column, coded as with it (treatment contrasts as R codes them
     * with an intercept): an ordinal model's thresholds take the intercept's place, as in clm.
     */
    public Design withoutIntercept() {
        int at = x.names().indexOf("(Intercept)");
        if (at < 0) {
            return this;
        }
        int[] keep = new int[x.columns() - 1];
        for (int j = 0, k = 0; j < x.columns(); j++) {
            if (j != at) {
                keep[k++] = j;
            }
        }
        return new Design(frame, formula, x.select(keep), droppedColumns, offset, randomTerms);
    }

    public int rows() {
        return frame.rows();
    }

    /** Number of fixed-effect coefficients. */
    public int p() {
        return x.columns();
    }

    /** Total number of random effects. */
    public int q() {
        return randomTerms.stream().mapToInt(RandomEffectsTerm::size).sum();
    }
}
