package io.glimmer.cli;

import io.glimmer.cli.common.OneLine;

import io.glimmer.error.GlimmerException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * Turns every failure into one line on standard error and an exit status: 2 for usage errors and
 * {@link io.glimmer.error.InputException}, the exception's own status for other {@link GlimmerException}s,
 * 1 for anything unexpected. With debugging on, the stack trace follows the line.
 */
public final class ErrorReporter {
    static final int USAGE = 2;
    static final int FAILURE = 1;

    private final PrintWriter err;
    private final boolean debug;

    ErrorReporter(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** picocli could not parse the command line: unknown or missing options, bad values. */
    int parameterError(ParameterException ex, String[] args) {
        StringBuilder line = new StringBuilder(OneLine.of(ex.getMessage(), "invalid command line"));
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))).append("?)");
            }
        }
        CommandLine cl = ex.getCommandLine();
        String command = cl == null ? "glimmer" : cl.getCommandSpec().qualifiedName();
        line.append("; see '").append(command).append(" --help'");
        print("error", line.toString(), ex);
        return USAGE;
    }

    /** The command failed while running. */
    int executionError(Throwable t) {
        if (t instanceof GlimmerException g) {
            print("error", OneLine.of(g.commandLineMessage(), g.getClass().getSimpleName()), t);
            return g.exitStatus();
        }
        String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + OneLine.of(t.getMessage(), ""));
        if (t instanceof OutOfMemoryError) {
            message += " (give Java more memory, e.g. JAVA_OPTS=-Xmx8g)";
        }
        print("internal error", message, t);
        return FAILURE;
    }

    private void print(String kind, String message, Throwable t) {
        err.println("glimmer: " + kind + ": " + message);
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
    }
}
