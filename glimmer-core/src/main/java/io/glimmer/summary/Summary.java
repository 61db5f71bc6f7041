package io.glimmer.summary;

import io.glimmer.correlation.CorrelationSpec;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.ImportanceSampledLikelihood;
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
        if (!fit.thresholds().isEmpty()) { // a cumulative-link model: ordinal's print instead of lme4's
            out.addAll(OrdinalSummary.lines(fit, dataName));
            out.addAll(sections);
            notes(fit, out);
            return String.join("\n", out) + "\n";
        }
        out.add(title(fit));
        if (!isLinear(fit)) {
            out.add(" Family: " + fit.family() + "  ( " + fit.link() + " )");
        }
        out.add("Formula: " + fit.formula());
        if (fit.zeroInflationFormula() != null) { // glmmTMB's line (its formula deparsed; ours as given)
            out.add("Zero inflation: " + fit.zeroInflationFormula().strip());
        }
        if (dataName != null) {
            out.add("   Data: " + dataName);
        }
        out.add("");
        if (criterion(fit, out)) {
            sampledLikelihood(fit, out);
            out.add("");
        }
        residuals(fit, out);
        randomEffects(fit, out);
        other(fit, out);
        if (!fit.fixedEffects().isEmpty()) {
            out.add("");
            out.add("Fixed effects:");
            if (fit.details() instanceof EstimatorDetails.Gee) {
                out.set(out.size() - 1, "Fixed effects (robust sandwich standard errors, as geepack):");
            }
            out.addAll(CoefficientTable.lines(fit.fixedEffects(), isLinear(fit) || fit.details() instanceof EstimatorDetails.Pql ? "t" : "z"));
            out.addAll(FixedEffectCorrelations.lines(fit.fixedEffects(), fit.fixedEffectsCovariance()));
        }
        if (!fit.zeroInflationFixedEffects().isEmpty()) { // glmmTMB's table of the ziformula's coefficients
            out.add("");
            out.add("Zero-inflation model:");
            out.addAll(CoefficientTable.lines(fit.zeroInflationFixedEffects(), "z"));
        }
        statistics(fit, out);
        out.addAll(sections);
        notes(fit, out);
        return String.join("\n", out) + "\n";
    }

    /** Estimator-specific statistics, as the matching R function prints them. */
    private static void statistics(MixedModelFit fit, List<String> out) {
        if (fit.details() instanceof EstimatorDetails.ConditionalLogistic c) { // survival's print.coxph line
            out.add("");
            out.add("Likelihood ratio test=" + RFormat.number(c.lrtChisq(), DIGITS) + "  on "
                    + c.lrtDf() + " df, p=" + PValues.format(new double[]{c.lrtPValue()}, DIGITS - 1)[0]);
        } else if (fit.details() instanceof EstimatorDetails.Gee g) {
            out.add("");
            out.add("QIC: " + RFormat.number(g.qic(), DIGITS + 2) + "   QICu: " + RFormat.number(g.qicU(), DIGITS + 2)
                    + "   QICC: " + RFormat.number(g.qicC(), DIGITS + 2));
        }
    }

    /**
     * Whether the summary reads the fit as a linear mixed model (lmer, or lme with correlated
     * residuals): t statistics, no Family line. False for a fit without {@link MixedModelFit#details()}.
     */
    public static boolean isLinear(MixedModelFit fit) {
        return fit.details() != null && fit.details().linear();
    }

    /** The title line; a fit without details (one built by hand) is titled by its method label. */
    static String title(MixedModelFit fit) {
        EstimatorDetails d = fit.details();
        String glmm = "Generalized linear mixed model fit by maximum likelihood";
        if (d instanceof EstimatorDetails.CorrelatedResiduals c) { // nlme::lme with a correlation structure
            return "Linear mixed-effects model fit by " + (c.reml() ? "REML" : "maximum likelihood")
                    + ", with correlated residuals within groups (as nlme's lme)";
        } else if (d instanceof EstimatorDetails.Lmm l && l.ddf() != null) { // lmerTest's summary
            return "Linear mixed model fit by " + (l.reml() ? "REML" : "maximum likelihood ") + ". t-tests use " + l.ddf().possessive()
                    + " method ['lmerModLmerTest']";
        } else if (d instanceof EstimatorDetails.Lmm l) {
            return l.reml() ? "Linear mixed model fit by REML ['lmerMod']"
                    : "Linear mixed model fit by maximum likelihood  ['lmerMod']";
        } else if (d instanceof EstimatorDetails.Glmm g) {
            return glmm + (g.nAGQ() > 1 ? " (Adaptive Gauss-Hermite Quadrature, nAGQ = " + g.nAGQ() + ")" : " (Laplace Approximation)")
                    + " ['glmerMod']";
        } else if (d instanceof EstimatorDetails.MonteCarlo mc) {
            String algorithm = mc.algorithm().equals("MCNR") ? "Monte Carlo Newton-Raphson" : "Monte Carlo EM";
            String sampler = mc.sampler().equals("importance") ? "" : ", " + mc.sampler() + " sampler";
            return glmm + " (" + algorithm + ": " + mc.samples() + " draws at the estimates" + sampler + ", seed " + mc.seed() + ")";
        } else if (d instanceof EstimatorDetails.Pql) {
            return "Generalized linear mixed model fit by penalized quasi-likelihood (PQL)";
        } else if (d instanceof EstimatorDetails.Nonlinear nl) {
            if (nl.laplace() && fit.nAGQ() != null && fit.nAGQ() > 1) {
                return "Nonlinear mixed model fit by maximum likelihood (adaptive Gauss-Hermite quadrature, nAGQ = " + fit.nAGQ() + ")";
            }
            return nl.laplace() ? "Nonlinear mixed model fit by maximum likelihood (Laplace approximation, as lme4's nlmer)"
                    : "Nonlinear mixed-effects model fit by " + (nl.reml() ? "REML" : "maximum likelihood") + " (as nlme's nlme, Lindstrom-Bates)";
        } else if (d instanceof EstimatorDetails.Gee) {
            return "Generalized estimating equations fit (GEE)";
        } else if (d instanceof EstimatorDetails.ConditionalLogistic) {
            return "Conditional logistic regression fit by conditional maximum likelihood";
        }
        return "Model fit by " + (fit.method() == null ? "" : fit.method());
    }

    /** The importance-sampled log-likelihood, when asked for, and how far the fit's own value lies from it. */
    private static void sampledLikelihood(MixedModelFit fit, List<String> out) {
        ImportanceSampledLikelihood is = fit.importanceSampled();
        if (is == null) {
            return;
        }
        double gap = fit.logLikelihood() - is.logLikelihood();
        out.add("logLik by importance sampling: " + RFormat.number(is.logLikelihood(), DIGITS + 3) + " (Monte Carlo s.e. "
                + RFormat.number(is.standardError(), 2) + "; " + is.samples() + " draws from the "
                + (is.proposalDf() == 0 ? "Laplace Gaussian" : "t(" + is.proposalDf() + ") around the modes")
                + ", effective sample size " + Math.round(is.effectiveSampleSize()) + ", seed " + is.seed() + ")");
        out.add("  the fit's logLik is " + RFormat.number(Math.abs(gap), 3) + (gap >= 0 ? " above" : " below") + " it ("
                + RFormat.number(Math.abs(is.standardErrorsFrom(fit.logLikelihood())), 2) + " Monte Carlo s.e.)");
    }

    /** The REML criterion, or the information-criteria table; false when neither is known. */
    private static boolean criterion(MixedModelFit fit, List<String> out) {
        if (fit.details() != null && fit.details().reml() && fit.remlCriterion() != null && Double.isFinite(fit.remlCriterion())) {
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
        double[] held = fit.scaledResidualQuantiles();
        if (r.length == 0 && held == null) {
            return;
        }
        double[] q = RFormat.zapsmall(r.length == 0 ? held : Quantiles.type7(r, 0, 0.25, 0.5, 0.75, 1), DIGITS + 1);
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
        // glmmTMB's line for a family's own parameter (nbinom2's θ, nbinom1's and beta's φ), 3 significant digits
        for (double value : fit.familyParameters().values()) {
            out.add("");
            out.add("Dispersion parameter for " + fit.family() + " family (): " + RFormat.number(value, 3));
        }
    }

    /** Parameters of GEE and residual-correlation fits. */
    private static void other(MixedModelFit fit, List<String> out) {
        if (fit.details() instanceof EstimatorDetails.Gee g) {
            if (g.alpha().size() == 1) { // exchangeable, ar1: one parameter (independence has none; unstructured's are not listed)
                out.add("Working correlation (alpha): " + RFormat.number(g.alpha().get(0), DIGITS));
            }
            out.add("Scale parameter: " + RFormat.number(g.scale(), DIGITS));
        } else if (fit.details() instanceof EstimatorDetails.CorrelatedResiduals c) {
            out.add("Residual correlation parameter: " + RFormat.number(c.phi(), DIGITS));
        } else if (fit.details() instanceof EstimatorDetails.Nonlinear nl && nl.correlation() != null) { // nlme's print of a corStruct
            CorrelationSpec spec = CorrelationSpec.parse(nl.correlation());
            out.add("Correlation Structure: " + spec.structure().title());
            out.add(" Formula: ~" + (spec.time() == null ? "1" : spec.time()) + " | " + spec.group());
            out.add(" Parameter estimate(s): " + spec.structure().parameter() + " = " + RFormat.number(nl.phi(), DIGITS));
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
