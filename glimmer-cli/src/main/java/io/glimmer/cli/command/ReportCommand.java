package io.glimmer.cli.command;

import io.glimmer.Glimmer;
import io.glimmer.cli.common.AtomicFile;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.report.Report;
import io.glimmer.report.ReportOptions;
import io.glimmer.report.plot.EffectCurve;
import io.glimmer.report.plot.PlotSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code glimmer report}: fits the model and writes one self-contained HTML page of its summary and plots. */
@Command(name = "report",
        description = {"Fit a model and write an HTML report: the summary as tables, caterpillar, QQ and shrinkage plots of",
                "the conditional modes, residual plots, simulation-based scaled residuals, the texts' histograms and",
                "Z's sparsity. One file, inline SVG and CSS, no script and nothing loaded from the network."},
        footer = {"", "Example:",
                "  glimmer report --data cbpp.csv \\",
                "      --formula \"cbind(incidence, size - incidence) ~ period + (1 | herd)\" \\",
                "      --family binomial --output cbpp.html",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
public final class ReportCommand extends GlimmerCommand {
    @Mixin
    FormulaOption formula = FormulaOption.once();

    @Mixin
    ModelOptions model;

    @Option(names = "--output", paramLabel = "FILE", order = 20, required = true, description = "the HTML file to write")
    String output;

    @Option(names = "--effect", paramLabel = "NAME", order = 21,
            description = "a numeric predictor: also draw its marginal (population-averaged) curve against the conditional one")
    String effect;

    @Option(names = "--seed", paramLabel = "S", order = 22,
            description = "seed of the simulated responses behind the scaled residuals (default: a random seed, reported on standard error)")
    Long seed;

    @Override
    public Integer call() {
        Path file = AtomicFile.path(output, "--output");
        AtomicFile.checkWritable(output, "--output");
        DataFrame data = model.readData(stdin());
        if (effect != null) {
            EffectCurve.checkColumn(data, effect);
        }
        MixedModelFit fit = Glimmer.prepare(data, formula.formula(), model.fitOptions()).fit();
        ReportOptions options = ReportOptions.defaults(Seeds.givenOrDrawn(seed, err()));
        if (effect != null) {
            options = options.withEffect(effect);
        }
        AtomicFile.write(file, output, Report.html(PlotSource.of(fit), options, fit.toString(), data.source()));
        return 0;
    }
}
