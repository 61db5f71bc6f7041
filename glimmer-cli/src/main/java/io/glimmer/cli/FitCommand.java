package io.glimmer.cli;

import io.glimmer.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code glimmer fit}: reads the data, fits the model and writes a summary or JSON. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Fit a (generalized) linear mixed model written in lme4's formula syntax.",
        footer = {"", "Example:",
                "  glimmer fit --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" --format json",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
final class FitCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--formula", required = true, paramLabel = "FORMULA", order = 2,
            description = "lme4 syntax, e.g. \"y ~ x * f + (1 + x | g)\"")
    String formula;

    @Mixin
    ModelOptions model;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        FitOptions options = model.fitOptions();
        if (formula.isBlank()) {
            throw new InputException("--formula is empty (expected e.g. \"y ~ x + (1 | g)\")");
        }
        output.checkWritable();
        DataFrame data = model.readData(main == null ? System.in : main.stdin());
        long start = System.nanoTime();
        MixedModelFit fit = Glimmer.fit(data, formula, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(fit.fitSeconds() > 0)) {
            fit = fit.toBuilder().fitSeconds(seconds).build();
        }
        String text = format.equals("json") ? FitJson.write(fit) : SummaryText.render(fit, model.dataName());
        output.write(text, spec.commandLine().getOut());
        return 0;
    }
}
