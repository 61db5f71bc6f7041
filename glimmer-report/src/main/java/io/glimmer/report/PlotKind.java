package io.glimmer.report;

import io.glimmer.error.InputException;
import io.glimmer.report.chart.Figure;
import io.glimmer.report.plot.PlotSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The plots {@code glimmer plot KIND} writes one at a time, by the names the command line takes;
 * the report draws the same kinds. A kind draws one figure of the whole fit, one per random effect
 * (chosen by group and term) or one per parameter.
 */
public enum PlotKind {
    CATERPILLAR("caterpillar", Chooses.EFFECT, "conditional modes with 95% prediction intervals, sorted"),
    QQ_MODES("qq-modes", Chooses.EFFECT, "normal QQ plot of the conditional modes"),
    SHRINKAGE("shrinkage", Chooses.EFFECT, "each level's own estimate (no pooling) against its conditional mode"),
    RESIDUALS("residuals", Chooses.NOTHING, "Pearson residuals against fitted values"),
    SCALE_LOCATION("scale-location", Chooses.NOTHING, "square root of the absolute standardised residuals against fitted values"),
    QQ_RESIDUALS("qq-residuals", Chooses.NOTHING, "normal QQ plot of the Pearson residuals"),
    SCALED_RESIDUALS("scaled-residuals", Chooses.NOTHING, "uniform QQ plot of the simulation-based scaled residuals (GLMMs)"),
    SCALED_FITTED("scaled-fitted", Chooses.NOTHING, "scaled residuals against the rank of the fitted values (GLMMs)"),
    HISTOGRAMS("histograms", Chooses.NOTHING, "predictions with each random effect at its 20/40/60/80th percentile (binomial, poisson)"),
    EFFECT("effect", Chooses.NOTHING, "marginal against conditional curve of the predictor --effect NAME"),
    SPARSITY("sparsity", Chooses.NOTHING, "Z's sparsity pattern, all of it"),
    SPARSITY_FIRST("sparsity-first", Chooses.NOTHING, "Z's sparsity pattern, its first ten columns"),
    CURVES("curves", Chooses.NOTHING, "nonlinear fits: the population and group curves over the observations"),
    GROUP_CURVES("group-curves", Chooses.EFFECT, "nonlinear fits: one group's curve over its observations (--group G --term LEVEL)"),
    PROFILE("profile", Chooses.PARAMETER, "profile zeta plot"),
    BOOTSTRAP("bootstrap", Chooses.PARAMETER, "parametric bootstrap density (--nsim, --seed)");

    /** What picks one of a kind's figures. */
    public enum Chooses { NOTHING, EFFECT, PARAMETER }

    private final String name;
    private final Chooses chooses;
    private final String description;

    PlotKind(String name, Chooses chooses, String description) {
        this.name = name;
        this.chooses = chooses;
        this.description = description;
    }

    /** The name the command line takes. */
    public String label() {
        return name;
    }

    public Chooses chooses() {
        return chooses;
    }

    public String description() {
        return description;
    }

    /** The kind of a name; an InputException listing the names for any other. */
    public static PlotKind parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (PlotKind k : values()) {
            if (k.name.equals(n)) {
                return k;
            }
        }
        throw new InputException("unknown plot '" + name + "' (choose " + names() + ")");
    }

    /** Every name, comma-separated, for help and messages. */
    public static String names() {
        return Arrays.stream(values()).map(PlotKind::label).collect(Collectors.joining(", "));
    }

    /** The kind's figures for this fit, not drawn yet; an InputException when the kind does not apply to it. */
    public List<Candidate> candidates(PlotSource s, ReportOptions o) {
        FitKind kind = FitKind.of(s);
        String why = switch (this) {
            case SHRINKAGE -> kind.whyNoShrinkage();
            case HISTOGRAMS, EFFECT -> kind.whyNoPredictions();
            case SPARSITY, SPARSITY_FIRST -> kind.nonlinear() ? "a nonlinear model's Z is the derivative of its mean, which changes with the parameters" : null;
            default -> null;
        };
        if (why != null) {
            throw new InputException(name + " is not drawn for this fit: " + why);
        }
        return switch (this) {
            case CATERPILLAR -> Figures.caterpillars(s);
            case QQ_MODES -> Figures.modeQuantiles(s);
            case SHRINKAGE -> Figures.shrinkage(s);
            case RESIDUALS -> List.of(Candidate.whole(() -> Figures.residualsVsFitted(s)));
            case SCALE_LOCATION -> List.of(Candidate.whole(() -> Figures.scaleLocation(s)));
            case QQ_RESIDUALS -> List.of(Candidate.whole(() -> Figures.residualQuantiles(s)));
            case SCALED_RESIDUALS -> List.of(Candidate.whole(() -> Figures.scaledResiduals(scaled(s), o).get(0)));
            case SCALED_FITTED -> List.of(Candidate.whole(() -> Figures.scaledResiduals(scaled(s), o).get(1)));
            case HISTOGRAMS -> List.of(Candidate.whole(() -> Figures.histograms(s)));
            case EFFECT -> {
                if (o.effect() == null) {
                    throw new InputException("the effect plot needs --effect NAME, a numeric predictor");
                }
                yield List.of(Candidate.whole(() -> Figures.effectCurve(s, o.effect())));
            }
            case SPARSITY -> List.of(Candidate.whole(() -> Figures.sparsityWhole(s)));
            case SPARSITY_FIRST -> List.of(Candidate.whole(() -> Figures.sparsityFirst(s)));
            case CURVES -> List.of(Candidate.whole(() -> Figures.curves(s)));
            case GROUP_CURVES -> Figures.groupCurves(s);
            case PROFILE -> Figures.profiles(s);
            case BOOTSTRAP -> Figures.bootstrap(s, o);
        };
    }

    /**
     * The one figure chosen: an InputException when the selection names a figure the fit does not
     * have, or leaves several (each listed, with the options that choose).
     */
    public Figure draw(PlotSource s, ReportOptions o, Selection selection) {
        if (chooses != Chooses.EFFECT && (selection.group() != null || selection.term() != null)) {
            throw new InputException("--group and --term choose among the random effects of caterpillar, qq-modes, shrinkage and group-curves, not " + name);
        }
        if (chooses != Chooses.PARAMETER && selection.parameter() != null) {
            throw new InputException("--parameter chooses among the parameters of profile and bootstrap, not " + name);
        }
        List<Candidate> all = candidates(s, o);
        List<Candidate> chosen = all.stream().filter(selection::matches).toList();
        if (chosen.size() == 1) {
            return chosen.get(0).draw().get();
        }
        String how = chooses == Chooses.EFFECT ? "--group and --term" : "--parameter";
        if (chosen.isEmpty()) {
            throw new InputException(name + ": this fit has no " + (chooses == Chooses.EFFECT ? "random effect" : "parameter") + " "
                    + (chooses == Chooses.EFFECT ? wanted(selection) : selection.parameter()) + " (it has " + labels(all) + ")");
        }
        throw new InputException(name + " draws " + chosen.size() + " figures for this fit (" + labels(chosen) + "); choose one with " + how);
    }

    private static String wanted(Selection s) {
        return (s.term() == null ? "any term" : s.term()) + " | " + (s.group() == null ? "any group" : s.group());
    }

    private static String labels(List<Candidate> c) {
        return c.stream().map(Candidate::label).collect(Collectors.joining(", "));
    }

    /** Scaled residuals are drawn for GLMMs whose responses can be simulated. */
    private static PlotSource scaled(PlotSource s) {
        s.requireModes("scaled residuals");
        if (s.model().family().isGaussianIdentity()) {
            throw new InputException("scaled residuals are drawn for generalized linear mixed models; a linear model's residuals are plain (plot residuals)");
        }
        s.model().checkRefittable();
        return s;
    }
}
