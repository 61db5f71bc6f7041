package io.glimmer.report.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ConfidenceIntervals;
import io.glimmer.inference.ParametricBootstrap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The data of --interval's plots: profile zeta against lme4's profile, bootstrap densities against the bootstrap's replicates. */
class IntervalPlotDataTest {
    /**
     * lme4's zeta comes from its interpolating spline of the profile and its 99% bounds from that
     * spline too; both optimisers stop at their own tolerances. Grid points within 0.2% of the
     * grid's width, zeta within 0.005 (measured: at most 0.0017, cbpp period4 near zero).
     */
    private static final double VALUE_TOLERANCE = 2e-3;
    private static final double ZETA_TOLERANCE = 0.005;

    @ParameterizedTest
    @ValueSource(strings = {"cbpp", "sleepstudy"})
    void profileZetaIsLme4sOnTheSameGrid(String model) throws IOException {
        MixedModelFit fit = model.equals("cbpp") ? Fits.cbpp() : Fits.sleepstudy();
        JsonNode ref = reference().get(model);
        List<ProfileZeta> plots = ProfileZeta.all(PlotSource.of(fit));
        List<String> names = new ArrayList<>();
        ref.fieldNames().forEachRemaining(names::add);
        assertEquals(names, plots.stream().map(ProfileZeta::parameter).toList());
        for (ProfileZeta p : plots) {
            JsonNode r = ref.get(p.parameter());
            double[] values = numbers(r.get("values"));
            double[] zeta = numbers(r.get("zeta"));
            double width = values[values.length - 1] - values[0];
            assertEquals(ProfileZeta.POINTS, p.values().length);
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], p.values()[i], VALUE_TOLERANCE * width, p.parameter() + " grid point " + i);
                assertEquals(zeta[i], p.zeta()[i], ZETA_TOLERANCE, p.parameter() + " zeta at point " + i);
            }
            assertEquals(r.get("lower95").asDouble(), p.lower95(), VALUE_TOLERANCE * width, p.parameter());
            assertEquals(r.get("upper95").asDouble(), p.upper95(), VALUE_TOLERANCE * width, p.parameter());
        }
    }

    @Test
    void bootstrapDensitiesAreTheReplicatesDensities() {
        PlotSource source = PlotSource.of(Fits.sleepstudy());
        int nsim = 40;
        long seed = 11;
        BootstrapDensities b = BootstrapDensities.of(source, nsim, seed);
        // the same replicates as the bootstrap on one thread (its replicates do not depend on the threads)
        BootstrapDistribution boot = ParametricBootstrap.run(source.model().refittable(source.fit()), nsim, seed, 1, null);
        ConfidenceIntervals ci = boot.percentileIntervals(0.95);
        assertEquals(boot.parameters().size(), b.parameters().size());
        assertEquals(nsim, b.nsim());
        for (int j = 0; j < boot.parameters().size(); j++) {
            BootstrapDensities.Parameter p = b.parameters().get(j);
            assertEquals(boot.parameters().get(j), p.name());
            assertEquals(boot.estimates()[j], p.estimate(), 0);
            assertEquals(ci.intervals().get(j).lower(), p.lower95(), 0);
            assertEquals(ci.intervals().get(j).upper(), p.upper95(), 0);
            Density expected = Density.gaussianKernel(boot.column(j), BootstrapDensities.GRID);
            assertNotNull(p.density());
            assertArrayEquals(expected.x(), p.density().x(), 0);
            assertArrayEquals(expected.y(), p.density().y(), 0);
            double[] x = p.density().x();
            double[] y = p.density().y();
            double area = 0;
            for (int i = 1; i < x.length; i++) {
                area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
            }
            assertEquals(1, area, 0.01, p.name()); // the grid reaches 3 bandwidths past the extremes
        }
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = IntervalPlotDataTest.class.getResourceAsStream("/reference/profile_zeta_lme4.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] numbers(JsonNode a) {
        double[] v = new double[a.size()];
        Iterator<JsonNode> it = a.elements();
        for (int i = 0; it.hasNext(); i++) {
            v[i] = it.next().asDouble();
        }
        return v;
    }
}
