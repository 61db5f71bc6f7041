package io.glimmer.gee;

import io.glimmer.fit.EstimatorDetails;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the JSON references do not hold: model-based SEs, QIC, all unstructured correlations.
 * Expected values from geepack 1.3.9 iterated to convergence:
 * {@code geeglm(resp ~ age + smoke, id = id, data = ohio, family = binomial, corstr = CS,
 * control = geese.control(epsilon = 1e-10, maxit = 100))}, then {@code sqrt(diag(fit$geese$vbeta.naiv))}
 * and {@code QIC(fit)}.
 */
class OhioGeepackValuesTest {
    private static DataFrame ohio;

    @BeforeAll
    static void read() {
        ohio = CsvReader.read(Reference.data("ohio.csv"), CsvOptions.builder().build());
    }

    private static GeeFit fit(String corstr) {
        return GeeFits.of(ohio, "resp ~ age + smoke",
                FitOptions.builder().method(Method.GEE).family("binomial").cluster("id").corstr(corstr).build());
    }

    private static void close(double[] expected, double[] actual, double relative) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * Math.abs(expected[i]), "element " + i);
        }
    }

    @Test
    void exchangeable() {
        GeeFit g = fit("exchangeable");
        close(new double[]{-1.880425286135, -0.113384996708, 0.265075740618},
                g.fit().fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray(), 1e-7);
        close(new double[]{0.11389271346, 0.04385528958, 0.17774655115}, g.robustStandardErrors(), 1e-7);
        close(new double[]{0.11477153956, 0.04350548858, 0.17689819082}, g.naiveStandardErrors(), 1e-7);
        close(new double[]{0.3543049158}, g.alpha(), 1e-7);
        assertEquals(0.9984646059, g.scale(), 1e-8);
        assertEquals(1829.482937102, g.qic().qic(), 1e-6);
        assertEquals(1825.892655228, g.qic().qicU(), 1e-6);
        assertEquals(-909.946327614, g.qic().quasiLikelihood(), 1e-6);
        assertEquals(4.795140937, g.qic().penalty(), 1e-7);
        assertEquals(1829.558125072, g.qic().qicC(), 1e-6);
        assertEquals(List.of("alpha"), g.alphaNames());
        assertEquals(537, g.clusterCount());
        assertEquals(4, g.maxClusterSize());
    }

    @Test
    void ar1() {
        GeeFit g = fit("ar1");
        close(new double[]{0.1162231613, 0.0546045663, 0.1775787783}, g.naiveStandardErrors(), 1e-7);
        close(new double[]{0.4910089758}, g.alpha(), 1e-7);
        assertEquals(1.020712775, g.scale(), 1e-8);
        assertEquals(1830.255558701, g.qic().qic(), 1e-6);
    }

    @Test
    void unstructuredGivesEveryPairItsCorrelation() {
        GeeFit g = fit("unstructured");
        close(new double[]{-1.888563769709, -0.114897213932, 0.253487906723},
                g.fit().fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray(), 1e-7);
        close(new double[]{0.11396000962, 0.04423842903, 0.17818429031}, g.robustStandardErrors(), 1e-7);
        close(new double[]{0.11581588560, 0.04604791065, 0.17792288850}, g.naiveStandardErrors(), 1e-7);
        close(new double[]{0.3504378159, 0.3083144317, 0.3029799302, 0.4695527028, 0.3185428841, 0.3763820108}, g.alpha(), 1e-7);
        assertEquals(List.of("alpha.1:2", "alpha.1:3", "alpha.1:4", "alpha.2:3", "alpha.2:4", "alpha.3:4"), g.alphaNames());
        assertEquals(1.006363825, g.scale(), 1e-8);
        assertNull(g.fit().details(EstimatorDetails.Gee.class).singleAlpha(), "one number cannot stand for six correlations");
        assertEquals(1829.596884566, g.qic().qic(), 1e-6);
        assertEquals(1829.938440543, g.qic().qicC(), 1e-6);
    }

    @Test
    void independence() {
        GeeFit g = fit("independence");
        close(new double[]{-1.883734728929, -0.113412766653, 0.272138564525},
                g.fit().fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray(), 1e-9);
        close(new double[]{0.11424020183, 0.04387766721, 0.17798184526}, g.robustStandardErrors(), 1e-8);
        close(new double[]{0.08380731618, 0.05405892947, 0.12342037082}, g.naiveStandardErrors(), 1e-8);
        assertArrayEquals(new double[0], g.alpha());
        assertEquals(0.9991455282, g.scale(), 1e-9);
        assertNull(g.fit().details(EstimatorDetails.Gee.class).singleAlpha());
        assertEquals(1829.493000369, g.qic().qic(), 1e-6);
        assertEquals(CorrelationStructure.INDEPENDENCE, g.correlationStructure());
    }

    @Test
    void noCorstrMeansIndependenceAsInGeeglm() {
        GeeFit g = GeeFits.of(ohio, "resp ~ age + smoke",
                FitOptions.builder().method(Method.GEE).family("binomial").cluster("id").build());
        assertEquals(CorrelationStructure.INDEPENDENCE, g.correlationStructure());
    }
}
