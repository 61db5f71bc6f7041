package io.glimmer.error;

/**
 * The one error type Glimmer lets escape. Its message is a single line written for the user.
 * A plain GlimmerException is a failure inside a fit (exit status 1); {@link InputException}
 * is bad input or usage (exit status 2). Options named in the message (written {@code {--method GEE}})
 * read as Java in {@link #getMessage()} ({@code method(GEE)}) and as flags in
 * {@link #commandLineMessage()} ({@code --method GEE}).
 */
public class GlimmerException extends RuntimeException {
    private final String template;

    public GlimmerException(String message) {
        super(OptionMentions.java(message));
        this.template = message;
    }

    public GlimmerException(String message, Throwable cause) {
        super(OptionMentions.java(message), cause);
        this.template = message;
    }

    /** The message in the command line's words: options as its flags. */
    public String commandLineMessage() {
        return OptionMentions.commandLine(template);
    }

    /** The process exit status the command line uses for this error. */
    public int exitStatus() {
        return 1;
    }
}
