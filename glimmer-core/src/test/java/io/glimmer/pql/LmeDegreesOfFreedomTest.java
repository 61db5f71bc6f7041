package io.glimmer.pql;

import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LmeDegreesOfFreedomTest {
    private static Design design(String data, String formula) {
        return Design.of(CsvReader.read(Reference.data(data), CsvOptions.builder().build()), Formula.parse(formula), null);
    }

    /** nlme's fit$fixDF$X for bacteria: trt is between subjects (50 − 1 − 2), week2 within (220 − 50 − 1). */
    @Test
    void betweenAndWithinGroups() {
        assertArrayEquals(new int[]{169, 47, 47, 169}, LmeDegreesOfFreedom.of(design("bacteria.csv", "y ~ trt + week2 + (1 | ID)")));
    }

    /** Without an intercept nlme adds one to the inner strata only: fixDF$X of lme(y ~ 0 + trt + week2, ~1|ID) is 47 47 47 170. */
    @Test
    void withoutIntercept() {
        assertArrayEquals(new int[]{47, 47, 47, 170}, LmeDegreesOfFreedom.of(design("bacteria.csv", "y ~ 0 + trt + week2 + (1 | ID)")));
    }

    /** lme has no convention for crossed factors, so no t tests are offered. */
    @Test
    void crossedGroupingHasNone() {
        assertNull(LmeDegreesOfFreedom.of(design("penicillin.csv", "diameter ~ 1 + (1 | plate) + (1 | sample)")));
    }
}
