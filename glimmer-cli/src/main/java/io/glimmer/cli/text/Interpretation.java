package io.glimmer.cli.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.cli.common.OneLine;
import io.glimmer.design.Design;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.predict.MarginalCoefficients;
import io.glimmer.summary.RFormat;
import io.glimmer.summary.Summary;
import io.glimmer.summary.TextMatrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the coefficients mean on a scale people read, below the lme4-style summary and in the JSON:
 * odds ratios (logit link) or rate ratios (log link) with Wald 95% intervals; the intraclass
 * correlation of a random-intercept model (on the latent scale for a binomial GLMM: residual
 * variance π²/3 for logit, 1 for probit, π²/6 for cloglog); and for a binomial or Poisson GLMM the
 * marginal (population-averaged) coefficients.
 */
public final class Interpretation {
    /** The 97.5% point of the standard normal distribution. */
    private static final double Z975 = 1.959963984540054;
    private static final int DIGITS = 4;
    /** The group of the residual's row among the variance components. */
    private static final String RESIDUAL = "Residual";

    private final MixedModelFit fit;
    private final MarginalCoefficients marginal;
    private final String marginalProblem;

    private Interpretation(MixedModelFit fit, MarginalCoefficients marginal, String marginalProblem) {
        this.fit = fit;
        this.marginal = marginal;
        this.marginalProblem = marginalProblem;
    }

    /** @param design the design the fit was made on, or null (then no marginal coefficients) */
    public static Interpretation of(MixedModelFit fit, Design design) {
        MarginalCoefficients marginal = null;
        String problem = null;
        if (design != null && wantsMarginal(fit)) {
            try {
                marginal = MarginalCoefficients.of(fit, design);
            } catch (RuntimeException e) {
                problem = OneLine.of(e.getMessage(), e.getClass().getSimpleName());
            }
        }
        return new Interpretation(fit, marginal, problem);
    }

    /** Binomial and Poisson GLMMs fitted by likelihood or PQL, with random effects to integrate out. */
    public static boolean wantsMarginal(MixedModelFit fit) {
        return ("binomial".equals(fit.family()) || "poisson".equals(fit.family()))
                && (fit.details() instanceof EstimatorDetails.Glmm || fit.details() instanceof EstimatorDetails.Pql)
                && !fit.conditionalModes().isEmpty();
    }

    /** "odds" for the logit link, "rate" for the log link, else null. */
    private String ratioKind() {
        if (fit.fixedEffects().isEmpty() || Summary.isLinear(fit)) {
            return null;
        }
        return switch (fit.link() == null ? "" : fit.link()) {
            case "logit" -> "odds";
            case "log" -> "rate";
            default -> null;
        };
    }

    /** The ICC of each grouping factor of a random-intercept model, or an empty map. */
    Map<String, Double> icc() {
        Map<String, Double> out = new LinkedHashMap<>();
        List<VarianceComponent> random = fit.randomEffects().stream().filter(v -> !v.group().equals(RESIDUAL)).toList();
        if (random.isEmpty() || !random.stream().allMatch(v -> v.term().equals("(Intercept)"))) {
            return out;
        }
        double residual;
        if (Summary.isLinear(fit) && fit.residualStdDev() != null) {
            residual = fit.residualStdDev() * fit.residualStdDev();
        } else if ("binomial".equals(fit.family())) {
            residual = switch (fit.link() == null ? "" : fit.link()) {
                case "logit" -> Math.PI * Math.PI / 3;
                case "probit" -> 1;
                case "cloglog" -> Math.PI * Math.PI / 6;
                default -> Double.NaN;
            };
        } else {
            return out;
        }
        if (Double.isNaN(residual)) {
            return out;
        }
        double total = residual + random.stream().mapToDouble(VarianceComponent::variance).sum();
        for (VarianceComponent v : random) {
            out.merge(v.group(), v.variance() / total, Double::sum);
        }
        return out;
    }

    /** The text sections, each preceded by a blank line; empty when nothing applies. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String kind = ratioKind();
        if (kind != null) {
            out.add("");
            out.add(capitalise(kind) + " ratios with Wald 95% confidence intervals:");
            TextMatrix m = new TextMatrix(List.of(capitalise(kind) + " ratio", "2.5 %", "97.5 %"), true);
            List<FixedEffect> fe = fit.fixedEffects();
            double[][] ratios = ratios();
            String[][] cells = new String[3][];
            for (int c = 0; c < 3; c++) {
                cells[c] = RFormat.format(ratios[c], DIGITS);
            }
            for (int i = 0; i < fe.size(); i++) {
                m.row(fe.get(i).term(), cells[0][i], cells[1][i], cells[2][i]);
            }
            out.addAll(m.lines());
        }
        Map<String, Double> icc = icc();
        if (!icc.isEmpty()) {
            out.add("");
            String latent = Summary.isLinear(fit) ? "" : " (latent scale, residual variance "
                    + switch (fit.link()) {
                        case "logit" -> "pi^2/3";
                        case "probit" -> "1";
                        default -> "pi^2/6";
                    } + ")";
            out.add("Intraclass correlation" + latent + ":");
            TextMatrix m = new TextMatrix(List.of("ICC"), true);
            String[] v = RFormat.format(icc.values().stream().mapToDouble(Double::doubleValue).toArray(), DIGITS);
            int i = 0;
            for (String g : icc.keySet()) {
                m.row(g, v[i++]);
            }
            out.addAll(m.lines());
        }
        if (marginal != null) {
            out.add("");
            out.add("Marginal (population-averaged) effects:");
            boolean approx = marginal.attenuated() != null;
            List<String> headers = new ArrayList<>(List.of("Estimate", "Std. Error"));
            if (approx) {
                headers.add("Approx.");
            }
            TextMatrix m = new TextMatrix(headers, true);
            String[] est = RFormat.format(marginal.estimates(), DIGITS);
            String[] se = RFormat.format(marginal.stdErrors(), DIGITS);
            String[] at = approx ? RFormat.format(marginal.attenuated(), DIGITS) : null;
            for (int i = 0; i < est.length; i++) {
                m.row(marginal.terms().get(i), approx ? new String[]{est[i], se[i], at[i]} : new String[]{est[i], se[i]});
            }
            out.addAll(m.lines());
            out.add("(random effects integrated out by adaptive Gauss-Hermite quadrature;");
            out.add(" standard errors by the delta method, variance components held fixed" + (approx ? ";" : ")"));
            if (approx) {
                out.add(" Approx. = conditional estimate / sqrt(1 + c^2 * " + RFormat.number(marginal.interceptVariance(), DIGITS)
                        + "), c = 16 sqrt(3) / (15 pi))");
            }
        } else if (marginalProblem != null) {
            out.add("");
            out.add("Marginal (population-averaged) effects not computed: " + marginalProblem);
        }
        return out;
    }

    /** [ratio, lower, upper][coefficient]. */
    private double[][] ratios() {
        List<FixedEffect> fe = fit.fixedEffects();
        double[][] r = new double[3][fe.size()];
        for (int i = 0; i < fe.size(); i++) {
            FixedEffect f = fe.get(i);
            r[0][i] = Math.exp(f.estimate());
            r[1][i] = Math.exp(f.estimate() - Z975 * f.stdError());
            r[2][i] = Math.exp(f.estimate() + Z975 * f.stdError());
        }
        return r;
    }

    /** Adds odds_ratios or rate_ratios, icc and marginal_coefficients where they apply. */
    public void addTo(ObjectNode o) {
        String kind = ratioKind();
        if (kind != null) {
            ArrayNode a = o.putArray(kind + "_ratios");
            double[][] r = ratios();
            for (int i = 0; i < fit.fixedEffects().size(); i++) {
                ObjectNode e = a.addObject();
                e.put("term", fit.fixedEffects().get(i).term());
                number(e, kind + "_ratio", r[0][i]);
                number(e, "lower", r[1][i]);
                number(e, "upper", r[2][i]);
            }
        }
        Map<String, Double> icc = icc();
        if (!icc.isEmpty()) {
            ObjectNode e = o.putObject("icc");
            icc.forEach((g, v) -> number(e, g, v));
        }
        if (marginal != null) {
            ArrayNode a = o.putArray("marginal_coefficients");
            for (int i = 0; i < marginal.terms().size(); i++) {
                ObjectNode e = a.addObject();
                e.put("term", marginal.terms().get(i));
                number(e, "estimate", marginal.estimates()[i]);
                number(e, "std_error", marginal.stdErrors()[i]);
                number(e, "approximation", marginal.attenuated() == null ? Double.NaN : marginal.attenuated()[i]);
            }
        }
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
