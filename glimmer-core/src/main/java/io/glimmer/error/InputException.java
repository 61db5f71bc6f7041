package io.glimmer.error;

/**
 * Bad input or usage: a file, column, value, option or formula the user can fix (exit status 2).
 * Its message names options as {@link GlimmerException} describes.
 */
public class InputException extends GlimmerException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitStatus() {
        return 2;
    }
}
