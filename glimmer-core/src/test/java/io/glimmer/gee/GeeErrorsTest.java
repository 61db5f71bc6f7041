package io.glimmer.gee;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every user mistake is one line naming the problem (InputException: exit status 2). */
class GeeErrorsTest {
    private static final DataFrame DATA = new SimulatedClusters(3L, 20).frame();

    private static FitOptions.Builder gee() {
        return FitOptions.builder().method(Method.GEE);
    }

    private static String fails(Executable fit) {
        InputException e = assertThrows(InputException.class, fit);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(2, e.exitStatus());
        return e.getMessage();
    }

    @Test
    void missingCluster() {
        String m = fails(() -> Glimmer.fit(DATA, "y ~ x", gee().corstr("exchangeable").build()));
        assertTrue(m.contains("cluster(COLUMN)"), m);
    }

    @Test
    void unknownClusterColumnIsNamed() {
        String m = fails(() -> Glimmer.fit(DATA, "y ~ x", gee().cluster("subject").build()));
        assertTrue(m.contains("'subject'") && m.contains("columns: id, x"), m);
    }

    @Test
    void unknownCorstrListsTheChoices() {
        String m = fails(() -> Glimmer.fit(DATA, "y ~ x", gee().cluster("id").corstr("toeplitz").build()));
        assertTrue(m.contains("'toeplitz'") && m.contains("independence, exchangeable, ar1, unstructured"), m);
    }

    @Test
    void randomEffectTermsAreRefused() {
        String m = fails(() -> Glimmer.fit(DATA, "y ~ x + (1 | id)", gee().cluster("id").build()));
        assertTrue(m.startsWith("GEE fits a marginal model: remove the (1 | id) term"), m);
    }

    @Test
    void unsupportedFamilies() {
        String m = fails(() -> Glimmer.fit(DATA, "time ~ x", gee().cluster("id").family("inverse.gaussian").build()));
        assertTrue(m.contains("gaussian, binomial, poisson, Gamma") && m.contains("not inverse.gaussian"), m);
        String unknown = fails(() -> Glimmer.fit(DATA, "time ~ x", gee().cluster("id").family("tweedie").build()));
        assertTrue(unknown.contains("tweedie"), unknown);
        String link = fails(() -> Glimmer.fit(DATA, "count ~ x", gee().cluster("id").family("poisson").link("logit").build()));
        assertTrue(link.contains("logit"), link);
    }

    @Test
    void noResponse() {
        String m = fails(() -> Glimmer.fit(DATA, "~ x", gee().cluster("id").build()));
        assertTrue(m.contains("no response"), m);
    }

    @Test
    void correlationNeedsClustersOfTwoRows() {
        double[] ids = new double[DATA.rows()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        DataFrame singletons = DataFrame.of("singletons", java.util.List.of(new io.glimmer.data.NumericColumn("id", ids),
                (io.glimmer.data.NumericColumn) DATA.column("x"), (io.glimmer.data.NumericColumn) DATA.column("y")));
        String m = fails(() -> Glimmer.fit(singletons, "y ~ x", gee().cluster("id").corstr("ar1").build()));
        assertTrue(m.contains("single row"), m);
    }
}
