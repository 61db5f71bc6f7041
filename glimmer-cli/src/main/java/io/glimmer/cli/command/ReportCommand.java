package io.glimmer.cli.command;

import io.glimmer.cli.common.AtomicFile;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.SavedModelOption;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.report.Report;
import io.glimmer.report.ReportOptions;
import io.glimmer.error.InputException;
import io.glimmer.model.PreparedModel;
import io.glimmer.report.plot.BootstrapDensities;
import io.glimmer.report.plot.EffectCurve;
import io.glimmer.report.plot.PlotSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** {@code glimmer report}: fits the model and writes one self-contained HTML page of its summary and plots. */
@Command(name = "report",
        description = {"Fit a model and write an HTML report: the summary as tables, caterpillar, QQ and shrinkage plots of",
                "the conditional modes, residual plots, simulation-based scaled residuals, the texts' histograms and",
                "Z's sparsity; with --interval, profile zeta plots or bootstrap densities. One file, inline SVG",
                "and CSS, no script and nothing loaded from the network. Nonlinear fits add their fitted curves over",
                "the observations; what a kind of fit does not offer is listed at the end, with why. With --model,",
                "a model saved by glimmer fit --save is drawn on --data at its saved estimates, without refitting."},
        footer = {"", "Example:",
                "  glimmer report --data cbpp.csv \\",
                "      --formula \"cbind(incidence, size - incidence) ~ period + (1 | herd)\" \\",
                "      --family binomial --output cbpp.html",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
public final class ReportCommand extends GlimmerCommand {
    @Mixin
    FormulaOption formula = FormulaOption.unlessSaved();

    @Mixin
    ModelOptions model;

    @Mixin
    SavedModelOption savedModel;

    @Option(names = "--output", paramLabel = "FILE", order = 20, required = true, description = "the HTML file to write")
    String output;

    @Option(names = "--effect", paramLabel = "NAME", order = 21,
            description = "a numeric predictor: also draw its marginal (population-averaged) curve against the conditional one")
    String effect;

    @Option(names = "--seed", paramLabel = "S", order = 22,
            description = "seed of the simulated responses behind the scaled residuals and the bootstrap (default: a random seed, reported on standard error)")
    Long seed;

    @Option(names = "--interval", paramLabel = "METHOD", order = 23,
            description = "also draw the intervals' plots: profile (profile zeta plots) or bootstrap (bootstrap densities)")
    String interval;

    @Option(names = "--nsim", paramLabel = "N", order = 24, description = "bootstrap replicates of --interval bootstrap (default: 200)")
    Integer nsim;

    @Override
    public Integer call() {
        Path file = AtomicFile.path(output, "--output");
        AtomicFile.checkWritable(output, "--output");
        String method = intervalMethod();
        int replicates = Replicates.orDefault(nsim, BootstrapDensities.DEFAULT_REPLICATES);
        DrawnModel drawn = DrawnModel.of(savedModel, formula, model, stdin());
        DataFrame data = drawn.data();
        if (effect != null) {
            EffectCurve.checkColumn(data, effect);
        }
        PreparedModel prepared = drawn.prepared();
        if ("profile".equals(method)) {
            prepared.checkProfiled(); // before the fit: a model that is not profiled says so at once
        } else if ("bootstrap".equals(method)) {
            prepared.checkRefittable();
        }
        MixedModelFit fit = drawn.fit();
        ReportOptions options = ReportOptions.defaults(Seeds.givenOrDrawn(seed, err()))
                .withInterval(method, replicates);
        if (effect != null) {
            options = options.withEffect(effect);
        }
        AtomicFile.write(file, output, Report.html(PlotSource.of(fit), options, fit.toString(), data.source()));
        return 0;
    }

    /** The --interval method, null for none; --nsim belongs to the bootstrap. */
    private String intervalMethod() {
        String m = interval == null ? null : interval.strip().toLowerCase(Locale.ROOT);
        if (m != null && !m.equals("profile") && !m.equals("bootstrap")) {
            throw new InputException("unknown --interval '" + interval + "' (choose profile or bootstrap)");
        }
        if (nsim != null && !"bootstrap".equals(m)) {
            throw new InputException("--nsim applies to --interval bootstrap" + (m == null ? "" : ", not " + m));
        }
        return m;
    }
}
