package io.glimmer.cli.options;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code --model}, the one declaration of it for the commands that draw a model (report, plot): a model
 * saved by {@code glimmer fit --save}, evaluated on the rows of {@code --data} instead of a formula and a fit.
 */
@Command // a mixin needs an annotation; this one adds no attributes of its own
public final class SavedModelOption {
    @Option(names = "--model", paramLabel = "MODEL", order = 1,
            description = "a model saved by glimmer fit --save, drawn on the rows of --data at its saved estimates (instead of --formula and a fit)")
    String file;

    /** The saved model's file, or null when the model comes from --formula. */
    public String file() {
        return file;
    }
}
