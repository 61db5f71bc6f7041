package io.glimmer.summary;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fit summarised as lme4's {@code print(summary(fit))} prints it: title, family, formula and data;
 * REML criterion or the AIC/BIC/logLik/deviance/df.resid table; quantiles of the scaled residuals;
 * the random-effects table and group sizes; the fixed-effects table and the correlation of the
 * estimates; then rows dropped, warnings and what the optimiser did. The entry point of this
 * package: {@link #render(MixedModelFit, String, List)}.
 */
public final class Summary {
    static final int DIGITS = 4;
    private static final int WIDTH = 80;

    private Summary() {
    }

    /**
     * The summary text, ending with a line break.
     *
     * @param dataName the data as the user named it (the Data line), or null to leave the line out
     */
    public static String render(MixedModelFit fit, String dataName) {
        return render(fit, dataName, List.of());
    }

    /**
     * The summary with further sections (odds ratios, intraclass correlation, marginal effects)
     * after the fixed effects and before the notes.
     *
     * @param dataName the data as the user named it (the Data line), or null to leave the line out
     * @param sections lines printed as they are after the fixed effects (each section starting with a blank line)
     */
    public static String render(MixedModelFit fit, String dataName, List<String> sections) {
        List<String> out = new ArrayList<>();
        out.add(title(fit));
        if (!isLinear(fit)) {
            out.add(" Family: " + fit.family() + "  ( " + fit.link() + " )");
        }
        out.add("Formula: " + fit.formula());
        if (dataName != null) {
            out.add("   Data: " + dataName);
        }
        out.add("");
        if (criterion(fit, out)) {
            out.add("");
        }
        residuals(fit, out);
        randomEffects(fit, out);
        other(fit, out);
        if (!fit.fixedEffects().isEmpty()) {
            out.add("");
            out.add("Fixed effects:");
            if ("GEE".equals(fit.method())) {
                out.set(out.size() - 1, "Fixed effects (robust sandwich standard errors, as geepack):");
            }
            out.addAll(CoefficientTable.lines(fit.fixedEffects(), isLinear(fit) || "PQL".equals(fit.method()) ? "t" : "z"));
            out.addAll(FixedEffectCorrelations.lines(fit.fixedEffects(), fit.fixedEffectsCovariance()));
        }
        statistics(fit, out);
        out.addAll(sections);
        notes(fit, out);
        return String.join("\n", out) + "\n";
    }

    /** Estimator-specific statistics, as the matching R function prints them. */
    private static void statistics(MixedModelFit fit, List<String> out) {
        var st = fit.statistics();
        if (st.isEmpty()) {
            return;
        }
        out.add("");
        if (st.containsKey("likelihood_ratio_chisq")) { // survival's print.coxph line
            out.add("Likelihood ratio test=" + RFormat.number(st.get("likelihood_ratio_chisq"), DIGITS) + "  on "
                    + Math.round(st.get("likelihood_ratio_df")) + " df, p=" + PValues.format(new double[]{st.get("likelihood_ratio_p_value")}, DIGITS - 1)[0]);
        } else if (st.containsKey("QIC")) {
            out.add("QIC: " + RFormat.number(st.get("QIC"), DIGITS + 2) + "   QICu: " + RFormat.number(st.get("QICu"), DIGITS + 2)
                    + "   QICC: " + RFormat.number(st.get("QICC"), DIGITS + 2));
        } else {
            st.forEach((k, v) -> out.add(k + ": " + RFormat.number(v, DIGITS)));
        }
    }

    /**
     * Whether the summary reads the fit as a linear mixed model (lmer): gaussian, identity link,
     * fitted by REML or ML (t statistics, no Family line).
     */
    public static boolean isLinear(MixedModelFit fit) {
        return "gaussian".equals(fit.family()) && (fit.link() == null || "identity".equals(fit.link()))
                && ("REML".equals(fit.method()) || "ML".equals(fit.method()));
    }

    static String title(MixedModelFit fit) {
        String method = fit.method() == null ? "" : fit.method();
        if (isLinear(fit) && fit.correlationParameter() != null) { // nlme::lme with a correlation structure
            return "Linear mixed-effects model fit by " + (method.equals("REML") ? "REML" : "maximum likelihood")
                    + ", with correlated residuals within groups (as nlme's lme)";
        }
        if (isLinear(fit)) {
            return method.equals("REML") ? "Linear mixed model fit by REML ['lmerMod']"
                    : "Linear mixed model fit by maximum likelihood  ['lmerMod']";
        }
        String glmm = "Generalized linear mixed model fit by maximum likelihood";
        return switch (method) {
            case "Laplace" -> glmm + " (Laplace Approximation) ['glmerMod']";
            case "AGQ" -> glmm + " (Adaptive Gauss-Hermite Quadrature, nAGQ = "
                    + (fit.nAGQ() == null ? "?" : fit.nAGQ()) + ") ['glmerMod']";
            case "ML", "REML" -> glmm + " ['glmerMod']";
            case "PQL" -> "Generalized linear mixed model fit by penalized quasi-likelihood (PQL)";
            case "GEE" -> "Generalized estimating equations fit (GEE)";
            case "conditional" -> "Conditional logistic regression fit by conditional maximum likelihood";
            default -> "Model fit by " + method;
        };
    }

    /** The REML criterion, or the information-criteria table; false when neither is known. */
    private static boolean criterion(MixedModelFit fit, List<String> out) {
        if ("REML".equals(fit.method()) && fit.remlCriterion() != null && Double.isFinite(fit.remlCriterion())) {
            out.add("REML criterion at convergence: " + RFormat.number(RFormat.round(fit.remlCriterion(), 1)));
            return true;
        }
        if (!Double.isFinite(fit.logLikelihood())) {
            return false;
        }
        double[] values = RFormat.round(new double[]{fit.aic(), fit.bic(), fit.logLikelihood(), fit.deviance()}, 1);
        List<String> cells = new ArrayList<>(List.of(RFormat.format(values, 7)));
        cells.add(Integer.toString(fit.nObs() - fit.df()));
        out.addAll(TextMatrix.namedVector(List.of("AIC", "BIC", "logLik", "deviance", "df.resid"), cells, WIDTH));
        return true;
    }

    private static void residuals(MixedModelFit fit, List<String> out) {
        double[] r = fit.scaledResiduals();
        if (r.length == 0) {
            return;
        }
        double[] q = RFormat.zapsmall(Quantiles.type7(r, 0, 0.25, 0.5, 0.75, 1), DIGITS + 1);
        out.add("Scaled residuals: ");
        out.addAll(TextMatrix.namedVector(List.of("Min", "1Q", "Median", "3Q", "Max"), List.of(RFormat.format(q, DIGITS)), WIDTH));
        out.add("");
    }

    private static void randomEffects(MixedModelFit fit, List<String> out) {
        if (!fit.randomEffects().isEmpty() || fit.residualStdDev() != null) {
            out.add("Random effects:");
            out.addAll(VarianceTable.lines(fit));
        }
        StringBuilder obs = new StringBuilder("Number of obs: ").append(fit.nObs());
        if (!fit.groups().isEmpty()) {
            List<String> groups = new ArrayList<>();
            for (Map.Entry<String, Integer> g : fit.groups().entrySet()) {
                groups.add(g.getKey() + ", " + g.getValue());
            }
            obs.append(", groups:  ").append(String.join("; ", groups));
        }
        out.add(obs.toString());
    }

    /** Parameters of GEE and residual-correlation fits. */
    private static void other(MixedModelFit fit, List<String> out) {
        if (fit.correlationAlpha() != null) {
            out.add("Working correlation (alpha): " + RFormat.number(fit.correlationAlpha(), DIGITS));
        }
        if (fit.scale() != null) {
            out.add("Scale parameter: " + RFormat.number(fit.scale(), DIGITS));
        }
        if (fit.correlationParameter() != null) {
            out.add("Residual correlation parameter: " + RFormat.number(fit.correlationParameter(), DIGITS));
        }
    }

    private static void notes(MixedModelFit fit, List<String> out) {
        if (fit.nDropped() > 0) {
            out.add(fit.nDropped() + (fit.nDropped() == 1 ? " row" : " rows") + " dropped for missing values");
        }
        for (String w : fit.warnings()) {
            out.add("Warning: " + oneLine(w));
        }
        if (!fit.converged() && fit.warnings().isEmpty()) {
            out.add("Warning: the optimizer did not report convergence");
        }
        OptimizerSummary o = fit.optimizer();
        if (o != null) {
            out.add("optimizer (" + o.name() + ") convergence: " + (o.converged() ? "" : "failed after ")
                    + o.evaluations() + " evaluations");
        }
    }

    /** A message on one line, whatever a library or file name put in it. */
    private static String oneLine(String message) {
        return message == null || message.isBlank() ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
