package io.glimmer.cli.command;

import io.glimmer.error.InputException;

/** {@code --nsim} of a bootstrap (confint, report, plot): checked once, the same way, before any fit. */
final class Replicates {
    private Replicates() {
    }

    /** The replicates asked for, or {@code byDefault} when --nsim is not given; fewer than one is bad input. */
    static int orDefault(Integer nsim, int byDefault) {
        if (nsim == null) {
            return byDefault;
        }
        if (nsim < 1) {
            throw new InputException("--nsim must be at least 1 bootstrap replicate, not " + nsim);
        }
        return nsim;
    }
}
