package io.glimmer.inference;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.reference.Reference;

import java.util.Set;

/** The small reference models the inference tests refit many times, each fitted once per JVM. */
final class Models {
    static final String SLEEPSTUDY = "Reaction ~ Days + (Days | Subject)";
    static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    private static RefittableModel sleepstudy;
    private static RefittableModel cbpp;

    private Models() {
    }

    static DataFrame data(String file, Set<String> factors) {
        return CsvReader.read(Reference.data(file), CsvOptions.builder().factors(factors).build());
    }

    /** lmer(Reaction ~ Days + (Days | Subject), sleepstudy) by REML. */
    static synchronized RefittableModel sleepstudy() {
        if (sleepstudy == null) {
            sleepstudy = io.glimmer.Glimmer.refittable(io.glimmer.Glimmer.fit(data("sleepstudy.csv", Set.of()), SLEEPSTUDY, FitOptions.defaults()));
        }
        return sleepstudy;
    }

    /** glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), cbpp, binomial). */
    static synchronized RefittableModel cbpp() {
        if (cbpp == null) {
            cbpp = io.glimmer.Glimmer.refittable(io.glimmer.Glimmer.fit(data("cbpp.csv", Set.of("period", "herd")), CBPP,
                    FitOptions.builder().family("binomial").method(Method.LAPLACE).factors(Set.of("period", "herd")).build()));
        }
        return cbpp;
    }
}
