package io.glimmer.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.formula.Formula;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Aliased columns are dropped, later ones first, and named. */
class RankCheckTest {
    @Test
    void dropsAliasedColumnsAndNamesThem() {
        DataFrame d = DataFrameBuilder.named("t")
                .numeric("y", 1, 2, 3, 4, 5, 6, 7, 8)
                .numeric("x", 1, 2, 3, 4, 5, 6, 7, 8)
                .numeric("x2", 2, 4, 6, 8, 10, 12, 14, 16) // 2x: aliased with x
                .categorical("g", "a", "a", "b", "b", "c", "c", "d", "d")
                .build();
        Design design = Design.of(d, Formula.parse("y ~ x + x2 + (1 | g)"), null);
        assertEquals(List.of("(Intercept)", "x"), design.x().names());
        assertEquals(List.of("x2"), design.droppedColumns());
    }

    @Test
    void emptyCellsOfAnInteractionAreDropped() {
        // f = c never occurs with g = v: the column fc:gv is all zero.
        DataFrame d = DataFrameBuilder.named("t")
                .numeric("y", 1, 2, 3, 4, 5, 6, 7, 8)
                .categorical("f", "a", "b", "c", "a", "b", "a", "b", "c")
                .categorical("g", "u", "u", "u", "v", "v", "v", "v", "u")
                .categorical("h", "p", "p", "q", "q", "r", "r", "s", "s")
                .build();
        Design design = Design.of(d, Formula.parse("y ~ f * g + (1 | h)"), null);
        assertEquals(List.of("fc:gv"), design.droppedColumns());
    }

    @Test
    void warningNamesTheDroppedColumnsOnce() {
        assertEquals(java.util.Optional.empty(), RankCheck.warning(List.of()));
        assertEquals("fixed-effect model matrix is rank deficient so dropping 1 column: x2", RankCheck.warning(List.of("x2")).orElseThrow());
        assertEquals("fixed-effect model matrix is rank deficient so dropping 2 columns: x2, gB:x", RankCheck.warning(List.of("x2", "gB:x")).orElseThrow());
    }
}
