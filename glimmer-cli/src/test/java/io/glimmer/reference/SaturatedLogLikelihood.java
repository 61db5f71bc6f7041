package io.glimmer.reference;

import io.glimmer.options.FitOptions;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;

import java.nio.file.Path;

/** Σ log p(y_i | μ_i = y_i): the log-likelihood of the saturated model, with every constant. */
final class SaturatedLogLikelihood {
    private SaturatedLogLikelihood() {
    }

    static double of(Path csv, String formula, FitOptions options) {
        DataFrame data = CsvReader.read(csv, CsvOptions.builder().factors(options.factors()).build());
        Formula f = Formula.parse(formula);
        Family family = Family.of(options.family(), options.link());
        Design design = Design.of(data, f, options.weights());
        Response response = Response.of(design.frame(), f.response(), family, options.weights());
        double s = 0;
        for (int r = 0; r < response.rows(); r++) {
            s += family.distribution().logDensity(response.y()[r], response.y()[r], response.weights()[r], 1);
        }
        return s;
    }
}
