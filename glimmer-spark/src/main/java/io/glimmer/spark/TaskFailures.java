package io.glimmer.spark;

import io.glimmer.GlimmerException;

import java.util.function.Supplier;

/**
 * A core error raised in a task reaches the driver wrapped in Spark's own exception (after Spark's
 * retries): this finds it again, so bad data gets the core's one-line message, not a stack trace.
 */
final class TaskFailures {
    private TaskFailures() {
    }

    static <T> T unwrapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (GlimmerException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof GlimmerException g) {
                    throw g;
                }
            }
            throw e;
        }
    }
}
