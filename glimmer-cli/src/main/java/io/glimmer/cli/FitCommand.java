package io.glimmer.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.InputException;
import io.glimmer.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.predict.Residuals;
import io.glimmer.predict.SavedModel;
import io.glimmer.summary.Summary;
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

    @Option(names = "--save", paramLabel = "MODEL", order = 25,
            description = "also write the fitted model to this file (JSON), for glimmer predict")
    String save;

    @Option(names = "--residuals", paramLabel = "FILE", order = 26,
            description = "also write a CSV of the fitted values and the response, Pearson, deviance and working residuals")
    String residuals;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        FitOptions options = model.fitOptions();
        if (formula.isBlank()) {
            throw new InputException("--formula is empty (expected e.g. \"y ~ x + (1 | g)\")");
        }
        output.checkWritable();
        if (save != null) {
            ModelFile.checkWritable(save, "--save");
            if (options.effectiveMethod() == Method.CONDITIONAL) {
                throw new InputException("--save: a conditional logistic regression has no intercept for new strata, so it cannot predict");
            }
        }
        if (residuals != null) {
            ModelFile.checkWritable(residuals, "--residuals");
        }
        DataFrame data = model.readData(main == null ? System.in : main.stdin());
        long start = System.nanoTime();
        MixedModelFit fit = Glimmer.fit(data, formula, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(fit.fitSeconds() > 0)) {
            fit = fit.toBuilder().fitSeconds(seconds).build();
        }
        // the design again (cheap next to the fit) for what needs the data's coding and rows
        Design design = save != null || residuals != null || Interpretation.wantsMarginal(fit)
                ? Design.of(data, Formula.parse(formula), options.weights()) : null;
        if (save != null) {
            ModelFile.write(SavedModel.of(fit, design), save);
        }
        if (residuals != null) {
            ResidualsFile.write(Residuals.of(fit, design, options.weights()), residuals);
        }
        Interpretation interpretation = Interpretation.of(fit, design);
        String text;
        if (format.equals("json")) {
            ObjectNode json = FitJson.toJson(fit);
            interpretation.addTo(json);
            text = FitJson.write(json);
        } else {
            text = Summary.render(fit, model.dataName(), interpretation.lines());
        }
        output.write(text, spec.commandLine().getOut());
        return 0;
    }
}
