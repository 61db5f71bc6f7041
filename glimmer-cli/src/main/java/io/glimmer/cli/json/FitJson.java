package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.cli.common.VersionProvider;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import static io.glimmer.cli.json.Json.NODES;
import static io.glimmer.cli.json.Json.number;

/**
 * A fit as the JSON object of the command-line contract (shared/CONTRACT.md): the names and shape
 * are fixed there. Values that do not apply, and numbers that are not finite, are null.
 */
public final class FitJson {
    private FitJson() {
    }

    /** The fit as a JSON object with exactly the contract's names. */
    public static ObjectNode toJson(MixedModelFit fit) {
        return toJson(fit, false);
    }

    /**
     * {@link #toJson(MixedModelFit)} with the tables of one entry per level left out of the tree: they are written
     * straight from the fit, in their place, when the object is written ({@link #write(ObjectNode, Writer)}), so a
     * large fit's tables are never held as nodes. The same text; for writing only (the tables cannot be navigated).
     */
    public static ObjectNode toStreamedJson(MixedModelFit fit) {
        return toJson(fit, true);
    }

    private static ObjectNode toJson(MixedModelFit fit, boolean streamed) {
        ObjectNode o = NODES.objectNode();
        o.put("formula", fit.formula());
        o.put("family", fit.family());
        o.put("link", fit.link());
        o.put("method", fit.method());
        o.put("nAGQ", fit.nAGQ());
        o.put("n_obs", fit.nObs());
        o.put("n_dropped", fit.nDropped());
        ObjectNode groups = o.putObject("groups");
        for (Map.Entry<String, Integer> g : fit.groups().entrySet()) {
            groups.put(g.getKey(), g.getValue());
        }
        o.put("converged", fit.converged());
        o.put("singular", fit.singular());
        ArrayNode warnings = o.putArray("warnings");
        fit.warnings().forEach(warnings::add);
        number(o, "log_likelihood", fit.logLikelihood());
        if (fit.importanceSampled() != null) {
            number(o, "log_likelihood_is", fit.importanceSampled().logLikelihood());
            number(o, "log_likelihood_is_se", fit.importanceSampled().standardError());
            number(o, "log_likelihood_is_ess", fit.importanceSampled().effectiveSampleSize());
            o.put("log_likelihood_is_samples", fit.importanceSampled().samples());
            o.put("seed", fit.importanceSampled().seed());
        }
        if (fit.details() instanceof EstimatorDetails.MonteCarlo mc) {
            o.put("seed", mc.seed());
            o.put("mc_samples", mc.samples());
            o.put("mc_iterations", mc.iterations());
            o.put("mc_sampler", mc.sampler());
            double[] se = mc.monteCarloStandardErrors();
            if (se != null) { // θ in lme4's order, then the fixed effects by name
                ObjectNode errors = o.putObject("mc_standard_errors");
                int t = se.length - fit.fixedEffects().size();
                com.fasterxml.jackson.databind.node.ArrayNode theta = errors.putArray("theta");
                for (int i = 0; i < t; i++) {
                    theta.add(se[i]);
                }
                ObjectNode fixed = errors.putObject("fixed_effects");
                for (int j = 0; j < fit.fixedEffects().size(); j++) {
                    fixed.put(fit.fixedEffects().get(j).term(), se[t + j]);
                }
            }
        }
        o.put("df", fit.df());
        number(o, "deviance", fit.deviance());
        number(o, "aic", fit.aic());
        number(o, "bic", fit.bic());
        number(o, "reml_criterion", fit.remlCriterion());
        number(o, "residual_std_dev", fit.residualStdDev());
        if (!fit.familyParameters().isEmpty()) { // nbinom2's theta, nbinom1's and beta's phi, on their natural scale
            ObjectNode fp = o.putObject("family_parameters");
            fit.familyParameters().forEach((k, v) -> number(fp, k, v));
            ObjectNode se = o.putObject("family_parameters_std_error");
            fit.familyParameterStdErrors().forEach((k, v) -> number(se, k, v));
        }
        coefficients(o.putArray("fixed_effects"), fit.fixedEffects());
        if (!fit.thresholds().isEmpty()) { // an ordinal model's thresholds "1|2", "2|3", ..., in the layout of fixed_effects
            coefficients(o.putArray("thresholds"), fit.thresholds());
        }
        if (!fit.zeroInflationFixedEffects().isEmpty()) { // --zi: glmmTMB's zero-inflation model, in the same layout
            o.put("zero_inflation_formula", fit.zeroInflationFormula());
            coefficients(o.putArray("zero_inflation_fixed_effects"), fit.zeroInflationFixedEffects());
            matrix(o, "zero_inflation_vcov", fit.zeroInflationCovariance());
        }
        ArrayNode random = o.putArray("random_effects");
        for (VarianceComponent v : fit.randomEffects()) {
            ObjectNode e = random.addObject();
            e.put("group", v.group());
            e.put("term", v.term());
            number(e, "variance", v.variance());
            number(e, "std_dev", v.stdDev());
        }
        ArrayNode correlations = o.putArray("random_effect_correlations");
        for (RandomEffectCorrelation c : fit.correlations()) {
            ObjectNode e = correlations.addObject();
            e.put("group", c.group());
            e.put("term1", c.term1());
            e.put("term2", c.term2());
            number(e, "correlation", c.correlation());
        }
        o.set("conditional_modes", table(streamed, g -> LevelTables.modes(fit, g)));
        if (fit.conditionalModes().stream().anyMatch(ConditionalModes::hasConditionalVariances)) {
            o.set("conditional_variances", table(streamed, g -> LevelTables.covariances(fit, g)));
            o.set("conditional_intervals", table(streamed, g -> LevelTables.intervals(fit, g)));
        }
        EstimatorDetails details = fit.details();
        if (details != null && !details.statistics().isEmpty()) {
            ObjectNode st = o.putObject("statistics");
            details.statistics().forEach((k, v) -> number(st, k, v));
        }
        // present (null) in every fit's JSON, as they always were
        EstimatorDetails.Gee gee = details instanceof EstimatorDetails.Gee g ? g : null;
        number(o, "correlation_alpha", gee == null ? null : gee.singleAlpha());
        number(o, "scale", gee == null ? null : gee.scale());
        number(o, "correlation_parameter", details instanceof EstimatorDetails.CorrelatedResiduals c ? Double.valueOf(c.phi())
                : details instanceof EstimatorDetails.Nonlinear nl ? nl.phi() : null);
        OptimizerSummary opt = fit.optimizer();
        if (opt == null) {
            o.putNull("optimizer");
        } else {
            ObjectNode e = o.putObject("optimizer");
            e.put("name", opt.name());
            e.put("evaluations", opt.evaluations());
        }
        number(o, "fit_seconds", fit.fitSeconds());
        double[] theta = fit.theta();
        if (theta.length == 0) { // GEE, conditional logit: no random effects, no θ
            o.putNull("theta");
        } else {
            Json.numbers(o.putArray("theta"), theta);
        }
        matrix(o, "vcov", fit.fixedEffectsCovariance());
        o.put("glimmer_version", VersionProvider.version());
        return o;
    }

    /** A coefficient table: term, estimate, std_error, statistic, [df,] p_value per row. */
    private static void coefficients(ArrayNode table, List<FixedEffect> rows) {
        for (FixedEffect f : rows) {
            ObjectNode e = table.addObject();
            e.put("term", f.term());
            number(e, "estimate", f.estimate());
            number(e, "std_error", f.stdError());
            number(e, "statistic", f.statistic());
            if (f.df() != null) { // --ddf: Satterthwaite's or Kenward-Roger's denominator degrees of freedom
                number(e, "df", f.df());
            }
            number(e, "p_value", f.pValue());
        }
    }

    /** The JSON text of a fit, indented, ending with a line break. */
    public static String write(MixedModelFit fit) {
        return write(toJson(fit));
    }

    /** A fit's JSON object (perhaps with keys added to {@link #toJson}'s) as indented text. */
    public static String write(ObjectNode json) {
        return Json.pretty(json);
    }

    /** The same text as {@link #write(ObjectNode)}, written straight to {@code w} (flushed, not closed). */
    public static void write(ObjectNode json, Writer w) throws IOException {
        Json.write(json, true, w);
    }

    /** A level table: written when the object is written, or made a tree now. */
    private static JsonNode table(boolean streamed, Json.Streamed table) {
        return streamed ? NODES.pojoNode(table) : Json.tree(table);
    }

    /** The fixed effects' covariance matrix, rows and columns in fixed_effects order; null when absent. */
    private static void matrix(ObjectNode o, String name, double[][] v) {
        if (v == null || v.length == 0) {
            o.putNull(name);
            return;
        }
        Json.matrix(o.putArray(name), v);
    }
}
