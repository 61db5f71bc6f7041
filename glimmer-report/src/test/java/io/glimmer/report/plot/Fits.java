package io.glimmer.report.plot;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;

import java.util.Map;
import java.util.Set;

/** The small fits the plot tests read, each fitted once per JVM. */
public final class Fits {
    public static final String SLEEPSTUDY = "Reaction ~ Days + (Days | Subject)";
    public static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    public static final String ORANGE = "circumference ~ Asym / (1 + exp((xmid - age) / scal))";
    public static final String WINE = "rating ~ temp + contact + (1 | judge)";
    public static final String OWLS = "SiblingNegotiation ~ FoodTreatment + offset(logBroodSize) + (1 | Nest)";

    private static MixedModelFit sleepstudy;
    private static MixedModelFit cbpp;
    private static MixedModelFit orange;
    private static MixedModelFit wine;
    private static MixedModelFit owls;

    private Fits() {
    }

    public static DataFrame data(String file, Set<String> factors) {
        return CsvReader.read(Reference.data(file), CsvOptions.builder().factors(factors).build());
    }

    /** lmer(Reaction ~ Days + (Days | Subject), sleepstudy). */
    public static synchronized MixedModelFit sleepstudy() {
        if (sleepstudy == null) {
            sleepstudy = Glimmer.fit(data("sleepstudy.csv", Set.of()), SLEEPSTUDY, FitOptions.defaults());
        }
        return sleepstudy;
    }

    /** glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), cbpp, binomial). */
    public static synchronized MixedModelFit cbpp() {
        if (cbpp == null) {
            cbpp = Glimmer.fit(data("cbpp.csv", Set.of("period", "herd")), CBPP,
                    FitOptions.builder().family("binomial").method(Method.LAPLACE).factors(Set.of("period", "herd")).build());
        }
        return cbpp;
    }

    /** nlme(circumference ~ SSlogis(age, Asym, xmid, scal), fixed = Asym + xmid + scal ~ 1, random = Asym ~ 1 | Tree, Orange, method = "ML"). */
    public static synchronized MixedModelFit orange() {
        if (orange == null) {
            orange = Glimmer.fit(data("orange.csv", Set.of()), ORANGE, FitOptions.builder().method(Method.ML)
                    .nonlinear(new FitOptions.Nonlinear(start(), "Asym ~ 1 | Tree", null, null)).build());
        }
        return orange;
    }

    /** The start values in --start's order (Map.of's order changes from run to run). */
    private static Map<String, Double> start() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("Asym", 170.0);
        m.put("xmid", 700.0);
        m.put("scal", 350.0);
        return m;
    }

    /** clmm(rating ~ temp + contact + (1 | judge), data = wine). */
    public static synchronized MixedModelFit wine() {
        if (wine == null) {
            wine = Glimmer.fit(data("wine.csv", Set.of()), WINE, FitOptions.builder().family("ordinal").build());
        }
        return wine;
    }

    /** glmmTMB(SiblingNegotiation ~ FoodTreatment + offset(logBroodSize) + (1 | Nest), ziformula = ~ FoodTreatment, family = poisson). */
    public static synchronized MixedModelFit owls() {
        if (owls == null) {
            owls = Glimmer.fit(data("owls.csv", Set.of()), OWLS, FitOptions.builder().family("poisson").zeroInflation("~ FoodTreatment").build());
        }
        return owls;
    }
}
