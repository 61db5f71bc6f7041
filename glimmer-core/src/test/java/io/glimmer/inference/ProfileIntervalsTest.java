package io.glimmer.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against lme4 1.1-31's confint(fit, oldNames = FALSE), profile intervals. */
class ProfileIntervalsTest {
    /** The requirement: every limit within 0.1% of its interval's width of lme4's. */
    private static final double OF_WIDTH = 1e-3;

    private static ProfileIntervals sleepstudy;
    private static ConfidenceIntervals sleepstudy95;

    /** lmer(Reaction ~ Days + (Days | Subject), sleepstudy) by REML, profiled once per JVM. */
    private static synchronized ProfileIntervals sleepstudy() {
        if (sleepstudy == null) {
            sleepstudy = io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("sleepstudy.csv", Set.of()), Models.SLEEPSTUDY, FitOptions.defaults()));
            sleepstudy95 = sleepstudy.intervals(0.95);
        }
        return sleepstudy;
    }

    @Test
    void sleepstudyMatchesLme4() {
        sleepstudy();
        matches(Reference.load("sleepstudy_reml").list("profile_ci_95"), sleepstudy95);
    }

    @Test
    void dyestuffMatchesLme4() {
        Reference ref = Reference.load("dyestuff_reml");
        ProfileIntervals p = io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("dyestuff.csv", ref.factors()), ref.formula(), FitOptions.defaults()));
        matches(ref.list("profile_ci_95"), p.intervals(0.95));
    }

    /** A singular fit (the batch variance estimated as 0): the lower limit of its sd is the boundary. */
    @Test
    void singularFitHasLowerLimitZero() {
        ConfidenceIntervals ci = io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("dyestuff2.csv", Set.of()), "Yield ~ 1 + (1 | Batch)",
                FitOptions.defaults())).intervals(0.95);
        assertEquals(0.0, ci.get("sd_(Intercept)|Batch").lower());
        matches(ci, "sd_(Intercept)|Batch", 0, 2.08404348901);
        matches(ci, "sigma", 2.89283102010, 4.81583255245);
        matches(ci, "(Intercept)", 4.31210021674, 7.01909234684);
    }

    @Test
    void lowerLevelIsNarrowerAndMatchesLme4() {
        ConfidenceIntervals ci90 = sleepstudy().intervals(0.90);
        ConfidenceIntervals ci95 = sleepstudy95;
        for (int i = 0; i < ci90.intervals().size(); i++) {
            ConfidenceInterval a = ci90.intervals().get(i);
            ConfidenceInterval b = ci95.intervals().get(i);
            assertTrue(a.lower() > b.lower() && a.upper() < b.upper(), a.parameter());
        }
        matches(ci90, "sd_(Intercept)|Subject", 15.757286793559, 34.960149024334);
        matches(ci90, "cor_Days.(Intercept)|Subject", -0.405084109068, 0.595494106774);
        matches(ci90, "sd_Days|Subject", 4.065899351241, 8.145330386943);
        matches(ci90, "sigma", 23.298326947122, 28.287832274026);
        matches(ci90, "Days", 7.900507999369, 13.034063821327);
    }

    @Test
    void zetaIsZeroAtTheEstimateAndIncreasing() {
        ProfileIntervals p = sleepstudy();
        for (String name : p.parameters()) {
            double x = p.estimate(name);
            assertEquals(0, p.zeta(name, x), 1e-3, name);
            double h = 0.01 * Math.max(Math.abs(x), 0.1);
            assertTrue(p.zeta(name, x + h) > 0 && p.zeta(name, x - h) < 0, name);
        }
    }

    /** Uncorrelated effects of one grouping factor: two sd's, no correlation. */
    @Test
    void uncorrelatedTermsMatchLme4() {
        ConfidenceIntervals ci = io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("sleepstudy.csv", Set.of()), "Reaction ~ Days + (Days || Subject)",
                FitOptions.defaults())).intervals(0.95);
        assertEquals(List.of("sd_(Intercept)|Subject", "sd_Days|Subject", "sigma", "(Intercept)", "Days"),
                ci.intervals().stream().map(ConfidenceInterval::parameter).toList());
        matches(ci, "sd_(Intercept)|Subject", 15.25864667770, 37.7864709004);
        matches(ci, "sd_Days|Subject", 3.96407385584, 8.7691591620);
        matches(ci, "sigma", 22.88055464833, 28.7875975946);
    }

    @Test
    void binomialGlmmMatchesLme4() {
        ConfidenceIntervals ci = io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("cbpp.csv", Set.of("period", "herd")), Models.CBPP,
                FitOptions.builder().family("binomial").method(Method.LAPLACE).factors(Set.of("period", "herd")).build())).intervals(0.95);
        matches(ci, "sd_(Intercept)|herd", 0.346073203325, 1.099974648238);
        matches(ci, "(Intercept)", -1.901211954871, -0.947754005963);
        matches(ci, "period2", -1.616783255654, -0.407763067760);
        matches(ci, "period3", -1.801024365627, -0.511536071275);
        matches(ci, "period4", -2.500750563008, -0.800755315285);
    }

    /**
     * Whether each sleepstudy reaction is above 300 ms, with a random slope whose variance the data
     * hardly support: at sd_Days = 0 the deviance is 3.19 above the optimum whatever the
     * correlation (the 2-df LRT of the slope), below 1.96², so the correlation's interval is all of
     * [−1, 1]. lme4 1.1-31 reports [−0.917, 1]: its refits stay in a local minimum with sd_Days > 0.
     */
    @Test
    void correlationIsUnboundedWhenItsVarianceCanVanish() {
        DataFrame sleep = Models.data("sleepstudy.csv", Set.of());
        double[] reaction = ((NumericColumn) sleep.column("Reaction")).values();
        double[] slow = new double[reaction.length];
        for (int r = 0; r < reaction.length; r++) {
            slow[r] = reaction[r] > 300 ? 1 : 0;
        }
        DataFrame data = DataFrame.of("slow", List.of(new NumericColumn("slow", slow), sleep.column("Days"), sleep.column("Subject")));
        ConfidenceIntervals ci = io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(data, "slow ~ Days + (Days | Subject)",
                FitOptions.builder().family("binomial").build())).intervals(0.95);
        assertEquals(-1.0, ci.get("cor_Days.(Intercept)|Subject").lower());
        assertEquals(1.0, ci.get("cor_Days.(Intercept)|Subject").upper());
        assertEquals(0.0, ci.get("sd_Days|Subject").lower());
        matches(ci, "sd_Days|Subject", 0, 0.81487312);
        matches(ci, "sd_(Intercept)|Subject", 0.38103213, 4.54869795);
        matches(ci, "(Intercept)", -5.97655010, -2.10419268);
        matches(ci, "Days", 0.39604846, 1.09420841);
    }

    @Test
    void dispersionFamiliesAndOtherMethodsAreRefused() {
        assertThrows(InputException.class, () -> io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("sleepstudy.csv", Set.of()), Models.SLEEPSTUDY,
                FitOptions.builder().family("Gamma").link("log").method(Method.LAPLACE).build())));
        assertThrows(InputException.class, () -> io.glimmer.Glimmer.profiles(io.glimmer.Glimmer.fit(Models.data("sleepstudy.csv", Set.of()), Models.SLEEPSTUDY,
                FitOptions.builder().method(Method.PQL).build())));
    }

    private static void matches(List<JsonNode> expected, ConfidenceIntervals ci) {
        assertEquals(expected.size(), ci.intervals().size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            String name = e.get("parameter").asText();
            assertEquals(name, ci.intervals().get(i).parameter());
            matches(ci, name, e.get("lower").asDouble(), e.get("upper").asDouble());
        }
    }

    private static void matches(ConfidenceIntervals ci, String parameter, double lower, double upper) {
        ConfidenceInterval got = ci.get(parameter);
        double tol = OF_WIDTH * (upper - lower);
        assertEquals(lower, got.lower(), tol, parameter + " lower");
        assertEquals(upper, got.upper(), tol, parameter + " upper");
    }
}
