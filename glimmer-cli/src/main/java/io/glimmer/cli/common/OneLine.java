package io.glimmer.cli.common;

/** Messages must stay on one line, whatever a library or file name put in them. */
public final class OneLine {
    private OneLine() {
    }

    /** The message with its line breaks folded to spaces, or the fallback when there is none. */
    public static String of(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
