package io.glimmer.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed of a command's random numbers: the one given with --seed, or one drawn and reported on
 * standard error, so that any run can be repeated exactly.
 */
final class Seeds {
    /** Drawn seeds are below 2^53: JSON readers that hold numbers as doubles (JavaScript, R) keep them exact. */
    static final long DRAWN_BOUND = 1L << 53;

    private Seeds() {
    }

    /** The given seed, or a drawn one after a note naming it. */
    static long givenOrDrawn(Long given, PrintWriter err) {
        if (given != null) {
            return given;
        }
        long seed = ThreadLocalRandom.current().nextLong(DRAWN_BOUND);
        report(seed, err);
        return seed;
    }

    /** The note naming a seed that was drawn, not given. */
    static void report(long seed, PrintWriter err) {
        err.println("glimmer: note: seed " + seed + " (give --seed " + seed + " to repeat this run)");
        err.flush();
    }
}
