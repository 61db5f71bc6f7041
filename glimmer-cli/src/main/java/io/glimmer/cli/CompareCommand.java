package io.glimmer.cli;

import io.glimmer.data.DataFrame;
import io.glimmer.inference.ModelComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code glimmer compare}: the fit table of any set of models and likelihood-ratio tests where nested, as lme4's anova. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Compare models fitted to the same rows, as lme4's anova(m0, m1, ...): npar, AIC, BIC, logLik and",
                "deviance of each, the models ordered by number of parameters. Each model is tested against the one before",
                "it by a likelihood-ratio test only when that one is nested in it (same response and rows, its fixed effects",
                "and each random-effects term contained in the larger model's); otherwise the row says why there is no test.",
                "REML fits are refitted by ML. When the larger model only adds variance components, the p-value from the",
                "chi-squared mixture of Self & Liang (1987) is given too, where a simple mixture applies."},
        footer = {"", "Example:",
                "  glimmer compare --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (1 | Subject)\" \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\"",
                "", "Exit status: 0 success, 2 bad input or usage (e.g. different responses or rows),",
                "1 a fit failed."})
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--formula", required = true, paramLabel = "FORMULA", order = 2,
            description = "a model in lme4 syntax; give it once per model, in any order")
    List<String> formulas = new ArrayList<>();

    @Mixin
    ModelOptions model;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        if (formulas.size() < 2) {
            throw new io.glimmer.InputException("compare needs at least two models: give --formula once per model");
        }
        for (String f : formulas) {
            if (f.isBlank()) {
                throw new io.glimmer.InputException("--formula is empty (expected e.g. \"y ~ x + (1 | g)\")");
            }
        }
        var options = model.fitOptions();
        output.checkWritable();
        DataFrame data = model.readData(main == null ? System.in : main.stdin());
        ModelComparison comparison = ModelComparison.of(data, formulas, options);
        String text = format.equals("json") ? CompareJson.write(comparison) : CompareText.render(comparison, model.dataName());
        output.write(text, spec.commandLine().getOut());
        return 0;
    }
}
