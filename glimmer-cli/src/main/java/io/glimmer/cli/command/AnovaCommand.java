package io.glimmer.cli.command;

import io.glimmer.options.DenominatorDf;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.cli.json.AnovaJson;
import io.glimmer.cli.options.DdfOption;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.AnovaText;
import io.glimmer.data.DataFrame;
import io.glimmer.ddf.AnovaTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glimmer anova}: lmerTest's F tests of each fixed term of a linear mixed model. */
@Command(name = "anova",
        description = {"F tests of each fixed-effect term of a linear mixed model, as lmerTest's anova(fit, type, ddf):",
                "type III (default; each term adjusted for every other, orthogonal to the terms containing it) or type I",
                "(sequential), with Satterthwaite's or Kenward-Roger's denominator degrees of freedom."},
        footer = {"", "Example:",
                "  glimmer anova --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" --ddf satterthwaite",
                "", "Exit status: 0 success, 2 bad input or usage (e.g. a GLMM), 1 the fit failed."})
public final class AnovaCommand extends GlimmerCommand {
    @Mixin
    FormulaOption formula = FormulaOption.once();

    @Mixin
    ModelOptions model;

    @Mixin
    DdfOption ddf;

    @Option(names = "--type", paramLabel = "TYPE", order = 21,
            description = "3 (type III, lmerTest's default) or 1 (type I, sequential)")
    String type = "3";

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        DenominatorDf method = ddf.value();
        if (method == null) {
            throw new InputException("glimmer anova needs --ddf satterthwaite or --ddf kenward-roger");
        }
        int t = type(type);
        var options = model.fitOptions(method);
        output.checkWritable();
        DataFrame data = model.readData(stdin());
        AnovaTable table = Glimmer.anova(data, formula.formula(), options, t);
        String text = format.equals("json") ? AnovaJson.write(table) : AnovaText.render(table);
        output.write(text, out());
        return 0;
    }

    private static int type(String s) {
        return switch (s.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "3", "III" -> 3;
            case "1", "I" -> 1;
            default -> throw new InputException("--type must be 3 or 1 (lmerTest's type III or type I tests), not '" + s + "'");
        };
    }
}
