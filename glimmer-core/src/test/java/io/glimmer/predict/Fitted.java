package io.glimmer.predict;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.reference.Reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A fit of a test data set with the design it was fitted on; fitted once per JVM and shared. */
record Fitted(DataFrame data, MixedModelFit fit, Design design) {
    private static final Map<String, Fitted> CACHE = new HashMap<>();

    static final String SLEEPSTUDY = "Reaction ~ Days + (Days | Subject)";
    static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";
    static final String EPIL = "y ~ lbase * trt + lage + V4 + (1 | subject)";

    static Fitted sleepstudy() {
        return of("sleepstudy.csv", SLEEPSTUDY, FitOptions.builder().factors(Set.of("Subject")).build());
    }

    static Fitted cbpp() {
        return of("cbpp.csv", CBPP, FitOptions.builder().family("binomial").method(Method.LAPLACE).factors(Set.of("period", "herd")).build());
    }

    static Fitted epil() {
        return of("epil.csv", EPIL, FitOptions.builder().family("poisson").method(Method.LAPLACE).factors(Set.of("subject")).build());
    }

    static synchronized Fitted of(String file, String formula, FitOptions options) {
        String key = file + "|" + formula + "|" + options;
        return CACHE.computeIfAbsent(key, k -> {
            DataFrame data = read(file, options.factors());
            MixedModelFit fit = Glimmer.fit(data, formula, options);
            return new Fitted(data, fit, Design.of(data, Formula.parse(formula), options.weights()));
        });
    }

    static DataFrame read(String file, Set<String> factors) {
        return CsvReader.read(Reference.data(file), CsvOptions.builder().factors(factors).build());
    }

    SavedModel saved() {
        return SavedModel.of(fit, design);
    }
}
