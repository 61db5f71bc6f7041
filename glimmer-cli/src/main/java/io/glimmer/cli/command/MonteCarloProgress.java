package io.glimmer.cli.command;

import io.glimmer.fit.FitMonitor;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The command line's watch over a Monte Carlo fit (MCEM, MCNR): one progress line per iteration on
 * standard error when it is a terminal (iteration, Monte Carlo sample size, largest parameter change),
 * and Ctrl-C turned into a request to stop at the estimates so far (the fit then warns that it did not
 * converge). A second Ctrl-C ends the program at once. The handler is the JVM's INT signal
 * ({@code sun.misc.Signal}); where that is unavailable Ctrl-C keeps its usual meaning.
 */
final class MonteCarloProgress implements FitMonitor, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Object previous;

    MonteCarloProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Installs the Ctrl-C handler (for the fit's duration: {@link #close} restores the previous one). */
    MonteCarloProgress catchInterrupt() {
        try {
            sun.misc.Signal interrupt = new sun.misc.Signal("INT");
            previous = sun.misc.Signal.handle(interrupt, s -> {
                if (!stop.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(130);
                }
                err.println("glimmer: stopping after this iteration with the estimates so far (Ctrl-C again to quit at once)");
                err.flush();
            });
        } catch (Throwable e) { // no signal support: Ctrl-C ends the program as usual
            previous = null;
        }
        return this;
    }

    /** As Ctrl-C does: the fit stops after its current iteration. */
    void requestStop() {
        stop.set(true);
    }

    @Override
    public void iteration(String method, int iteration, int samples, double change) {
        if (terminal) {
            err.printf(Locale.ROOT, "glimmer: %s iteration %d: %d draws, largest change %.3g%n", method, iteration, samples, change);
            err.flush();
        }
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    @Override
    public void close() {
        if (previous instanceof sun.misc.SignalHandler h) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
            } catch (Throwable ignored) {
                // leave it
            }
        }
    }
}
