package io.glimmer.error;

/**
 * The one error type Glimmer lets escape. Its message is a single line written for the user.
 * A plain GlimmerException is a failure inside a fit (exit status 1); {@link InputException}
 * is bad input or usage (exit status 2).
 */
public class GlimmerException extends RuntimeException {
    public GlimmerException(String message) {
        super(message);
    }

    public GlimmerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit status the command line uses for this error. */
    public int exitStatus() {
        return 1;
    }
}
