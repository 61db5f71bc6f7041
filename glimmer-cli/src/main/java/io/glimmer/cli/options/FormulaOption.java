package io.glimmer.cli.options;

import io.glimmer.error.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

import java.util.List;

/**
 * {@code --formula}, the one declaration of it in the command line, mixed into every command that
 * fits a model: {@code @Mixin FormulaOption formula = FormulaOption.once();} (fit, confint,
 * simulate) or {@code FormulaOption.perModel()} (compare, given once per model).
 *
 * <p>The option is built here rather than annotated because its two shapes differ in type, which
 * picocli shows: a single value has the synopsis {@code --formula=FORMULA} and picocli itself
 * rejects a second one ("option '--formula' (FORMULA) should be specified only once", at parse
 * time); the repeated one is a list, {@code --formula=FORMULA [--formula=FORMULA]...}. Name, label,
 * position in the help and requiredness are the same for both.
 */
@Command // a mixin needs an annotation; this one adds no attributes of its own
public final class FormulaOption {
    private static final String EMPTY = "--formula is empty (expected e.g. \"y ~ x + (1 | g)\")";

    private final boolean repeatable;
    /** Whether the command refuses to run without it (report and plot take a saved model instead). */
    private final boolean required;
    private CommandSpec command;
    private OptionSpec option;

    private FormulaOption(boolean repeatable, boolean required) {
        this.repeatable = repeatable;
        this.required = required;
    }

    /** {@code --formula} given exactly once. */
    public static FormulaOption once() {
        return new FormulaOption(false, true);
    }

    /** {@code --formula} given at most once, for a command that can read the model from {@code --model} instead. */
    public static FormulaOption unlessSaved() {
        return new FormulaOption(false, false);
    }

    /** {@code --formula} given once per model, in any order. */
    public static FormulaOption perModel() {
        return new FormulaOption(true, true);
    }

    /** picocli calls this with the command this mixin is part of, before parsing. */
    @Spec(Spec.Target.MIXEE)
    void addTo(CommandSpec command) {
        OptionSpec.Builder b = OptionSpec.builder("--formula").required(required).paramLabel("FORMULA").order(2);
        if (repeatable) {
            b.type(List.class).auxiliaryTypes(String.class).description("a model in lme4 syntax; give it once per model, in any order");
        } else {
            b.type(String.class).description("lme4 syntax, e.g. \"y ~ x * f + (1 + x | g)\"");
        }
        this.command = command;
        option = b.build();
        command.addOption(option);
    }

    /** The formula of a command that takes one; an InputException when it is blank. */
    public String formula() {
        String f = option.getValue();
        if (f == null) {
            throw new InputException("give --formula, or --model with a model saved by glimmer fit --save");
        }
        if (f.isBlank()) {
            throw new InputException(EMPTY);
        }
        return f;
    }

    /** Whether --formula was given. */
    public boolean given() {
        return option.getValue() != null;
    }

    /** The formulas in the order given; an InputException when there are fewer than two or one is blank. */
    public List<String> formulas() {
        List<String> all = option.getValue();
        if (all.size() < 2) {
            throw new InputException(command.name() + " needs at least two models: give --formula once per model");
        }
        for (String f : all) {
            if (f.isBlank()) {
                throw new InputException(EMPTY);
            }
        }
        return all;
    }
}
