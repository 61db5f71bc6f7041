package io.glimmer.glmm;

import io.glimmer.linalg.Parallel;

import java.util.function.IntConsumer;

/**
 * Runs the independent chunks of a Monte Carlo computation (chains, blocks of draws). Every chunk has
 * its own generator, split from the seed in chunk order before any runs, and its results are merged in
 * chunk order: the same seed gives the same bits whether the chunks run on one thread or many.
 */
interface DrawRunner {
    /** Runs body(0) … body(count − 1), each once; returns when all are done. */
    void forEach(int count, IntConsumer body);

    /** {@link Parallel}'s threads (the {@code glimmer.threads} property). */
    DrawRunner PARALLEL = Parallel::forEach;

    /** Everything on the calling thread. */
    DrawRunner SEQUENTIAL = (count, body) -> {
        for (int i = 0; i < count; i++) {
            body.accept(i);
        }
    };
}
