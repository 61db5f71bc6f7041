package io.glimmer.report.plot;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;

import java.util.Set;

/** The small fits the plot tests read, each fitted once per JVM. */
public final class Fits {
    public static final String SLEEPSTUDY = "Reaction ~ Days + (Days | Subject)";
    public static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    private static MixedModelFit sleepstudy;
    private static MixedModelFit cbpp;

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
}
