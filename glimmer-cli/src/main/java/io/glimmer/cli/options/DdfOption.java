package io.glimmer.cli.options;

import io.glimmer.options.DenominatorDf;
import picocli.CommandLine.Option;

/** {@code --ddf}: denominator degrees of freedom for a linear mixed model's t and F tests (glimmer fit, glimmer anova). */
public final class DdfOption {
    @Option(names = "--ddf", paramLabel = "METHOD", order = 20,
            description = "denominator degrees of freedom of a linear mixed model's t and F tests: satterthwaite (lmerTest's) "
                    + "or kenward-roger (pbkrtest's, REML fits; adjusts the standard errors too)")
    String ddf;

    /** The method asked for, or null without --ddf; an InputException for an unknown name. */
    public DenominatorDf value() {
        return ddf == null ? null : DenominatorDf.parse(ddf.strip());
    }
}
