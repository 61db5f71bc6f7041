package io.glimmer.error;

/**
 * Bad input or usage: a file, column, value, option or formula the user can fix (exit status 2).
 * Options named in the message (written {@code {--method GEE}}) read as Java in {@link #getMessage()}
 * ({@code method(GEE)}) and as flags in {@link #commandLineMessage()} ({@code --method GEE}).
 */
public class InputException extends GlimmerException {
    private final String template;

    public InputException(String message) {
        super(OptionMentions.java(message));
        this.template = message;
    }

    public InputException(String message, Throwable cause) {
        super(OptionMentions.java(message), cause);
        this.template = message;
    }

    /** The message in the command line's words: options as its flags. */
    public String commandLineMessage() {
        return OptionMentions.commandLine(template);
    }

    @Override
    public int exitStatus() {
        return 2;
    }
}
