package io.glimmer.cli.command;

import io.glimmer.cli.common.AtomicFile;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.SavedModelOption;
import io.glimmer.data.DataFrame;
import io.glimmer.error.InputException;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.report.PlotKind;
import io.glimmer.report.ReportOptions;
import io.glimmer.report.Selection;
import io.glimmer.report.chart.Figure;
import io.glimmer.report.chart.Png;
import io.glimmer.report.chart.Svg;
import io.glimmer.report.plot.BootstrapDensities;
import io.glimmer.report.plot.EffectCurve;
import io.glimmer.report.plot.PlotSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;

/** {@code glimmer plot KIND}: fits the model and writes one of the report's figures as SVG or PNG. */
@Command(name = "plot",
        description = {"Fit a model and write one plot of the report as SVG (text as text) or PNG (twice the size, for",
                "slides), chosen by the extension of --output. KIND is one of:",
                "  caterpillar, qq-modes, shrinkage  per random effect (--group, --term)",
                "  residuals, scale-location, qq-residuals",
                "  scaled-residuals, scaled-fitted   simulation-based scaled residuals (GLMMs; --seed)",
                "  histograms                        the texts' percentile histograms (binomial, poisson)",
                "  effect                            marginal vs conditional curve of --effect NAME",
                "  sparsity, sparsity-first          Z's sparsity pattern, whole and its first ten columns",
                "  curves, group-curves              nonlinear fits: population and group curves over the data;",
                "                                    one group's (--group G --term LEVEL)",
                "  profile, bootstrap                per parameter (--parameter; bootstrap: --nsim, --seed)"},
        footer = {"", "Example:",
                "  glimmer plot caterpillar --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" \\",
                "      --term Days --output days.svg",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
public final class PlotCommand extends GlimmerCommand {
    @Parameters(index = "0", paramLabel = "KIND", description = "the plot (see above)")
    String kind;

    @Mixin
    FormulaOption formula = FormulaOption.unlessSaved();

    @Mixin
    ModelOptions model;

    @Mixin
    SavedModelOption savedModel;

    @Option(names = "--output", paramLabel = "FILE", order = 20, required = true, description = "FILE.svg or FILE.png")
    String output;

    @Option(names = "--group", paramLabel = "G", order = 21, description = "the grouping factor of the random effect drawn")
    String group;

    @Option(names = "--term", paramLabel = "T", order = 22, description = "the term of the random effect drawn, e.g. (Intercept)")
    String term;

    @Option(names = "--parameter", paramLabel = "P", order = 23,
            description = "the parameter of a profile or bootstrap plot, named as glimmer confint names it")
    String parameter;

    @Option(names = "--effect", paramLabel = "NAME", order = 24, description = "the numeric predictor of the effect plot")
    String effect;

    @Option(names = "--nsim", paramLabel = "N", order = 25, description = "bootstrap replicates (default: 200)")
    Integer nsim;

    @Option(names = "--seed", paramLabel = "S", order = 26,
            description = "seed of the simulations of scaled-residuals, scaled-fitted and bootstrap (default: drawn, reported on standard error)")
    Long seed;

    @Override
    public Integer call() {
        PlotKind k = PlotKind.parse(kind);
        boolean png = format();
        Path file = AtomicFile.path(output, "--output");
        AtomicFile.checkWritable(output, "--output");
        boolean random = k == PlotKind.SCALED_RESIDUALS || k == PlotKind.SCALED_FITTED || k == PlotKind.BOOTSTRAP;
        checkApplies(k, random);
        int replicates = Replicates.orDefault(nsim, BootstrapDensities.DEFAULT_REPLICATES);
        DrawnModel drawn = DrawnModel.of(savedModel, formula, model, stdin());
        DataFrame data = drawn.data();
        if (effect != null) {
            EffectCurve.checkColumn(data, effect);
        }
        PreparedModel prepared = drawn.prepared();
        if (k == PlotKind.PROFILE) {
            prepared.checkProfiled();
        } else if (random) {
            prepared.checkRefittable();
        }
        MixedModelFit fit = drawn.fit();
        long s = random ? Seeds.givenOrDrawn(seed, err()) : 0;
        ReportOptions options = ReportOptions.defaults(s).withInterval(null, replicates);
        if (effect != null) {
            options = options.withEffect(effect);
        }
        Figure f = k.draw(PlotSource.of(fit), options, new Selection(group, term, parameter));
        if (png) {
            AtomicFile.write(file, output, out -> Png.write(f, out));
        } else {
            AtomicFile.write(file, output, Svg.document(f));
        }
        return 0;
    }

    /** PNG for a name ending in .png, SVG for .svg; anything else is refused. */
    private boolean format() {
        String name = output == null ? "" : output.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return true;
        }
        if (name.endsWith(".svg")) {
            return false;
        }
        throw new InputException("--output " + output + ": the file name must end in .svg or .png (the format written)");
    }

    /** Options that the plot would ignore are refused, before the fit. */
    private void checkApplies(PlotKind k, boolean random) {
        if (effect != null && k != PlotKind.EFFECT) {
            throw new InputException("--effect applies to the effect plot, not " + k.label());
        }
        if (nsim != null && k != PlotKind.BOOTSTRAP) {
            throw new InputException("--nsim applies to the bootstrap plot, not " + k.label());
        }
        if (seed != null && !random) {
            throw new InputException("--seed applies to scaled-residuals, scaled-fitted and bootstrap, not " + k.label());
        }
        if (k == PlotKind.EFFECT && effect == null) {
            throw new InputException("the effect plot needs --effect NAME, a numeric predictor");
        }
    }
}
