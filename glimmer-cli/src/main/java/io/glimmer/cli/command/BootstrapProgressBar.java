package io.glimmer.cli.command;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar for the bootstrap on standard error, redrawn with a carriage return.
 * Used only when there is a console: never in pipes, files or tests.
 */
final class BootstrapProgressBar implements IntConsumer {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private int shown = -1;

    BootstrapProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /** Called from worker threads with the number of replicates done. */
    @Override
    public synchronized void accept(int done) {
        int filled = (int) ((long) WIDTH * done / total);
        if (filled == shown && done != total) {
            return; // redraw only when the bar grows
        }
        shown = filled;
        err.print("\rbootstrap [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }

    /** Clears the bar so that what follows starts on a clean line. */
    synchronized void finish() {
        if (shown >= 0) {
            err.print("\r" + " ".repeat(WIDTH + 24 + 2 * String.valueOf(total).length()) + "\r");
            err.flush();
        }
    }
}
