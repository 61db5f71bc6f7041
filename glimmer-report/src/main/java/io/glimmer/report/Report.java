package io.glimmer.report;

import io.glimmer.error.InputException;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.report.chart.Figure;
import io.glimmer.report.chart.Html;
import io.glimmer.report.chart.Svg;
import io.glimmer.report.plot.GroupCurves;
import io.glimmer.report.plot.PercentileHistograms;
import io.glimmer.report.plot.PlotSource;
import io.glimmer.summary.RFormat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report of a fit: one self-contained HTML page (inline SVG and CSS, no script, no font or
 * image from anywhere else), readable offline and printable. Sections: the summary (the text
 * {@code glimmer fit} prints, and tables of the fixed effects and variance components), the random
 * effects (caterpillar, QQ and shrinkage plots), the residuals, for GLMMs the simulation-based
 * scaled residuals, for binomial and Poisson models the percentile histograms, the curve of
 * {@code --effect}, and the picture of Z.
 */
public final class Report {
    private Report() {
    }

    /** The sections of a fit's report, in order. */
    public static List<Section> sections(PlotSource s, ReportOptions o) {
        return plan(s, o).sections();
    }

    /**
     * One line for each of the report's usual sections (or figures) that this kind of fit leaves out, and why:
     * what a zero-inflated, ordinal or nonlinear fit does not offer is said, not an error.
     */
    public static List<String> notes(PlotSource s, ReportOptions o) {
        return plan(s, o).notes();
    }

    /** The sections drawn and the notes on those left out. */
    private record Plan(List<Section> sections, List<String> notes) {
    }

    private static Plan plan(PlotSource s, ReportOptions o) {
        FitKind kind = FitKind.of(s);
        List<Section> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (s.hasModes()) {
            String shrinkage = kind.whyNoShrinkage();
            List<Figure> modes = shrinkage == null ? draw(s, o, PlotKind.CATERPILLAR, PlotKind.QQ_MODES, PlotKind.SHRINKAGE)
                    : draw(s, o, PlotKind.CATERPILLAR, PlotKind.QQ_MODES);
            if (shrinkage != null) {
                notes.add("Shrinkage plots: not drawn, " + shrinkage + ".");
            }
            out.add(new Section("random-effects", "Random effects", "Conditional modes with 95% prediction intervals from their conditional "
                    + "variances (sorted), their normal QQ plots" + (shrinkage == null ? ", and how far each level's own estimate is shrunk toward zero." : "."), modes));
        }
        if (kind.nonlinear()) {
            String why = GroupCurves.whyNot(s);
            if (why == null) {
                GroupCurves c = GroupCurves.of(s);
                out.add(new Section("curves", "Fitted curves over the observations", "The population curve (every parameter at its fixed effect) "
                        + "and each group's curve (its conditional modes added) over the group's data"
                        + (c.sampled() ? ", for " + c.groups().size() + " of the " + c.total() + " groups spread over the range of their modes" : "")
                        + "; then one small chart a group on shared axes, its curve solid and the population's dashed.",
                        draw(s, o, PlotKind.CURVES, PlotKind.GROUP_CURVES)));
            } else {
                notes.add("Fitted curves: not drawn, " + why + ".");
            }
        }
        String residuals = whyNoResiduals(s);
        if (residuals == null) {
            out.add(new Section("residuals", "Residuals", "Pearson residuals of the rows used, random effects at their modes.",
                    draw(s, o, PlotKind.RESIDUALS, PlotKind.SCALE_LOCATION, PlotKind.QQ_RESIDUALS)));
        } else {
            notes.add("Residual plots: not drawn, " + residuals + ".");
        }
        if (s.hasModes() && !s.model().family().isGaussianIdentity()) {
            String simulation = whyNotRefittable(s);
            if (simulation == null) {
                out.add(new Section("scaled-residuals", "Simulation-based scaled residuals", "Each row's response ranked among "
                        + o.simulations() + " responses simulated from the fitted model (new random effects each time; seed " + o.seed()
                        + "), ties broken at random: uniform on 0 to 1 when the model is right, whatever the family.", Figures.scaledResiduals(s, o)));
            } else {
                notes.add("Simulation-based scaled residuals: not drawn, " + simulation + ".");
            }
        }
        if (PercentileHistograms.applies(s) && kind.whyNoPredictions() == null) {
            out.add(new Section("histograms", "Predictions across the random-effect distribution", "The predicted "
                    + (s.model().family().name().equals("binomial") ? "probability" : "expected count")
                    + " of every row with one random effect held at the 20th, 40th, 60th and 80th percentiles of its normal "
                    + "distribution (the others at zero), then with fixed and random effects varying together.", draw(s, o, PlotKind.HISTOGRAMS)));
        } else if (kind.whyNoPredictions() != null && !kind.nonlinear()) {
            notes.add("Percentile histograms of the predictions: not drawn, " + kind.whyNoPredictions() + ".");
        }
        if (o.effect() != null && kind.whyNoPredictions() != null) {
            notes.add("Marginal and conditional effect of " + o.effect() + ": not drawn, " + kind.whyNoPredictions() + ".");
        } else if (o.effect() != null) {
            out.add(new Section("effect", "Marginal and conditional effect of " + o.effect(), "The curve of a typical group "
                    + "(random effects at zero) against the population-averaged one (integrated over the random effects): "
                    + "the marginal curve is flatter on a nonlinear link.", draw(s, o, PlotKind.EFFECT)));
        }
        if ("profile".equals(o.interval())) {
            out.add(new Section("profile", "Profile zeta plots", "For each parameter, \u03b6 (the signed square root of the rise in the "
                    + "deviance, the other parameters re-optimised) against the parameter's value, out to the 99% profile interval; the "
                    + "95% interval lies where \u03b6 = \u00b11.96 (dashed). Straight lines would mean Wald intervals serve; a REML fit is "
                    + "profiled by ML, as lme4 does.", draw(s, o, PlotKind.PROFILE)));
        }
        if ("bootstrap".equals(o.interval())) {
            out.add(new Section("bootstrap", "Parametric bootstrap", "For each parameter, the density of its estimates refitted to "
                    + o.replicates() + " responses simulated from the fit (seed " + o.seed() + ", as glimmer confint --interval bootstrap "
                    + "with the same seed), the estimate (solid) and the 95% percentile interval (dashed).", draw(s, o, PlotKind.BOOTSTRAP)));
        }
        if (s.hasModes() && !kind.nonlinear()) {
            out.add(new Section("z", "The random-effects model matrix Z", "Where Z has non-zero entries: all of it, then its first ten columns.",
                    draw(s, o, PlotKind.SPARSITY, PlotKind.SPARSITY_FIRST)));
        } else if (kind.nonlinear()) {
            notes.add("The picture of Z: not drawn, a nonlinear model's Z is the derivative of its mean in the random parameters, which changes with them.");
        }
        return new Plan(uniqueIds(out), List.copyOf(notes));
    }

    /** Every figure of the kinds, in order. */
    private static List<Figure> draw(PlotSource s, ReportOptions o, PlotKind... kinds) {
        List<Figure> out = new ArrayList<>();
        for (PlotKind k : kinds) {
            for (Candidate c : k.candidates(s, o)) {
                out.add(c.draw().get());
            }
        }
        return out;
    }

    /** Why responses cannot be simulated from this fit (the core's one line), or null when they can. */
    private static String whyNotRefittable(PlotSource s) {
        try {
            s.model().checkRefittable();
            return null;
        } catch (InputException e) {
            return FitKind.reason(e);
        }
    }

    /** Why the fit has no residuals to plot (the core's one line), or null when it has. */
    private static String whyNoResiduals(PlotSource s) {
        try {
            s.fit().residuals();
        } catch (InputException e) {
            return FitKind.reason(e);
        }
        return Figures.hasResiduals(s.fit(), s) ? null : "the fit reports no fitted value for every row";
    }

    /** The whole page. {@code summary} is the text {@code glimmer fit} prints for the fit. */
    public static String html(PlotSource s, ReportOptions o, String summary, String dataName) {
        MixedModelFit fit = s.fit();
        Plan plan = plan(s, o);
        List<Section> sections = plan.sections();
        StringBuilder b = new StringBuilder(1 << 16);
        String title = "Glimmer report: " + fit.formula();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(Css.TEXT).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"lede\">").append(Html.escape(
                        fit.method() + " fit of a " + fit.family() + " (" + fit.link() + ") model to " + dataName + ": " + fit.nObs() + " rows used"
                                + (fit.nDropped() > 0 ? ", " + fit.nDropped() + " dropped for missing values" : "") + "."))
                .append("</p>\n<nav aria-label=\"Sections\"><ul>\n<li><a href=\"#summary\">Summary</a></li>\n");
        for (Section sec : sections) {
            b.append("<li><a href=\"#").append(sec.id()).append("\">").append(Html.escape(sec.title())).append("</a></li>\n");
        }
        if (!plan.notes().isEmpty()) {
            b.append("<li><a href=\"#not-drawn\">Not drawn for this fit</a></li>\n");
        }
        b.append("</ul></nav>\n<section id=\"summary\">\n<h2>Summary</h2>\n");
        coefficientTable(fit.fixedEffects(), "Fixed effects", b);
        coefficientTable(fit.thresholds(), "Thresholds (the cumulative link's cut points between categories)", b);
        coefficientTable(fit.zeroInflationFixedEffects(), "Zero-inflation model (logit of the probability of a structural zero)", b);
        varianceTable(fit, b);
        b.append("<details open><summary>The summary as <code>glimmer fit</code> prints it</summary>\n<pre class=\"summary\">")
                .append(Html.escape(summary)).append("</pre></details>\n</section>\n");
        for (Section sec : sections) {
            b.append("<section id=\"").append(sec.id()).append("\">\n<h2>").append(Html.escape(sec.title())).append("</h2>\n<p>")
                    .append(Html.escape(sec.text())).append("</p>\n<div class=\"figures\">\n");
            for (Figure f : sec.figures()) {
                b.append("<figure id=\"fig-").append(f.id()).append("\" style=\"max-width:").append(f.width()).append("px\">\n")
                        .append(Svg.element(f)).append("\n<figcaption>").append(Html.escape(f.alt())).append("</figcaption>\n</figure>\n");
            }
            b.append("</div>\n</section>\n");
        }
        if (!plan.notes().isEmpty()) {
            b.append("<section id=\"not-drawn\">\n<h2>Not drawn for this fit</h2>\n<ul class=\"notes\">\n");
            for (String note : plan.notes()) {
                b.append("<li>").append(Html.escape(note)).append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void coefficientTable(List<FixedEffect> fe, String caption, StringBuilder b) {
        if (fe == null || fe.isEmpty()) {
            return;
        }
        boolean hasP = fe.stream().anyMatch(f -> f.pValue() != null);
        double[] est = fe.stream().mapToDouble(FixedEffect::estimate).toArray();
        double[] se = fe.stream().mapToDouble(FixedEffect::stdError).toArray();
        double[] st = fe.stream().mapToDouble(FixedEffect::statistic).toArray();
        b.append("<table class=\"numbers\">\n<caption>").append(Html.escape(caption)).append(" (4 significant digits)</caption>\n<thead><tr><th scope=\"col\">Term</th>")
                .append("<th scope=\"col\">Estimate</th><th scope=\"col\">Std. error</th><th scope=\"col\">Statistic</th>")
                .append(hasP ? "<th scope=\"col\">p-value</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < fe.size(); i++) {
            b.append("<tr><th scope=\"row\">").append(Html.escape(fe.get(i).term())).append("</th>")
                    .append(cell(est[i])).append(cell(se[i])).append(cell(st[i]));
            if (hasP) {
                b.append(fe.get(i).pValue() == null ? "<td></td>" : cell(fe.get(i).pValue()));
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void varianceTable(MixedModelFit fit, StringBuilder b) {
        List<VarianceComponent> vc = new ArrayList<>(fit.randomEffects());
        if (vc.isEmpty()) {
            return;
        }
        b.append("<table class=\"numbers\">\n<caption>Variance components (4 significant digits)</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Group</th><th scope=\"col\">Effect</th><th scope=\"col\">Variance</th><th scope=\"col\">Std. dev.</th>")
                .append("<th scope=\"col\">Levels</th></tr></thead>\n<tbody>\n");
        for (VarianceComponent c : vc) {
            Integer levels = fit.groups().get(c.group());
            b.append("<tr><th scope=\"row\">").append(Html.escape(c.group())).append("</th><td class=\"text\">").append(Html.escape(c.term()))
                    .append("</td>").append(cell(c.variance())).append(cell(c.stdDev())).append("<td>").append(levels == null ? "" : levels)
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static String cell(double x) {
        return "<td>" + Html.escape(RFormat.number(x, 4)) + "</td>";
    }

    /** Figure ids made unique across the page (a suffix on repeats), since they name the SVGs' inner ids. */
    private static List<Section> uniqueIds(List<Section> sections) {
        Set<String> seen = new HashSet<>();
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Figure> figs = new ArrayList<>();
            for (Figure f : s.figures()) {
                String id = f.id();
                for (int k = 2; !seen.add(id); k++) {
                    id = f.id() + "-" + k;
                }
                figs.add(id.equals(f.id()) ? f : new Figure(id, f.title(), f.alt(), f.chart(), f.width(), f.height()));
            }
            out.add(new Section(s.id(), s.title(), s.text(), figs));
        }
        return out;
    }
}
