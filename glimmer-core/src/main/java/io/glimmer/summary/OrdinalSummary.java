package io.glimmer.summary;

import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cumulative-link mixed model as ordinal's {@code print(summary(clmm))} prints it: title, formula
 * and data; link, threshold structure, nobs, logLik and AIC; the random effects and group sizes;
 * the coefficients with z tests; the threshold coefficients (estimate, standard error, z). clmm's
 * niter, max.grad and cond.H are left out (the optimiser's line at the end says what it did).
 */
final class OrdinalSummary {
    private OrdinalSummary() {
    }

    static List<String> lines(MixedModelFit fit, String dataName) {
        List<String> out = new ArrayList<>();
        out.add("Cumulative Link Mixed Model fitted with the " + (fit.nAGQ() != null && fit.nAGQ() > 1
                ? "adaptive Gauss-Hermite quadrature approximation with " + fit.nAGQ() + " quadrature points" : "Laplace approximation"));
        out.add("");
        out.add("formula: " + fit.formula());
        if (dataName != null) {
            out.add("data:    " + dataName);
        }
        out.add("");
        out.addAll(header(List.of("link", "threshold", "nobs", "logLik", "AIC"), List.of(fit.link(), "flexible", Integer.toString(fit.nObs()),
                RFormat.number(RFormat.round(fit.logLikelihood(), 2)), RFormat.number(RFormat.round(fit.aic(), 2)))));
        out.add("");
        out.add("Random effects:");
        out.addAll(VarianceTable.lines(fit));
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, Integer> g : fit.groups().entrySet()) {
            groups.add(g.getKey() + " " + g.getValue());
        }
        out.add("Number of groups:  " + String.join(",  ", groups) + " ");
        out.add("");
        if (!fit.fixedEffects().isEmpty()) {
            out.add("Coefficients:");
            out.addAll(CoefficientTable.lines(fit.fixedEffects(), "z"));
            out.add("");
        }
        out.add("Threshold coefficients:");
        List<FixedEffect> thresholds = new ArrayList<>();
        for (FixedEffect t : fit.thresholds()) { // printed without p-values, as ordinal prints them
            thresholds.add(new FixedEffect(t.term(), t.estimate(), t.stdError(), t.statistic(), null));
        }
        out.addAll(CoefficientTable.lines(thresholds, "z"));
        return out;
    }

    /** A one-row data frame as R prints it: columns left-justified to the wider of name and value. */
    private static List<String> header(List<String> names, List<String> values) {
        StringBuilder top = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            int width = Math.max(names.get(j).length(), values.get(j).length());
            top.append(' ').append(TextMatrix.justify(names.get(j), width, false));
            row.append(' ').append(TextMatrix.justify(values.get(j), width, false));
        }
        return List.of(top.toString(), row.toString());
    }
}
