package io.glimmer.design;

import io.glimmer.linalg.GroupedColumns;

import java.util.List;

/**
 * One random-effects term {@code (lhs | group)}: q effects per level of the grouping factor.
 *
 * @param group      the grouping factor's name as in the formula ("Subject", "batch:cask")
 * @param termNames  names of the q effects ("(Intercept)", "Days")
 * @param levels     level names of the grouping factor (interaction levels joined by ':')
 * @param columns    level codes and values of the term's model matrix
 */
public record RandomEffectsTerm(String group, List<String> termNames, List<String> levels, GroupedColumns columns) {
    public RandomEffectsTerm {
        termNames = List.copyOf(termNames);
        levels = List.copyOf(levels);
    }

    public int q() {
        return termNames.size();
    }

    public int levelCount() {
        return levels.size();
    }

    /** Number of random effects: levels × q. */
    public int size() {
        return levels.size() * termNames.size();
    }

    /** Number of covariance parameters θ: the lower triangle of a q × q factor. */
    public int thetaCount() {
        int q = q();
        return q * (q + 1) / 2;
    }
}
