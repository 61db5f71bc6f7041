package io.glimmer.spark;

import io.glimmer.error.GlimmerException;
import io.glimmer.error.InputException;

import java.util.function.Supplier;

/**
 * A core error raised in a task reaches the driver wrapped in Spark's own exception (after Spark's
 * retries), as a cause or only as text: this finds it again, so bad data gets the core's one-line
 * message, not a stack trace.
 */
final class TaskFailures {
    private static final String MARKER = InputException.class.getName() + ": ";

    private TaskFailures() {
    }

    static <T> T unwrapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (GlimmerException e) {
            throw e;
        } catch (Exception e) { // SparkException is checked, thrown undeclared from Scala
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof GlimmerException g) {
                    throw g;
                }
            }
            // A task's failure reaches the driver as text ("... failure: Lost task ...: io.glimmer.error.InputException: msg").
            String text = e.getMessage() == null ? "" : e.getMessage();
            int at = text.indexOf(MARKER);
            if (at >= 0) {
                int from = at + MARKER.length();
                int end = text.indexOf('\n', from);
                throw new InputException(text.substring(from, end < 0 ? text.length() : end).strip());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new GlimmerException("the Spark job failed: " + text.lines().findFirst().orElse(""), e);
        }
    }
}
