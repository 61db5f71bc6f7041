package io.glimmer.cli.command;

import io.glimmer.Glimmer;
import io.glimmer.cli.json.CompareJson;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.CompareText;
import io.glimmer.data.DataFrame;
import io.glimmer.inference.ModelComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code glimmer compare}: the fit table of any set of models and likelihood-ratio tests where nested, as lme4's anova. */
@Command(name = "compare",
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
public final class CompareCommand extends GlimmerCommand {
    @Mixin
    FormulaOption formula = FormulaOption.perModel();

    @Mixin
    ModelOptions model;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        List<String> formulas = formula.formulas();
        var options = model.fitOptions();
        output.checkWritable();
        DataFrame data = model.readData(stdin());
        ModelComparison comparison = Glimmer.compare(data, formulas, options);
        String text = format.equals("json") ? CompareJson.write(comparison) : CompareText.render(comparison, model.dataName());
        output.write(text, out());
        return 0;
    }
}
