package io.glimmer.cli;

import io.glimmer.cli.command.AnovaCommand;
import io.glimmer.cli.command.CompareCommand;
import io.glimmer.cli.command.ConfintCommand;
import io.glimmer.cli.command.FitCommand;
import io.glimmer.cli.command.PlotCommand;
import io.glimmer.cli.command.PredictCommand;
import io.glimmer.cli.command.ReportCommand;
import io.glimmer.cli.command.SimulateCommand;
import io.glimmer.cli.common.StandardInput;
import io.glimmer.cli.common.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code glimmer} command. {@link #run(String[], InputStream, PrintStream, PrintStream)} runs it
 * in-process and returns the exit status: 0 success, 2 bad input or usage, 1 a failed fit or an
 * internal error. Every error is one line on standard error, without a stack trace unless the
 * environment variable GLIMMER_DEBUG is set.
 */
@Command(name = "glimmer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generalized linear mixed models, fitted with lme4's conventions.",
        footer = {"", "Example:",
                "  glimmer fit --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\"",
                "", "Run 'glimmer COMMAND --help' for the options of a command."})
public final class Main implements Callable<Integer>, StandardInput {
    /** The subcommands, in the order the usage lists them ({@link #commandLine(InputStream, String[])} adds them). */
    private static final List<Class<?>> SUBCOMMANDS = List.of(FitCommand.class, AnovaCommand.class, CompareCommand.class, ConfintCommand.class,
            SimulateCommand.class, PredictCommand.class, ReportCommand.class, PlotCommand.class, CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    Main(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input of this run (where {@code --data -} reads). */
    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (e.g. fit)");
    }

    /**
     * The command line with glimmer's settings: no @file expansion, and footers printed line by line
     * as written, never rewrapped, so that an example's line breaks are its own (" \\" continuations
     * outside quotes) and a pasted example is the command it shows.
     */
    static CommandLine commandLine(InputStream in) {
        return commandLine(in, new String[0]);
    }

    /**
     * The command line for these arguments: when the first names a subcommand (other than help), that
     * subcommand alone under a bare top command, since picocli reads every added command's annotations up front
     * (about a third of a small fit's process, docs/BENCHMARKS.md) and the top command's options, help and
     * version are then never parsed or shown; otherwise the whole command, for the top usage and its suggestions.
     */
    static CommandLine commandLine(InputStream in, String[] args) {
        Class<?> named = null;
        for (Class<?> c : SUBCOMMANDS) {
            if (c != CommandLine.HelpCommand.class && args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])) {
                named = c;
                break; // the others' annotations unread
            }
        }
        CommandLine cl;
        if (named != null) {
            // named as the annotation names it, so that messages and usage still say "glimmer fit"
            cl = new CommandLine(CommandSpec.wrapWithoutInspection(new Main(in)).name(Main.class.getAnnotation(Command.class).name()));
            cl.addSubcommand(named);
        } else {
            cl = new CommandLine(new Main(in));
            for (Class<?> c : SUBCOMMANDS) {
                cl.addSubcommand(c);
            }
        }
        cl.setExpandAtFiles(false);
        verbatimFooters(cl);
        return cl;
    }

    private static void verbatimFooters(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            String[] lines = help.commandSpec().usageMessage().footer();
            return lines.length == 0 ? "" : String.join(System.lineSeparator(), lines) + System.lineSeparator();
        });
        cl.getSubcommands().values().forEach(Main::verbatimFooters);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command line with this process's standard input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the command line in-process, writing UTF-8 text to {@code out} and {@code err}.
     *
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        ErrorReporter reporter = new ErrorReporter(e, System.getenv("GLIMMER_DEBUG") != null);
        try {
            CommandLine cl = commandLine(in, args);
            cl.setOut(o);
            cl.setErr(e);
            cl.setParameterExceptionHandler(reporter::parameterError);
            cl.setExecutionExceptionHandler((ex, line, parsed) -> reporter.executionError(ex));
            return cl.execute(args);
        } catch (Throwable t) { // errors (e.g. OutOfMemoryError) that picocli lets through
            return reporter.executionError(t);
        } finally {
            o.flush();
            e.flush();
        }
    }
}
