package io.glimmer.report;

import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.Residuals;
import io.glimmer.report.chart.CurveCharts;
import io.glimmer.report.chart.Figure;
import io.glimmer.report.chart.IntervalCharts;
import io.glimmer.report.chart.ModeCharts;
import io.glimmer.report.chart.PredictionCharts;
import io.glimmer.report.chart.ResidualCharts;
import io.glimmer.report.chart.SparsityChart;
import io.glimmer.report.plot.BootstrapDensities;
import io.glimmer.report.plot.Caterpillar;
import io.glimmer.report.plot.EffectCurve;
import io.glimmer.report.plot.GroupCurves;
import io.glimmer.report.plot.PercentileHistograms;
import io.glimmer.report.plot.PlotSource;
import io.glimmer.report.plot.ProfileZeta;
import io.glimmer.report.plot.QuantilePlot;
import io.glimmer.report.plot.ScaledResiduals;
import io.glimmer.report.plot.Scatter;
import io.glimmer.report.plot.Shrinkage;
import io.glimmer.report.plot.SparsityPattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Every figure the report and {@code glimmer plot} draw, by kind, from a fit, as candidates drawn on
 * demand. The one place where plot data meet their charts, so the report and the single-plot command
 * draw the same pictures.
 */
final class Figures {
    private Figures() {
    }

    static List<Candidate> caterpillars(PlotSource s) {
        List<Candidate> out = new ArrayList<>();
        for (Caterpillar c : Caterpillar.all(s)) {
            out.add(Candidate.effect(c.group(), c.term(), () -> ModeCharts.caterpillar(c, id("caterpillar", c.group(), c.term()))));
        }
        return out;
    }

    static List<Candidate> modeQuantiles(PlotSource s) {
        s.requireModes("qq-modes");
        List<Candidate> out = new ArrayList<>();
        for (ConditionalModes m : s.fit().conditionalModes()) {
            for (int t = 0; t < m.terms().size(); t++) {
                int term = t;
                out.add(Candidate.effect(m.group(), m.terms().get(t), () -> modeQuantiles(m, term)));
            }
        }
        return out;
    }

    private static Figure modeQuantiles(ConditionalModes m, int t) {
        double[] v = new double[m.levels().size()];
        for (int l = 0; l < v.length; l++) {
            v[l] = m.value(l, t);
        }
        String name = m.terms().get(t) + " | " + m.group();
        return ModeCharts.quantiles(QuantilePlot.normal("Normal QQ plot of the modes: " + name, v), id("qq-modes", m.group(), m.terms().get(t)),
                name + " (conditional mode)", "The " + v.length + " conditional modes of " + name
                        + " against standard normal quantiles, with a line through the quartiles; a straight line means normal random effects.");
    }

    static List<Candidate> shrinkage(PlotSource s) {
        List<Candidate> out = new ArrayList<>();
        for (Shrinkage sh : Shrinkage.all(s)) {
            for (int a = 0; a < sh.terms().size(); a++) {
                int effect = a;
                out.add(Candidate.effect(sh.group(), sh.terms().get(a), () -> ModeCharts.shrinkage(sh, effect, id("shrinkage", sh.group(), sh.terms().get(effect)))));
            }
        }
        return out;
    }

    static Figure residualsVsFitted(PlotSource s) {
        Residuals r = s.fit().residuals();
        return ResidualCharts.scatter(Scatter.residualsVsFitted(r), "residuals-fitted", true,
                "Pearson residuals of the " + r.size() + " rows used against their fitted values (random effects at their modes); no pattern is what a good fit shows.");
    }

    static Figure scaleLocation(PlotSource s) {
        Residuals r = s.fit().residuals();
        return ResidualCharts.scatter(Scatter.scaleLocation(r, s.residualScale()), "scale-location", false,
                "The square root of the absolute standardised Pearson residuals against the fitted values; a flat band means constant variance.");
    }

    static Figure residualQuantiles(PlotSource s) {
        Residuals r = s.fit().residuals();
        return ModeCharts.quantiles(QuantilePlot.normal("Normal QQ plot of the Pearson residuals", r.pearson()), "qq-residuals", "Pearson residual",
                "The " + r.size() + " Pearson residuals against standard normal quantiles, with a line through the quartiles.");
    }

    /** The scaled residuals' uniform QQ plot and their scatter against the rank of the fitted value, from one simulation. */
    static List<Figure> scaledResiduals(PlotSource s, ReportOptions o) {
        ScaledResiduals sr = ScaledResiduals.of(s, o.simulations(), o.seed());
        double[] v = sr.values();
        Figure qq = ModeCharts.quantiles(QuantilePlot.uniform("Uniform QQ plot of the scaled residuals", v), "qq-scaled", "scaled residual",
                "The " + v.length + " simulation-based scaled residuals (each row's place among " + sr.nsim()
                        + " responses simulated from the fit, seed " + sr.seed() + ") against uniform quantiles; on the diagonal when the model fits.");
        double[] rank = ranks(s.fit().fitted());
        Figure vs = ResidualCharts.scatter(Scatter.of("Scaled residuals vs fitted", "fitted value (rank, 0 to 1)", "scaled residual", rank, v),
                "scaled-fitted", false, "The scaled residuals against the rank of the fitted values; an even band from 0 to 1 means no misfit.");
        return List.of(qq, vs);
    }

    static Figure histograms(PlotSource s) {
        return PredictionCharts.histograms(PercentileHistograms.of(s), "histograms");
    }

    static Figure effectCurve(PlotSource s, String effect) {
        String label = s.model().family().name().equals("binomial") ? "probability" : "mean";
        return PredictionCharts.effectCurve(EffectCurve.of(s, effect), id("effect", effect, ""), label);
    }

    static Figure sparsityWhole(PlotSource s) {
        return SparsityChart.of(SparsityPattern.whole(s), "z-whole");
    }

    static Figure sparsityFirst(PlotSource s) {
        return SparsityChart.of(SparsityPattern.firstColumns(s, 10), "z-first");
    }

    static Figure curves(PlotSource s) {
        return CurveCharts.overview(GroupCurves.of(s), "curves");
    }

    /** One small chart a group drawn (its level named as the candidate's term). */
    static List<Candidate> groupCurves(PlotSource s) {
        GroupCurves c = GroupCurves.of(s);
        List<Candidate> out = new ArrayList<>();
        for (GroupCurves.Group g : c.groups()) {
            out.add(Candidate.effect(c.group(), g.level(), () -> CurveCharts.group(c, g, id("curve", c.group(), g.level()))));
        }
        return out;
    }

    /** One profile zeta plot a parameter (every parameter is profiled: ζ on a grid costs a re-optimisation a point). */
    static List<Candidate> profiles(PlotSource s) {
        List<Candidate> out = new ArrayList<>();
        for (ProfileZeta p : ProfileZeta.all(s)) {
            out.add(Candidate.parameter(p.parameter(), () -> IntervalCharts.profile(p, id("profile", p.parameter(), ""))));
        }
        return out;
    }

    static List<Candidate> bootstrap(PlotSource s, ReportOptions o) {
        BootstrapDensities b = BootstrapDensities.of(s, o.replicates(), o.seed());
        List<Candidate> out = new ArrayList<>();
        for (BootstrapDensities.Parameter p : b.parameters()) {
            out.add(Candidate.parameter(p.name(), () -> IntervalCharts.bootstrap(p, b.nsim(), id("bootstrap", p.name(), ""))));
        }
        return out;
    }

    /** Each value's rank scaled to 0..1 (ties by order), so crowded fitted values spread out. */
    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            r[order[k]] = x.length == 1 ? 0.5 : (double) k / (x.length - 1);
        }
        return r;
    }

    /** A figure id from its kind and names: lower-case letters, digits and dashes. */
    static String id(String kind, String group, String term) {
        String s = (kind + "-" + group + "-" + term).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-|-$", "");
    }

    static boolean hasResiduals(MixedModelFit fit, PlotSource s) {
        return fit.fitted().length == s.design().rows();
    }
}
